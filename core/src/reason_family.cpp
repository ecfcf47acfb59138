// SPDX-License-Identifier: Apache-2.0
// THE reason-family table (docs/attack-catalogue.md, "Reason families").
#include "samlt/core/reason_family.hpp"

#include <algorithm>

namespace samlt::core {
namespace {

using R = Reason;

constexpr Reason k_xml_malformed[] = {R::xml_malformed, R::xml_namespace_invalid};
constexpr Reason k_xml_dtd[] = {R::xml_doctype_forbidden};
constexpr Reason k_xml_limit[] = {R::xml_too_large, R::xml_too_deep};
constexpr Reason k_schema[] = {R::response_not_a_response,      R::response_version_unsupported,
                               R::response_id_missing,          R::response_issue_instant_missing,
                               R::assertion_id_missing,         R::assertion_version_unsupported,
                               R::conditions_multiple,          R::signature_malformed,
                               R::response_schema_invalid,      R::assertion_schema_invalid};
constexpr Reason k_sig_missing[] = {R::signature_missing, R::assertion_unsigned};
constexpr Reason k_sig_invalid[] = {R::signature_invalid, R::signature_digest_mismatch, R::signature_unverifiable};
constexpr Reason k_sig_profile[] = {R::signature_malformed,       R::signature_multiple,
                                    R::signature_misplaced,       R::signature_reference_count,
                                    R::signature_reference_not_parent, R::signature_transform_forbidden,
                                    R::signature_object_forbidden};
constexpr Reason k_sig_alg[] = {R::signature_algorithm_forbidden, R::signature_c14n_forbidden};
constexpr Reason k_key_untrusted[] = {R::key_untrusted, R::key_no_trusted_keys, R::key_certificate_expired,
                                      R::key_certificate_not_yet_valid, R::key_too_weak};
constexpr Reason k_id_ambiguous[] = {R::xml_id_duplicated, R::xml_id_forbidden, R::signature_id_ambiguous};
constexpr Reason k_assertion_count[] = {R::assertion_missing, R::assertion_multiple};
constexpr Reason k_issuer[] = {R::response_issuer_mismatch,  R::response_issuer_format_invalid,
                               R::response_idp_disabled,     R::assertion_issuer_mismatch,
                               R::assertion_issuer_missing,  R::assertion_issuer_format_invalid};
constexpr Reason k_destination[] = {R::response_destination_mismatch, R::response_destination_missing_when_signed};
constexpr Reason k_recipient[] = {R::subject_confirmation_recipient_mismatch,
                                  R::subject_confirmation_recipient_missing};
constexpr Reason k_audience[] = {R::audience_restriction_missing, R::audience_restriction_audience_mismatch,
                                 R::conditions_missing};
constexpr Reason k_time[] = {R::time_unparseable, R::time_issued_in_future, R::conditions_not_yet_valid,
                             R::conditions_expired};
constexpr Reason k_subj_conf[] = {R::subject_confirmation_bearer_missing, R::subject_confirmation_data_missing,
                                  R::subject_confirmation_expired,
                                  R::subject_confirmation_not_on_or_after_missing,
                                  R::subject_confirmation_not_before_present};
constexpr Reason k_subject[] = {R::subject_missing, R::subject_name_id_missing, R::subject_name_id_format_mismatch,
                                R::subject_sp_name_qualifier_mismatch};
constexpr Reason k_authn[] = {R::authn_statement_missing, R::authn_statement_session_expired};
constexpr Reason k_in_response_to[] = {R::response_in_response_to_unknown, R::response_unsolicited_forbidden,
                                       R::subject_confirmation_in_response_to_mismatch};
constexpr Reason k_replay[] = {R::replay_assertion_reused};
constexpr Reason k_status[] = {R::status_not_success, R::status_missing};
constexpr Reason k_decrypt[] = {R::encryption_decrypt_failed, R::encryption_algorithm_forbidden};
constexpr Reason k_binding[] = {R::binding_method_not_post,   R::binding_saml_response_missing,
                                R::binding_saml_response_duplicated, R::binding_base64_invalid,
                                R::binding_too_large,         R::binding_relay_state_invalid,
                                R::binding_parameter_invalid, R::codec_base64_invalid,
                                R::codec_inflate_failed,      R::codec_inflate_too_large,
                                R::codec_url_invalid,         R::logout_message_invalid,    R::binding_message_missing};
constexpr Reason k_metadata[] = {R::metadata_invalid, R::metadata_no_idp, R::metadata_no_signing_key,
                                 R::metadata_signature_missing, R::metadata_signature_invalid,
                                 R::metadata_entity_id_mismatch, R::metadata_valid_until_missing,
                                 R::metadata_valid_until_too_far};
constexpr Reason k_condition[] = {R::conditions_condition_unknown};
constexpr Reason k_attribute[] = {R::attribute_email_missing, R::attribute_duplicated};

constexpr ReasonFamily k_families[] = {
    {"XML_MALFORMED", "the message is not well-formed (namespace-) XML", k_xml_malformed},
    {"XML_DTD", "the message declares a DTD", k_xml_dtd},
    {"XML_LIMIT", "a size or depth limit of the parser was hit", k_xml_limit},
    {"SCHEMA", "the SAML or XML-DSig schema shape is broken: root, version, IDs, order, cardinality", k_schema},
    {"SIG_MISSING", "a required signature is absent", k_sig_missing},
    {"SIG_INVALID", "a present signature does not verify", k_sig_invalid},
    {"SIG_PROFILE", "the signature breaks the SAML signature profile (saml-core §5.4)", k_sig_profile},
    {"SIG_ALG", "a signature, digest or canonicalization algorithm outside the allow-list", k_sig_alg},
    {"KEY_UNTRUSTED", "the key is not a trusted, currently usable key of the issuer", k_key_untrusted},
    {"ID_AMBIGUOUS", "an ID value does not identify exactly one element", k_id_ambiguous},
    {"ASSERTION_COUNT", "not exactly one assertion", k_assertion_count},
    {"ISSUER", "an Issuer is missing, malformed, unknown or not the IdP that verified", k_issuer},
    {"DESTINATION", "Response/@Destination is wrong, or missing on a signed Response", k_destination},
    {"RECIPIENT", "the bearer Recipient is wrong or missing", k_recipient},
    {"AUDIENCE", "no AudienceRestriction (or no Conditions to carry one), or one that does not name this SP",
     k_audience},
    {"TIME", "a timestamp is unparseable or outside its window", k_time},
    {"SUBJ_CONF", "no bearer SubjectConfirmation satisfies the profile", k_subj_conf},
    {"SUBJECT", "the Subject or NameID is missing, empty or scoped to another SP", k_subject},
    {"AUTHN", "the AuthnStatement is missing or no longer acceptable", k_authn},
    {"IN_RESPONSE_TO", "the Response is not bound to one outstanding request of this browser", k_in_response_to},
    {"REPLAY", "the assertion was already consumed", k_replay},
    {"STATUS", "the top-level status is missing or not Success", k_status},
    {"DECRYPT", "the EncryptedAssertion is refused or cannot be decrypted (one uniform answer)", k_decrypt},
    {"BINDING", "the HTTP binding is broken: method, fields, encoding, size, RelayState", k_binding},
    {"METADATA", "IdP metadata is unusable or untrustworthy", k_metadata},
    {"CONDITION", "a condition the SP does not understand (Indeterminate)", k_condition},
    {"ATTRIBUTE", "the attribute statement is ambiguous or lacks what the SP needs", k_attribute},
};

}  // namespace

std::span<const ReasonFamily> all_reason_families() { return k_families; }

const ReasonFamily* find_reason_family(std::string_view id) {
  for (const auto& family : k_families) {
    if (family.id == id) {
      return &family;
    }
  }
  return nullptr;
}

bool in_family(const ReasonFamily& family, Reason reason) {
  return std::find(family.reasons.begin(), family.reasons.end(), reason) != family.reasons.end();
}

namespace {

template <class F>
bool any_family(std::string_view families, F&& visit) {
  while (!families.empty()) {
    auto slash = families.find('/');
    if (visit(families.substr(0, slash))) {
      return true;
    }
    families = slash == std::string_view::npos ? std::string_view() : families.substr(slash + 1);
  }
  return false;
}

}  // namespace

bool in_families(std::string_view families, std::string_view reason_id) {
  auto reason = parse_reason(reason_id);
  return reason && any_family(families, [&](std::string_view id) {
           const ReasonFamily* family = find_reason_family(id);
           return family != nullptr && in_family(*family, *reason);
         });
}

std::string unknown_family(std::string_view families) {
  std::string unknown = families.empty() ? "(empty)" : "";
  any_family(families, [&](std::string_view id) {
    if (find_reason_family(id) == nullptr) {
      unknown = std::string(id.empty() ? "(empty)" : id);
      return true;
    }
    return false;
  });
  return unknown;
}

std::string reason_family_ids_joined() {
  std::string out;
  for (const auto& family : k_families) {
    out += (out.empty() ? "" : ", ") + std::string(family.id);
  }
  return out;
}

}  // namespace samlt::core
