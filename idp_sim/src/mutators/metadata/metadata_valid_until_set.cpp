// SPDX-License-Identifier: Apache-2.0
// metadata.valid_until_set — the metadata's validUntil (attack-catalogue MD-VALIDITY): in the past
// (default; saml-metadata §2.2.1: the document must not be used after it), 100 years ahead (a
// stale document that never expires, SAML2int IIP-MD04), or absent (as Entra publishes it). Param
// `value`: past | far_future | absent.
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_time.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_valid_until_set(Target& target) {
  auto value = string_param(target, "value");
  if (!value) {
    return core::fail(value.error());
  }
  std::string wanted = value->value_or("past");
  xmlNode* root = target.doc->root();
  if (wanted == "absent") {
    core::remove_attribute(root, "validUntil");
  } else if (wanted == "past" || wanted == "far_future") {
    auto at = wanted == "past" ? target.t0 - std::chrono::days(1) : target.t0 + std::chrono::days(36525);
    core::set_attribute(root, "validUntil", core::format_datetime(at));
  } else {
    return core::fail(core::Reason::mutator_params_invalid, "/value: expected past, far_future or absent");
  }
  return {};
}

}  // namespace samlt::idp::mutators
