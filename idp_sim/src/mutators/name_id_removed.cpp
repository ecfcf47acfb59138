// SPDX-License-Identifier: Apache-2.0
// name_id.removed — a Subject with no NameID: an SP that falls back to an attribute or an empty
// principal signs in the wrong account. saml-profiles §4.1.4.2: the Subject identifies the principal.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> name_id_removed(Target& target) {
  return remove_first(target, core::names::ns_assertion, "NameID");
}

}  // namespace samlt::idp::mutators
