// SPDX-License-Identifier: Apache-2.0
// §14 Metadata. The section has no Response mutators (metadata_mutators() is empty); its faults act
// on the IdP metadata document, so they have a table of their own that federation_metadata()
// applies and all_mutators() does not list. `expected` is what the reference SP answers when it
// refreshes a registered IdP from the faulty document; when it accepts the document, what it answers
// to the next sign-in made with the `baseline` app settings.
#include "mutators/metadata/metadata.hpp"
#include "mutators/sections.hpp"
#include "samlt/idp/metadata.hpp"

namespace samlt::idp {
namespace mutators {

std::span<const Mutator> metadata_mutators() {
  return {};
}

}  // namespace mutators

std::span<const Mutator> metadata_document_mutators() {
  using core::Reason;
  namespace m = mutators;
  static constexpr Mutator k_rows[] = {
      {"metadata.signature_removed", Stage::signed_xml, Reason::metadata_signature_missing,
       "the metadata without its Signature", &m::metadata_signature_removed, 14, Capability::no_key},
      {"metadata.signed_by", Stage::unsigned_xml, Reason::metadata_signature_invalid,
       "the metadata signed with the attacker's key, its certificate in KeyInfo (param credential, default "
       "idp-rogue)",
       &m::metadata_signed_by, 14, Capability::atk_key},
      {"metadata.wrapped", Stage::signed_xml, Reason::metadata_signature_missing,
       "the signed EntityDescriptor demoted below an unsigned one with the attacker's key (param form: "
       "entity_added | root_wrapped)",
       &m::metadata_wrapped, 14, Capability::no_key},
      {"metadata.valid_until_set", Stage::unsigned_xml, Reason::metadata_invalid,
       "validUntil in the past (param value: past | far_future | absent)", &m::metadata_valid_until_set, 14,
       Capability::idp_key},
      {"metadata.entity_id_changed", Stage::unsigned_xml, Reason::metadata_entity_id_mismatch,
       "the metadata describes another entityID (param entity_id)", &m::metadata_entity_id_changed, 14,
       Capability::idp_key},
      {"metadata.doctype_added", Stage::serialized, Reason::xml_doctype_forbidden,
       "a DOCTYPE after the XML declaration (param payload: xxe | benign)", &m::metadata_doctype_added, 14,
       Capability::no_key},
      {"metadata.endpoint_scheme_set", Stage::unsigned_xml, Reason::metadata_invalid,
       "an IdP endpoint Location with a javascript: scheme (params service: sso | slo, location)",
       &m::metadata_endpoint_scheme_set, 14, Capability::idp_key},
      {"metadata.signing_methods_advertised", Stage::unsigned_xml, Reason::signature_algorithm_forbidden,
       "alg:SigningMethod lists only weak algorithms (param methods: sha1 | md5); the next sign-in uses SHA-1",
       &m::metadata_signing_methods_advertised, 14, Capability::idp_key, R"({"algorithm":"sha1"})"},
      {"metadata.key_descriptor_set", Stage::unsigned_xml, Reason::key_untrusted,
       "a KeyDescriptor for a certificate with a given use (params credential: idp-encryption, use: encryption | "
       "signing | omitted); the next sign-in is signed with it",
       &m::metadata_key_descriptor_set, 14, Capability::idp_key,
       R"({"signing_certificates":[{"credential":"idp-encryption","status":"active"}]})"},
  };
  return k_rows;
}

const Mutator* find_metadata_mutator(std::string_view id) {
  for (const auto& mutator : metadata_document_mutators()) {
    if (mutator.id == id) {
      return &mutator;
    }
  }
  return nullptr;
}

}  // namespace samlt::idp
