// SPDX-License-Identifier: Apache-2.0
// response.shape
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-core §3.2.2: the root is samlp:Response with Version "2.0", a non-empty ID and an
// IssueInstant (a valid xs:dateTime that is not in the future beyond the skew:
// TIME-ISSUEINSTANT-FUTURE). Nothing here is trusted yet; it can only reject.
core::Result<void> response_shape(const Context& ctx, MessageEvidence& ev) {
  xmlNode* root = ev.doc.root();
  if (!core::is_element(root, core::names::ns_protocol, "Response")) {
    return core::fail(core::Reason::response_not_a_response,
                      "root element is {" + std::string(core::namespace_uri(root)) + "}" +
                          std::string(core::local_name(root)));
  }
  auto version = core::attribute(root, "Version");
  if (version != "2.0") {
    return core::fail(core::Reason::response_version_unsupported, "Version is '" + version.value_or("(none)") + "'");
  }
  auto id = core::attribute(root, "ID");
  if (!id || read::is_blank(*id)) {
    return core::fail(core::Reason::response_id_missing, "Response/@ID is missing or empty");
  }
  auto issued = read::optional_time(root, "IssueInstant");
  if (!issued) {
    return core::fail(issued.error());
  }
  if (!*issued) {
    return core::fail(core::Reason::response_issue_instant_missing, "Response/@IssueInstant is missing");
  }
  if (read::is_before(ctx.now, **issued, ctx.policy.clock_skew)) {
    return core::fail(core::Reason::time_issued_in_future,
                      "Response/@IssueInstant " + *core::attribute(root, "IssueInstant") + " is in the future");
  }
  ev.response = root;
  ev.response_id = *id;
  return {};
}

}  // namespace samlt::sp::steps
