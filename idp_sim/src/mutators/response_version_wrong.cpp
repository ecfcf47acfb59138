// SPDX-License-Identifier: Apache-2.0
// response.version_wrong — a Response claiming another protocol version. saml-core §3.2.2 and
// §4.1.2: a SAML 2.0 responder must refuse a message whose major version it does not support.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> response_version_wrong(Target& target) {
  core::set_attribute(target.doc->root(), "Version", "1.1");
  return {};
}

}  // namespace samlt::idp::mutators
