// SPDX-License-Identifier: Apache-2.0
// THE mutator table (style §6.7): one row per fault, its stage and the reason a strict SP must
// give. Later issues add the attack catalogue here, one row and one file each.
#include "mutators/mutators.hpp"

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
     &m::audience_wrong},
    {"claim.email_missing", Stage::spec, Reason::attribute_email_missing,
     "emailaddress claim removed and NameID made persistent, so no email is left",
     &m::claim_email_missing},
    {"assertion.unsigned", Stage::spec, Reason::assertion_unsigned,
     "no signature at all: neither Assertion nor Response is signed", &m::assertion_unsigned},
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
     &m::assertion_expired},
    {"signature.digest_tampered", Stage::signed_xml, Reason::signature_digest_mismatch,
     "the NameID changed after signing (the digest no longer matches)",
     &m::signature_digest_tampered},
    {"saml_response.base64_corrupted", Stage::wire, Reason::binding_base64_invalid,
     "the SAMLResponse form value is not valid base64", &m::saml_response_base64_corrupted},
    {"subject_confirmation.expired", Stage::spec, Reason::subject_confirmation_expired,
     "SubjectConfirmationData/@NotOnOrAfter in the past, Conditions still valid (param minutes_ago, default 10)",
     &m::subject_confirmation_expired},
    {"conditions.not_yet_valid", Stage::spec, Reason::conditions_not_yet_valid,
     "Conditions/@NotBefore in the future (param minutes_ahead, default 10)", &m::conditions_not_yet_valid},
    {"recipient.wrong", Stage::spec, Reason::subject_confirmation_recipient_mismatch,
     "SubjectConfirmationData/@Recipient names another ACS (param recipient)", &m::recipient_wrong},
    {"destination.wrong", Stage::spec, Reason::response_destination_mismatch,
     "Response/@Destination names another ACS (param destination)", &m::destination_wrong},
    {"destination.removed_signed", Stage::spec, Reason::response_destination_missing_when_signed,
     "a signed Response without Destination (assertion-only signing becomes both)",
     &m::destination_removed_signed},
    {"in_response_to.unknown", Stage::spec, Reason::response_in_response_to_unknown,
     "InResponseTo (Response and SubjectConfirmationData) names a request never sent (param id)",
     &m::in_response_to_unknown},
    {"status.requester", Stage::spec, Reason::status_not_success,
     "an error Response: Requester/RequestDenied, no assertion", &m::status_requester},
    {"signing.rogue_key", Stage::spec, Reason::key_untrusted,
     "signed with the attacker's idp-rogue key, its certificate (same subject) in KeyInfo",
     &m::signing_rogue_key},
    {"issuer.assertion_other", Stage::spec, Reason::assertion_issuer_mismatch,
     "only the Assertion's Issuer names another IdP (param issuer)", &m::issuer_assertion_other},
    {"audience_restriction.removed", Stage::unsigned_xml, Reason::audience_restriction_missing,
     "Conditions without AudienceRestriction (then signed)", &m::audience_restriction_removed},
    {"recipient.removed", Stage::unsigned_xml, Reason::subject_confirmation_recipient_missing,
     "bearer SubjectConfirmationData without Recipient (then signed)", &m::recipient_removed},
    {"subject_confirmation.removed", Stage::unsigned_xml, Reason::subject_confirmation_bearer_missing,
     "Subject without SubjectConfirmation (then signed)", &m::subject_confirmation_removed},
    {"subject_confirmation.not_before_added", Stage::unsigned_xml,
     Reason::subject_confirmation_not_before_present,
     "bearer SubjectConfirmationData with NotBefore (then signed)",
     &m::subject_confirmation_not_before_added},
    {"subject_confirmation.in_response_to_mismatch", Stage::unsigned_xml,
     Reason::subject_confirmation_in_response_to_mismatch,
     "SubjectConfirmationData/@InResponseTo differs from the Response's (then signed)",
     &m::subject_confirmation_in_response_to_mismatch},
    {"authn_statement.removed", Stage::unsigned_xml, Reason::authn_statement_missing,
     "Assertion without AuthnStatement (then signed)", &m::authn_statement_removed},
    {"name_id.removed", Stage::unsigned_xml, Reason::subject_name_id_missing,
     "Subject without NameID (then signed)", &m::name_id_removed},
    {"conditions.removed", Stage::unsigned_xml, Reason::conditions_missing,
     "Assertion without Conditions (then signed)", &m::conditions_removed},
    {"response.version_wrong", Stage::unsigned_xml, Reason::response_version_unsupported,
     "Response/@Version=\"1.1\" (then signed)", &m::response_version_wrong},
    {"assertion.duplicated", Stage::signed_xml, Reason::assertion_multiple,
     "a copy of the signed Assertion (new ID) appended after it", &m::assertion_duplicated},
    {"signature.value_tampered", Stage::signed_xml, Reason::signature_invalid,
     "one character of the first SignatureValue changed", &m::signature_value_tampered},
    {"signature.removed", Stage::signed_xml, Reason::assertion_unsigned,
     "every Signature element removed after signing", &m::signature_removed},
    {"xml.doctype_added", Stage::wire, Reason::xml_doctype_forbidden,
     "<!DOCTYPE Response> before the Response", &m::xml_doctype_added},
    {"saml_response.duplicated", Stage::wire, Reason::binding_saml_response_duplicated,
     "the SAMLResponse form field sent twice", &m::saml_response_duplicated},
};

}  // namespace

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::spec:
      return "spec";
    case Stage::unsigned_xml:
      return "unsigned_xml";
    case Stage::signed_xml:
      return "signed_xml";
    case Stage::wire:
      return "wire";
  }
  return "spec";
}

const core::Credential* Target::credential(std::string_view name) const {
  auto it = credentials.find(name);
  return it == credentials.end() ? nullptr : &it->second;
}

nlohmann::json mutators_json() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : k_mutators) {
    list.push_back({{"id", m.id}, {"stage", stage_name(m.stage)}, {"expected", core::id(m.expected)},
                    {"summary", m.summary}});
  }
  return list;
}

std::span<const Mutator> all_mutators() {
  return k_mutators;
}

const Mutator* find_mutator(std::string_view id) {
  for (const auto& mutator : k_mutators) {
    if (mutator.id == id) {
      return &mutator;
    }
  }
  return nullptr;
}

std::string mutator_ids_joined() {
  std::string out;
  for (const auto& mutator : k_mutators) {
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

void set_both_issuers(Target& target, const std::string& issuer) {
  target.spec.response_issuer = issuer;
  target.spec.assertion_issuer = issuer;
}

}  // namespace mutators
}  // namespace samlt::idp
