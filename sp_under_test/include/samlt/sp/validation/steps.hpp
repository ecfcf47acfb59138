// SPDX-License-Identifier: Apache-2.0
// Every step of the ACS pipeline, one function per file in src/validation/steps/, in spec order.
// The reasons each can yield are listed beside it; pipeline.cpp's k_steps[] is the order.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"

namespace samlt::sp::steps {

// binding.method_not_post, binding.saml_response_missing (also: not a urlencoded form),
// binding.too_large, binding.saml_response_duplicated, binding.parameter_invalid,
// codec.url_invalid, binding.base64_invalid, binding.relay_state_invalid
core::Result<void> binding_post_form(const Context& ctx, Evidence& ev);
// xml.too_large, xml.doctype_forbidden, xml.too_deep, xml.namespace_invalid, xml.id_forbidden,
// xml.malformed
core::Result<void> xml_parse(const Context& ctx, Evidence& ev);
// response.not_a_response, response.version_unsupported, response.id_missing,
// response.issue_instant_missing, time.unparseable, time.issued_in_future
core::Result<void> response_shape(const Context& ctx, Evidence& ev);
// xml.id_duplicated
core::Result<void> xml_ids(const Context& ctx, Evidence& ev);
// status.missing, status.not_success
core::Result<void> response_status(const Context& ctx, Evidence& ev);
// response.destination_mismatch, response.destination_missing_when_signed
core::Result<void> response_destination(const Context& ctx, Evidence& ev);
// response.issuer_format_invalid, response.issuer_mismatch, response.idp_disabled
core::Result<void> response_issuer(const Context& ctx, Evidence& ev);
// response.in_response_to_unknown, response.unsolicited_forbidden, store.failed
core::Result<void> response_in_response_to(const Context& ctx, Evidence& ev);
// signature.* and key.* of core::verify_enveloped
core::Result<void> signature_response(const Context& ctx, Evidence& ev);
// response.schema_invalid
core::Result<void> response_structure(const Context& ctx, Evidence& ev);
// assertion.missing, assertion.multiple, encryption.decrypt_failed,
// encryption.algorithm_forbidden, xml.id_duplicated
core::Result<void> assertion_decrypt(const Context& ctx, Evidence& ev);
// assertion.id_missing, assertion.version_unsupported, time.unparseable, time.issued_in_future
core::Result<void> assertion_shape(const Context& ctx, Evidence& ev);
// assertion.schema_invalid
core::Result<void> assertion_structure(const Context& ctx, Evidence& ev);
// signature.* and key.* of core::verify_enveloped, assertion.unsigned (the Assertion-level
// requirement unmet), signature.missing (a required Response signature absent)
core::Result<void> signature_assertion(const Context& ctx, Evidence& ev);
// key.certificate_expired, key.certificate_not_yet_valid, key.too_weak
core::Result<void> signature_key_validity(const Context& ctx, Evidence& ev);
// assertion.issuer_missing, assertion.issuer_format_invalid, assertion.issuer_mismatch
core::Result<void> assertion_issuer(const Context& ctx, Evidence& ev);
// subject.missing, subject.name_id_missing, subject.name_id_format_mismatch,
// subject.sp_name_qualifier_mismatch
core::Result<void> subject_name_id(const Context& ctx, Evidence& ev);
// subject_confirmation.* (bearer_missing, data_missing, not_before_present, recipient_missing,
// recipient_mismatch, not_on_or_after_missing, expired, in_response_to_mismatch), time.unparseable
core::Result<void> subject_confirmation_bearer(const Context& ctx, Evidence& ev);
// conditions.missing, conditions.multiple, conditions.not_yet_valid, conditions.expired,
// time.unparseable
core::Result<void> conditions_time(const Context& ctx, Evidence& ev);
// audience_restriction.missing, audience_restriction.audience_mismatch
core::Result<void> audience_restriction_audience(const Context& ctx, Evidence& ev);
// conditions.condition_unknown
core::Result<void> conditions_understood(const Context& ctx, Evidence& ev);
// authn_statement.missing
core::Result<void> authn_statement_present(const Context& ctx, Evidence& ev);
// authn_statement.session_expired, time.unparseable
core::Result<void> authn_statement_session(const Context& ctx, Evidence& ev);
// attribute.email_missing
core::Result<void> attribute_email(const Context& ctx, Evidence& ev);
// attribute.duplicated
core::Result<void> attribute_unique(const Context& ctx, Evidence& ev);

}  // namespace samlt::sp::steps
