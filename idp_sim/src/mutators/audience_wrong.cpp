// SPDX-License-Identifier: Apache-2.0
// audience.wrong — a token issued to another application replayed at this SP (the classic
// "token forwarding" confusion). saml-core §2.5.1.4: the SP must be named by an Audience.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> audience_wrong(Target& target) {
  auto audience = string_param(target, "audience");
  if (!audience) {
    return core::fail(audience.error());
  }
  target.spec.audiences = {audience->value_or("https://other-sp.example/")};
  return {};
}

}  // namespace samlt::idp::mutators
