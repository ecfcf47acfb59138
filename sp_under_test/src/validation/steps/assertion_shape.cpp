// SPDX-License-Identifier: Apache-2.0
// assertion.shape
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-core §2.3.3: the Assertion has a non-empty ID, Version "2.0" and a valid IssueInstant that
// is not in the future beyond the skew (STRUCT-VERSION, STRUCT-ID-MISSING,
// TIME-ISSUEINSTANT-FUTURE). Read before the signature check, so it can only reject.
core::Result<void> assertion_shape(const Context& ctx, MessageEvidence& ev) {
  xmlNode* assertion = ev.assertion_candidate;
  auto id = core::attribute(assertion, "ID");
  if (!id || read::is_blank(*id)) {
    return core::fail(core::Reason::assertion_id_missing, "Assertion/@ID is missing or empty");
  }
  auto version = core::attribute(assertion, "Version");
  if (version != "2.0") {
    return core::fail(core::Reason::assertion_version_unsupported,
                      "Assertion/@Version is '" + version.value_or("(none)") + "'");
  }
  auto issued = read::optional_time(assertion, "IssueInstant");
  if (!issued) {
    return core::fail(issued.error());
  }
  if (!*issued) {
    return core::fail(core::Reason::time_unparseable, "Assertion/@IssueInstant is missing");
  }
  if (read::is_before(ctx.now, **issued, ctx.policy.clock_skew)) {
    return core::fail(core::Reason::time_issued_in_future,
                      "Assertion/@IssueInstant " + *core::attribute(assertion, "IssueInstant") + " is in the future");
  }
  return {};
}

}  // namespace samlt::sp::steps
