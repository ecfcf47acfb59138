// SPDX-License-Identifier: Apache-2.0
// THE mutator table (style §6.7): one row per fault, its stage and the reason a strict SP must
// give. The Entra faults users asked for are here; the attack catalogue's mutators live in one
// table per catalogue section (mutators/<section>/table.cpp, listed in sections.hpp), and
// all_mutators() joins them in section order.
#include "mutators/mutators.hpp"
#include "mutators/sections.hpp"

#include <vector>

namespace samlt::idp {
namespace {

using core::Reason;
namespace m = mutators;

constexpr Mutator k_mutators[] = {
    {"signing.certificate_expired", Stage::spec, Reason::key_certificate_expired,
     "sign with idp-signing-expired (also in KeyInfo); metadata advertises it, so only expiry is "
     "tested",
     &m::signing_certificate_expired},
    {"audience.wrong", Stage::spec, Reason::audience_restriction_audience_mismatch,
     "Audience names another SP (param audience, default https://other-sp.example/)",
     &m::audience_wrong, 7, Capability::idp_key},
    {"claim.email_missing", Stage::spec, Reason::attribute_email_missing,
     "emailaddress claim removed and NameID made persistent, so no email is left",
     &m::claim_email_missing},
    {"assertion.unsigned", Stage::spec, Reason::assertion_unsigned,
     "no signature at all: neither Assertion nor Response is signed", &m::assertion_unsigned, 2, Capability::no_key},
    {"issuer.no_trailing_slash", Stage::spec, Reason::response_issuer_mismatch,
     "Issuer https://sts.windows.net/{tid} (trailing slash dropped)", &m::issuer_no_trailing_slash},
    {"issuer.login_microsoftonline", Stage::spec, Reason::response_issuer_mismatch,
     "Issuer https://login.microsoftonline.com/{tid}/ (the SLO issuer)",
     &m::issuer_login_microsoftonline},
    {"issuer.v2_endpoint", Stage::spec, Reason::response_issuer_mismatch,
     "Issuer https://login.microsoftonline.com/{tid}/v2.0 (the OIDC v2.0 issuer)",
     &m::issuer_v2_endpoint},
    {"issuer.multitenant_template", Stage::spec, Reason::response_issuer_mismatch,
     "Issuer https://sts.windows.net/{tenantid}/ with the literal placeholder",
     &m::issuer_multitenant_template},
    {"issuer.other_tenant", Stage::spec, Reason::response_issuer_mismatch,
     "Issuer of another tenant (param tenant_id)", &m::issuer_other_tenant},
    {"audience.entra_tenant_endpoint", Stage::spec, Reason::audience_restriction_audience_mismatch,
     "Audience https://login.microsoftonline.com/{tid}/ (Entra as SP, tenant endpoint)",
     &m::audience_entra_tenant_endpoint},
    {"audience.entra_global", Stage::spec, Reason::audience_restriction_audience_mismatch,
     "Audience urn:federation:MicrosoftOnline (Entra as SP, legacy global)",
     &m::audience_entra_global},
    {"assertion.expired", Stage::spec, Reason::conditions_expired,
     "Conditions/@NotOnOrAfter moved into the past (param minutes_ago, default 10)",
     &m::assertion_expired, 6, Capability::idp_key},
    {"signature.digest_tampered", Stage::signed_xml, Reason::signature_digest_mismatch,
     "the NameID changed after signing (the digest no longer matches)",
     &m::signature_digest_tampered, 2, Capability::no_key},
    {"saml_response.base64_corrupted", Stage::wire, Reason::binding_base64_invalid,
     "the SAMLResponse form value is not valid base64 (param form: inserted_junk, garbage, truncated_padding, "
     "url_safe, nul_then_data; line_wrapped and space_padded are valid)", &m::saml_response_base64_corrupted, 13, Capability::no_key},
    {"subject_confirmation.expired", Stage::spec, Reason::subject_confirmation_expired,
     "SubjectConfirmationData/@NotOnOrAfter in the past, Conditions still valid (param minutes_ago, default 10)",
     &m::subject_confirmation_expired, 6, Capability::idp_key},
    {"conditions.not_yet_valid", Stage::spec, Reason::conditions_not_yet_valid,
     "Conditions/@NotBefore in the future (param minutes_ahead, default 10)", &m::conditions_not_yet_valid, 6, Capability::idp_key},
    {"recipient.wrong", Stage::spec, Reason::subject_confirmation_recipient_mismatch,
     "SubjectConfirmationData/@Recipient names another ACS (param recipient)", &m::recipient_wrong, 7, Capability::idp_key},
    {"destination.wrong", Stage::spec, Reason::response_destination_mismatch,
     "Response/@Destination names another ACS (param destination)", &m::destination_wrong, 7, Capability::idp_key},
    {"destination.removed_signed", Stage::spec, Reason::response_destination_missing_when_signed,
     "a signed Response without Destination (assertion-only signing becomes both)",
     &m::destination_removed_signed, 7, Capability::idp_key},
    {"in_response_to.unknown", Stage::spec, Reason::response_in_response_to_unknown,
     "InResponseTo (Response and SubjectConfirmationData) names a request never sent (param id)",
     &m::in_response_to_unknown, 9, Capability::idp_key, {}, true},
    {"status.requester", Stage::spec, Reason::status_not_success,
     "an error Response: Requester/RequestDenied, no assertion", &m::status_requester, 10, Capability::idp_key},
    {"signing.rogue_key", Stage::spec, Reason::key_untrusted,
     "signed with the attacker's idp-rogue key, its certificate (same subject) in KeyInfo (params credential, "
     "key_info: certificate | none | rsa_key_value | der_encoded_key_value | key_name | retrieval_method_http | "
     "retrieval_method_file, victim)",
     &m::signing_rogue_key, 3, Capability::atk_key},
    {"issuer.assertion_other", Stage::spec, Reason::assertion_issuer_mismatch,
     "only the Assertion's Issuer names another IdP (param issuer, or configured_tenant after issuer.other_tenant)", &m::issuer_assertion_other, 7, Capability::idp_key},
    {"audience_restriction.removed", Stage::unsigned_xml, Reason::audience_restriction_missing,
     "Conditions without AudienceRestriction (then signed)", &m::audience_restriction_removed, 7, Capability::idp_key},
    {"recipient.removed", Stage::unsigned_xml, Reason::subject_confirmation_recipient_missing,
     "bearer SubjectConfirmationData without Recipient (then signed)", &m::recipient_removed, 7, Capability::idp_key},
    {"subject_confirmation.removed", Stage::unsigned_xml, Reason::subject_confirmation_bearer_missing,
     "Subject without SubjectConfirmation (then signed)", &m::subject_confirmation_removed, 8, Capability::idp_key},
    {"subject_confirmation.not_before_added", Stage::unsigned_xml,
     Reason::subject_confirmation_not_before_present,
     "bearer SubjectConfirmationData with NotBefore (then signed)",
     &m::subject_confirmation_not_before_added, 6, Capability::idp_key},
    {"subject_confirmation.in_response_to_mismatch", Stage::unsigned_xml,
     Reason::subject_confirmation_in_response_to_mismatch,
     "SubjectConfirmationData/@InResponseTo differs from the Response's (then signed)",
     &m::subject_confirmation_in_response_to_mismatch, 9, Capability::idp_key, {}, true},
    {"authn_statement.removed", Stage::unsigned_xml, Reason::authn_statement_missing,
     "Assertion without AuthnStatement (then signed)", &m::authn_statement_removed, 8, Capability::idp_key},
    {"name_id.removed", Stage::unsigned_xml, Reason::subject_name_id_missing,
     "Subject without NameID (then signed)", &m::name_id_removed, 8, Capability::idp_key},
    {"conditions.removed", Stage::unsigned_xml, Reason::conditions_missing,
     "Assertion without Conditions (then signed)", &m::conditions_removed, 6, Capability::idp_key},
    {"response.version_wrong", Stage::unsigned_xml, Reason::response_version_unsupported,
     "Response/@Version=\"1.1\" (then signed)", &m::response_version_wrong, 10, Capability::idp_key},
    {"assertion.duplicated", Stage::signed_xml, Reason::assertion_multiple,
     "a copy of the signed Assertion (new ID) appended after it", &m::assertion_duplicated, 10, Capability::no_key},
    {"signature.value_tampered", Stage::signed_xml, Reason::signature_invalid,
     "one character of the first SignatureValue changed", &m::signature_value_tampered, 2, Capability::no_key},
    {"signature.removed", Stage::signed_xml, Reason::assertion_unsigned,
     "every Signature element removed after signing", &m::signature_removed, 2, Capability::no_key},
    {"xml.doctype_added", Stage::wire, Reason::xml_doctype_forbidden,
     "<!DOCTYPE Response> before the Response (param payload: xxe_file, xxe_http, xxe_parameter, "
     "external_subset, billion_laughs; target: name_id, attribute_value)", &m::xml_doctype_added, 5, Capability::no_key},
    {"saml_response.duplicated", Stage::wire, Reason::binding_saml_response_duplicated,
     "the SAMLResponse form field sent twice", &m::saml_response_duplicated, 13, Capability::no_key},
};

}  // namespace

// docs/attack-catalogue.md, "Sections".
constexpr std::string_view k_section_titles[] = {
    "Entra faults",
    "XML signature wrapping",
    "Signature presence, exclusion and verification",
    "Key trust",
    "Canonicalization and parser differentials",
    "XML parser attacks (DTD, external entities, limits)",
    "Conditions and time windows",
    "Audience, Recipient, Destination and Issuer",
    "Subject confirmation, Subject and AuthnStatement",
    "Replay, InResponseTo and unsolicited responses",
    "Status and message structure",
    "XML encryption",
    "Algorithms",
    "Bindings and RelayState",
    "Metadata",
};

// The base table, then each section's, once: a constant after the first call (thread-safe
// initialisation of a function-local static).
const std::vector<Mutator>& joined_table() {
  static const std::vector<Mutator> table = [] {
    std::vector<Mutator> all(std::begin(k_mutators), std::end(k_mutators));
    for (auto section : mutators::k_section_tables) {
      auto rows = section();
      all.insert(all.end(), rows.begin(), rows.end());
    }
    return all;
  }();
  return table;
}

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::spec:
      return "spec";
    case Stage::unsigned_xml:
      return "unsigned_xml";
    case Stage::signed_xml:
      return "signed_xml";
    case Stage::encrypted:
      return "encrypted";
    case Stage::serialized:
      return "serialized";
    case Stage::wire:
      return "wire";
  }
  return "spec";
}

