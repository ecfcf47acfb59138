// SPDX-License-Identifier: Apache-2.0
// One apply function per mutator (one .cpp each), and the small helpers they share.
#pragma once

#include "samlt/idp/mutator.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> signing_certificate_expired(Target& target);
core::Result<void> audience_wrong(Target& target);
core::Result<void> claim_email_missing(Target& target);
core::Result<void> assertion_unsigned(Target& target);
core::Result<void> issuer_no_trailing_slash(Target& target);
core::Result<void> issuer_login_microsoftonline(Target& target);
core::Result<void> issuer_v2_endpoint(Target& target);
core::Result<void> issuer_multitenant_template(Target& target);
core::Result<void> issuer_other_tenant(Target& target);
core::Result<void> audience_entra_tenant_endpoint(Target& target);
core::Result<void> audience_entra_global(Target& target);
core::Result<void> assertion_expired(Target& target);
core::Result<void> signature_digest_tampered(Target& target);
core::Result<void> saml_response_base64_corrupted(Target& target);
core::Result<void> subject_confirmation_expired(Target& target);
core::Result<void> conditions_not_yet_valid(Target& target);
core::Result<void> recipient_wrong(Target& target);
core::Result<void> destination_wrong(Target& target);
core::Result<void> destination_removed_signed(Target& target);
core::Result<void> in_response_to_unknown(Target& target);
core::Result<void> status_requester(Target& target);
core::Result<void> signing_rogue_key(Target& target);
core::Result<void> issuer_assertion_other(Target& target);
core::Result<void> audience_restriction_removed(Target& target);
core::Result<void> recipient_removed(Target& target);
core::Result<void> subject_confirmation_removed(Target& target);
core::Result<void> subject_confirmation_not_before_added(Target& target);
core::Result<void> subject_confirmation_in_response_to_mismatch(Target& target);
core::Result<void> authn_statement_removed(Target& target);
core::Result<void> name_id_removed(Target& target);
core::Result<void> conditions_removed(Target& target);
core::Result<void> response_version_wrong(Target& target);
core::Result<void> assertion_duplicated(Target& target);
core::Result<void> signature_value_tampered(Target& target);
core::Result<void> signature_removed(Target& target);
core::Result<void> xml_doctype_added(Target& target);
core::Result<void> saml_response_duplicated(Target& target);

// The string parameter `name`: nullopt when absent, a failure when present and not a string.
core::Result<std::optional<std::string>> string_param(const Target& target, std::string_view name);

// The boolean parameter `name`: `fallback` when absent, mutator.params_invalid when not a boolean.
core::Result<bool> bool_param(const Target& target, std::string_view name, bool fallback);

// Replaces the Issuer of both the Response and the Assertion (the issuer.* family).
void set_both_issuers(Target& target, const std::string& issuer);

// The integer parameter `name`: `fallback` when absent, mutator.params_invalid when not an
// integer >= `min`.
core::Result<long long> int_param(const Target& target, std::string_view name, long long fallback, long long min);

// The first element named {assertion ns}local in the document (REQUIRES an XML stage), or nullptr.
xmlNode* first_in_assertion(const Target& target, std::string_view local);

// Removes the first element {ns}local; mutator.not_applicable when there is none.
core::Result<void> remove_first(Target& target, std::string_view ns, std::string_view local);

}  // namespace samlt::idp::mutators
