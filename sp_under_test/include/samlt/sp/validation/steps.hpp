// SPDX-License-Identifier: Apache-2.0
// Every step of the ACS pipeline, one function per file in src/validation/steps/, in spec order.
// The reasons each can yield are listed beside it; pipeline.cpp's k_steps[] is the order.
// Steps before signature.assertion read only MessageEvidence. Those after it read the Assertion,
// so they are templates over the evidence type, compiled in their own file for the ACS's Evidence
// and for DiagnosisEvidence (SAMLT_ASSERTION_STEP below).
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"

// In a step's file, after the template's definition: compiles it for both evidence types.
#define SAMLT_ASSERTION_STEP(name)                                  \
  template core::Result<void> name<Evidence>(const Context&, Evidence&); \
  template core::Result<void> name<DiagnosisEvidence>(const Context&, DiagnosisEvidence&);

namespace samlt::sp::steps {

// binding.method_not_post, binding.saml_response_missing (also: not a urlencoded form),
// binding.too_large, binding.saml_response_duplicated, binding.parameter_invalid,
// codec.url_invalid, binding.base64_invalid, binding.relay_state_invalid
core::Result<void> binding_post_form(const Context& ctx, MessageEvidence& ev);
// xml.too_large, xml.doctype_forbidden, xml.too_deep, xml.namespace_invalid, xml.id_forbidden,
// xml.malformed
core::Result<void> xml_parse(const Context& ctx, MessageEvidence& ev);
// response.not_a_response, response.version_unsupported, response.id_missing,
// response.issue_instant_missing, time.unparseable, time.issued_in_future
core::Result<void> response_shape(const Context& ctx, MessageEvidence& ev);
// xml.id_duplicated
core::Result<void> xml_ids(const Context& ctx, MessageEvidence& ev);
// status.missing, status.not_success
core::Result<void> response_status(const Context& ctx, MessageEvidence& ev);
// response.destination_mismatch, response.destination_missing_when_signed
core::Result<void> response_destination(const Context& ctx, MessageEvidence& ev);
// response.issuer_format_invalid, response.issuer_mismatch, response.idp_disabled
core::Result<void> response_issuer(const Context& ctx, MessageEvidence& ev);
// response.in_response_to_unknown, response.unsolicited_forbidden, store.failed
core::Result<void> response_in_response_to(const Context& ctx, MessageEvidence& ev);
// signature.* and key.* of core::verify_enveloped
core::Result<void> signature_response(const Context& ctx, MessageEvidence& ev);
// response.schema_invalid
core::Result<void> response_structure(const Context& ctx, MessageEvidence& ev);
// assertion.missing, assertion.multiple, encryption.decrypt_failed,
// encryption.algorithm_forbidden, xml.id_duplicated
core::Result<void> assertion_decrypt(const Context& ctx, MessageEvidence& ev);
// assertion.id_missing, assertion.version_unsupported, time.unparseable, time.issued_in_future
core::Result<void> assertion_shape(const Context& ctx, MessageEvidence& ev);
// assertion.schema_invalid
core::Result<void> assertion_structure(const Context& ctx, MessageEvidence& ev);
// signature.* and key.* of core::verify_enveloped, assertion.unsigned (the Assertion-level
// requirement unmet), signature.missing (a required Response signature absent)
core::Result<void> signature_assertion(const Context& ctx, Evidence& ev);
// The same check for a diagnosis: the Assertion is examined, verified or not; it fails as above.
core::Result<void> signature_assertion(const Context& ctx, DiagnosisEvidence& ev);
// key.certificate_expired, key.certificate_not_yet_valid, key.too_weak
template <class Ev>
core::Result<void> signature_key_validity(const Context& ctx, Ev& ev);
// assertion.issuer_missing, assertion.issuer_format_invalid, assertion.issuer_mismatch
template <class Ev>
core::Result<void> assertion_issuer(const Context& ctx, Ev& ev);
// subject.missing, subject.name_id_missing, subject.name_id_format_mismatch,
// subject.sp_name_qualifier_mismatch
template <class Ev>
core::Result<void> subject_name_id(const Context& ctx, Ev& ev);
// subject_confirmation.* (bearer_missing, data_missing, not_before_present, recipient_missing,
// recipient_mismatch, not_on_or_after_missing, expired, in_response_to_mismatch), time.unparseable
template <class Ev>
core::Result<void> subject_confirmation_bearer(const Context& ctx, Ev& ev);
// conditions.missing, conditions.multiple, conditions.not_yet_valid, conditions.expired,
// time.unparseable
template <class Ev>
core::Result<void> conditions_time(const Context& ctx, Ev& ev);
// audience_restriction.missing, audience_restriction.audience_mismatch
template <class Ev>
core::Result<void> audience_restriction_audience(const Context& ctx, Ev& ev);
// conditions.condition_unknown
template <class Ev>
core::Result<void> conditions_understood(const Context& ctx, Ev& ev);
// authn_statement.missing
template <class Ev>
core::Result<void> authn_statement_present(const Context& ctx, Ev& ev);
// authn_statement.session_expired, time.unparseable
template <class Ev>
core::Result<void> authn_statement_session(const Context& ctx, Ev& ev);
// attribute.email_missing
template <class Ev>
core::Result<void> attribute_email(const Context& ctx, Ev& ev);
// attribute.duplicated
core::Result<void> attribute_unique(const Context& ctx, MessageEvidence& ev);

}  // namespace samlt::sp::steps