std::string_view capability_name(Capability capability) {
  switch (capability) {
    case Capability::no_key:
      return "no-key";
    case Capability::atk_key:
      return "atk-key";
    case Capability::idp2_key:
      return "idp2-key";
    case Capability::sp_enc:
      return "sp-enc";
    case Capability::idp_key:
      return "idp-key";
  }
  return "idp-key";
}

std::string_view section_title(int section) {
  return section >= 0 && section < static_cast<int>(std::size(k_section_titles)) ? k_section_titles[section]
                                                                                 : "unknown section";
}

const core::Credential* Target::credential(std::string_view name) const {
  auto it = credentials.find(name);
  return it == credentials.end() ? nullptr : &it->second;
}

nlohmann::json mutators_json() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : all_mutators()) {
    list.push_back({{"id", m.id},
                    {"stage", stage_name(m.stage)},
                    {"expected", core::id(m.expected)},
                    {"summary", m.summary},
                    {"section", m.section},
                    {"section_title", section_title(m.section)},
                    {"capability", capability_name(m.capability)}});
  }
  return list;
}

std::span<const Mutator> all_mutators() {
  return joined_table();
}

const Mutator* find_mutator(std::string_view id) {
  for (const auto& mutator : all_mutators()) {
    if (mutator.id == id) {
      return &mutator;
    }
  }
  return nullptr;
}

std::string mutator_ids_joined() {
  std::string out;
  for (const auto& mutator : all_mutators()) {
    out += (out.empty() ? "" : ", ") + std::string(mutator.id);
  }
  return out;
}

namespace mutators {

core::Result<std::optional<std::string>> string_param(const Target& target, std::string_view name) {
  auto it = target.params.find(std::string(name));
  if (it == target.params.end()) {
    return std::optional<std::string>();
  }
  if (!it->is_string() || it->get<std::string>().empty()) {
    return core::fail(Reason::mutator_params_invalid,
                      "/" + std::string(name) + ": expected a non-empty string");
  }
  return std::optional<std::string>(it->get<std::string>());
}

core::Result<bool> bool_param(const Target& target, std::string_view name, bool fallback) {
  auto it = target.params.find(std::string(name));
  if (it == target.params.end()) {
    return fallback;
  }
  if (!it->is_boolean()) {
    return core::fail(Reason::mutator_params_invalid, "/" + std::string(name) + ": expected true or false");
  }
  return it->get<bool>();
}

void set_both_issuers(Target& target, const std::string& issuer) {
  target.spec.response_issuer = issuer;
  target.spec.assertion_issuer = issuer;
}

}  // namespace mutators
}  // namespace samlt::idp
