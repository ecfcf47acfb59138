// SPDX-License-Identifier: Apache-2.0
// xsw.envelope_field_changed — with only the Assertion signed, the Response envelope is
// unauthenticated: an attacker edits one of its fields after signing (XSW-UNSIGNED-RESP-FIELDS).
// An SP that decides on the envelope (InResponseTo, Status, Destination, Issuer) instead of the
// signed copies is steered. saml-profiles §4.1.4.3: every check rests on signed data, and any
// unsigned field that disagrees is a reason to reject.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: field (in_response_to_unknown: Response/@InResponseTo names no request of this SP, the
// signed SubjectConfirmationData keeps the real one; status_responder: StatusCode Responder;
// destination_other: another SP's ACS; issuer_unknown: an Issuer no SP trusts), value (the new
// text, for every field but status_responder).
core::Result<void> xsw_envelope_field_changed(Target& target) {
  namespace n = core::names;
  auto field = xsw::choice_param(target, "field", "in_response_to_unknown|status_responder|destination_other|issuer_unknown",
                                 "in_response_to_unknown");
  auto value = string_param(target, "value");
  if (!field || !value) {
    return core::fail(!field ? field.error() : value.error());
  }
  xmlNode* response = xsw::response(target);
  if (response == nullptr || xsw::signature_of(response) != nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Response envelope is signed");
  }
  if (*field == "in_response_to_unknown") {
    core::set_attribute(response, "InResponseTo", value->value_or(core::new_saml_id()));
  } else if (*field == "destination_other") {
    core::set_attribute(response, "Destination", value->value_or("https://other-sp.example/saml/acs"));
  } else if (*field == "issuer_unknown") {
    xmlNode* issuer = core::child_named(response, n::ns_assertion, "Issuer");
    if (issuer == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "the Response has no Issuer");
    }
    core::set_text(issuer, value->value_or("https://sts.windows.net/" + core::new_guid() + "/"));
  } else {
    auto codes = core::descendants_named(response, n::ns_protocol, "StatusCode");
    if (codes.empty()) {
      return core::fail(core::Reason::mutator_not_applicable, "the Response has no StatusCode");
    }
    core::set_attribute(codes.front(), "Value", n::status_responder);
  }
  return {};
}

}  // namespace samlt::idp::mutators
