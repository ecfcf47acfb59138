// SPDX-License-Identifier: Apache-2.0
// response.status
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// saml-core §3.2.2.2 and saml-profiles §4.1.4.2: only a top-level StatusCode of exactly
// urn:oasis:names:tc:SAML:2.0:status:Success may carry an assertion (STATUS-*). Checked before
// any signature because an IdP error response usually carries no assertion at all. The detail
// names the top and second-level codes and the StatusMessage.
core::Result<void> response_status(const Context&, MessageEvidence& ev) {
  namespace n = core::names;
  xmlNode* status = core::child_named(ev.response, n::ns_protocol, "Status");
  xmlNode* code = core::child_named(status, n::ns_protocol, "StatusCode");
  auto value = core::attribute(code, "Value");
  if (status == nullptr || code == nullptr || !value) {
    return core::fail(core::Reason::status_missing, "no samlp:Status/samlp:StatusCode/@Value");
  }
  if (*value == n::status_success) {
    return {};
  }
  std::string detail = "StatusCode " + *value;
  if (auto second = core::attribute(core::child_named(code, n::ns_protocol, "StatusCode"), "Value")) {
    detail += " / " + *second;
  }
  if (auto message = core::simple_text(core::child_named(status, n::ns_protocol, "StatusMessage"))) {
    detail += ": " + *message;
  }
  return core::fail(core::Reason::status_not_success, detail);
}

}  // namespace samlt::sp::steps
