// SPDX-License-Identifier: Apache-2.0
// in_response_to.set — InResponseTo of the Response, of the bearer SubjectConfirmationData, or of
// both, set to param value (default "", present but empty), then signed. saml-profiles §4.1.4.3:
// InResponseTo must name a request the SP sent; an empty one names none, and must not pass as
// "unsolicited" (case IRT-EMPTY; Shibboleth blockUnsolicited). Param where: response | confirmation
// | both (default). in_response_to.unknown and subject_confirmation.in_response_to_mismatch are
// fixed forms of the same fault.
#include "mutators/locate.hpp"
#include "mutators/replay/replay.hpp"

namespace samlt::idp::mutators {

core::Result<void> in_response_to_set(Target& target) {
  auto where = text_param(target, "where", "both");
  auto value = text_param(target, "value", "");
  if (!where || !value) {
    return core::fail(!where ? where.error() : value.error());
  }
  if (*where != "response" && *where != "confirmation" && *where != "both") {
    return core::fail(core::Reason::mutator_params_invalid, "/where: expected response, confirmation or both");
  }
  for (std::string_view place : {"response", "subject_confirmation_data"}) {
    if (*where != "both" && (*where == "response") != (place == "response")) {
      continue;
    }
    auto element = locate(target, place);
    if (!element) {
      return core::fail(element.error());
    }
    core::set_attribute(*element, "InResponseTo", *value);
  }
  return {};
}

}  // namespace samlt::idp::mutators
