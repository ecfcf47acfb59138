// SPDX-License-Identifier: Apache-2.0
// response.in_response_to
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// saml-profiles §4.1.4.3: InResponseTo must name a request this SP sent and has not seen answered
// (IRT-UNKNOWN, IRT-REUSE, IRT-EMPTY), from this browser (the binding cookie set at /saml/login),
// to this IdP, before it expired. Without InResponseTo the Response is unsolicited (§4.1.5),
// allowed only when policy.allow_unsolicited (UNSOL-BLOCKED). This reads the unsigned envelope:
// the signed SubjectConfirmationData/@InResponseTo must agree (subject_confirmation.bearer).
// Whether the request was already answered is decided in admission, atomically and after the
// replay check: the same Response posted twice is then named a replay (replay.assertion_reused),
// and a fresh Response to a used request is response.in_response_to_unknown (IRT-REUSE).
core::Result<void> response_in_response_to(const Context& ctx, MessageEvidence& ev) {
  auto irt = core::attribute(ev.response, "InResponseTo");
  if (!irt) {
    if (!ctx.policy.allow_unsolicited) {
      return core::fail(core::Reason::response_unsolicited_forbidden,
                        "no InResponseTo and policy.allow_unsolicited is false");
    }
    ev.request.reset();
    return {};
  }
  auto unknown = [&](const std::string& why) {
    return core::fail(core::Reason::response_in_response_to_unknown, "InResponseTo '" + *irt + "' " + why);
  };
  if (irt->empty()) {
    return unknown("is empty");
  }
  auto found = ctx.outstanding(*irt);
  if (!found) {
    return core::fail(found.error());
  }
  if (!*found || (*found)->kind != RequestKind::authn) {
    return unknown("names no AuthnRequest this SP sent");
  }
  const OutstandingRequest& request = **found;
  if (ctx.now >= request.expires_at) {
    return unknown("has expired");
  }
  if (request.browser_binding != ctx.browser_binding) {
    return unknown("was sent for another browser (binding cookie mismatch)");
  }
  if (request.idp != ev.idp->name) {
    return unknown("was sent to IdP '" + request.idp + "', not to '" + ev.idp->name + "'");
  }
  ev.request = request;
  return {};
}

}  // namespace samlt::sp::steps
