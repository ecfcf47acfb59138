// SPDX-License-Identifier: Apache-2.0
// response.destination
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// saml-core §3.2.2 and saml-profiles §4.1.4.3: when present, Destination must equal this ACS URL
// exactly (DEST-WRONG, DEST-EMPTY). saml-bindings §3.5.5.2: a signed Response must carry one
// (DEST-MISSING-SIGNED). The envelope is unauthenticated when only the Assertion is signed, so
// this can only reject; acceptance rests on the signed Recipient (subject_confirmation.bearer).
core::Result<void> response_destination(const Context& ctx, MessageEvidence& ev) {
  auto destination = core::attribute(ev.response, "Destination");
  if (!destination) {
    if (core::child_named(ev.response, core::names::ns_dsig, "Signature") != nullptr) {
      return core::fail(core::Reason::response_destination_missing_when_signed,
                        "the Response is signed but has no Destination");
    }
    return {};
  }
  if (*destination != ctx.acs_url) {
    return core::fail(core::Reason::response_destination_mismatch,
                      "Destination '" + *destination + "' is not '" + std::string(ctx.acs_url) + "'");
  }
  return {};
}

}  // namespace samlt::sp::steps
