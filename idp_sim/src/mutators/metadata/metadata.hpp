// SPDX-License-Identifier: Apache-2.0
// §14 Metadata: faults of the IdP's federation metadata document (one .cpp each). They are not
// Response mutators: federation_metadata() applies them (samlt/idp/metadata.hpp), at the stages
//   unsigned_xml  the EntityDescriptor built, not yet signed (spec.signer / spec.signing choose
//                 who signs it, or that nobody does: Signing::none);
//   signed_xml    after signing;
//   serialized    on the bytes (BOM, XML declaration, document).
// Target::spec is a holder for the signer only; Target::doc is the metadata document.
#pragma once

#include "samlt/idp/mutator.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_signature_removed(Target& target);
core::Result<void> metadata_signed_by(Target& target);
core::Result<void> metadata_wrapped(Target& target);
core::Result<void> metadata_valid_until_set(Target& target);
core::Result<void> metadata_entity_id_changed(Target& target);
core::Result<void> metadata_doctype_added(Target& target);
core::Result<void> metadata_endpoint_scheme_set(Target& target);
core::Result<void> metadata_signing_methods_advertised(Target& target);
core::Result<void> metadata_key_descriptor_set(Target& target);

}  // namespace samlt::idp::mutators
