// SPDX-License-Identifier: Apache-2.0
// The AADSTS table (entra-spec §3.8; texts from the AADSTS reference D6, the troubleshooting
// articles D20 and the issue reports I1–I14). Codes for the signed-request failures other than
// "not signed" are undocumented: they share 76021 [INFER] and differ by reason id and message.
#include "samlt/idp/aadsts.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <algorithm>

namespace samlt::idp {
namespace {

namespace n = core::names;
using core::Reason;

struct Row {
  Reason reason;
  int code;
  std::string_view top;  // SAML status when posted to the ACS
  std::string_view second;
  std::string_view text;  // {value} {other} {app_id} {app} {tenant}
};

constexpr std::string_view k_invalid_message = "The request isn't a valid Saml2 protocol message.";

constexpr Row k_rows[] = {
    {Reason::idp_tenant_unknown, 90002, n::status_requester, n::status_request_unsupported,
     "Tenant '{value}' not found. Check to make sure you have the correct tenant ID and are "
     "signing into the correct cloud."},
    {Reason::idp_app_unknown, 700016, n::status_requester, n::status_request_unsupported,
     "Application with identifier '{value}' was not found in the directory '{tenant}'. This can "
     "happen if the application has not been installed by the administrator of the tenant or "
     "consented to by any user in the tenant. You may have sent your authentication request to the "
     "wrong tenant."},
    {Reason::idp_signing_key_missing, 50003, n::status_responder, n::status_request_denied,
     "Sign-in failed because of a missing signing key or certificate. This might be because there "
     "was no signing key configured in the app '{app_id}'."},
    {Reason::idp_request_too_large, 90015, n::status_requester, n::status_request_unsupported,
     "The query string is too long."},
    {Reason::authn_request_missing, 750054, n::status_requester, n::status_request_unsupported,
     "SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for "
     "SAML Redirect binding."},
    {Reason::authn_request_undecodable, 75005, n::status_requester, n::status_request_unsupported,
     k_invalid_message},
    {Reason::authn_request_malformed, 75005, n::status_requester, n::status_request_unsupported,
     k_invalid_message},
    {Reason::authn_request_id_invalid, 7500529, n::status_requester, n::status_request_unsupported,
     "The value '{value}' is not a valid SAML ID. The ID must not begin with a number."},
    {Reason::authn_request_issuer_unknown, 700016, n::status_requester,
     n::status_request_unsupported,
     "Application with identifier '{value}' was not found in the directory '{tenant}'. This can "
     "happen if the application has not been installed by the administrator of the tenant or "
     "consented to by any user in the tenant. You may have sent your authentication request to the "
     "wrong tenant."},
    {Reason::authn_request_acs_mismatch, 50011, n::status_requester, n::status_request_unsupported,
     "The reply URL '{value}' specified in the request does not match the reply URLs configured "
     "for the application '{app_id}'. Make sure the reply URL sent in the request matches one "
     "added to your application in the Azure portal. Navigate to https://aka.ms/urlMismatchError "
     "to learn more about how to fix this."},
    {Reason::authn_request_acs_missing, 900971, n::status_requester, n::status_request_unsupported,
     "No reply address provided."},
    {Reason::authn_request_binding_unsupported, 75003, n::status_requester,
     n::status_request_unsupported,
     "SAML protocol response cannot be sent via bindings other than HTTP POST. Requested binding: "
     "{value}"},
    {Reason::authn_request_name_id_policy_invalid, 75016, n::status_requester,
     n::status_invalid_name_id_policy,
     "SAML2 Authentication Request has invalid NameIdPolicy: '{value}'."},
    {Reason::authn_request_authn_context_comparison, 900235, n::status_requester,
     n::status_no_authn_context,
     "SAML authentication request's RequestedAuthenticationContext Comparison value must be "
     "'exact'. Received value: '{value}'."},
    {Reason::authn_request_authn_context_mismatch, 75011, n::status_requester,
     n::status_no_authn_context,
     "Authentication method '{value}' by which the user authenticated with the service doesn't "
     "match requested authentication method '{other}'. Contact the {app} application owner."},
    {Reason::authn_request_property_unsupported, 900236, n::status_requester,
     n::status_request_unsupported,
     "The SAML authentication request property '{value}' is not supported and must not be set."},
    {Reason::authn_request_issue_instant_expired, 76026, n::status_requester,
     n::status_request_denied, "IssueTime in an SAML2 Authentication Request is expired."},
    {Reason::authn_request_destination_unexpected, 75008, n::status_requester,
     n::status_request_denied,
     "The request from the app was denied since the SAML request had an unexpected destination."},
    {Reason::authn_request_signature_required, 76021, n::status_requester, n::status_request_denied,
     "The request sent by client is not signed while the application requires signed requests."},
    {Reason::authn_request_signature_invalid, 76021, n::status_requester, n::status_request_denied,
     "Signature verification failed."},
    {Reason::authn_request_signature_algorithm_forbidden, 76021, n::status_requester,
     n::status_request_denied,
     "Signature algorithm not allowed. Only RSA-SHA256 is supported. Received: '{value}'."},
    {Reason::authn_request_verification_certificate_missing, 76021, n::status_requester,
     n::status_request_denied,
     "No verification certificate configured for SAML request signature verification."},
    {Reason::sign_in_user_unknown, 50034, n::status_responder, n::status_authn_failed,
     "The user account {value} does not exist in the {tenant} directory. To sign into this "
     "application, the account must be added to the directory."},
    {Reason::sign_in_user_disabled, 50057, n::status_responder, n::status_authn_failed,
     "The user account is disabled."},
    {Reason::sign_in_user_not_assigned, 50105, n::status_responder, n::status_request_denied,
     "Your administrator has configured the application {app} ('{app_id}') to block users unless "
     "they are specifically granted ('assigned') access to the application. The signed in user "
     "'{value}' is blocked because they are not a direct member of a group with access, nor had "
     "access directly assigned by an administrator. Please contact your administrator to assign "
     "access to this application."},
    {Reason::sign_in_password_invalid, 50126, n::status_responder, n::status_authn_failed,
     "Error validating credentials due to invalid username or password."},
    {Reason::sign_in_passive_no_session, 50058, n::status_responder, n::status_no_passive,
     "A silent sign-in request was sent but no user is signed in."},
    {Reason::sign_in_name_id_source_empty, 501241, n::status_responder,
     n::status_invalid_name_id_policy,
     "Mandatory Input '{value}' missing from transformation ID 'CreateNameIdentifier'. It's "
     "defined as part of the claims mapping policy."},
    {Reason::sign_in_context_unknown, 90013, n::status_requester, n::status_request_unsupported,
     "The input from the user isn't valid: the sign-in request has expired. Start the sign-in "
     "again from the application."},
    {Reason::logout_request_malformed, 75005, n::status_requester, n::status_request_unsupported,
     k_invalid_message},
    {Reason::logout_request_name_id_missing, 7500530, n::status_requester,
     n::status_request_unsupported, "SAML NameId cannot be null."},
    {Reason::logout_request_issuer_unknown, 700016, n::status_requester,
     n::status_request_unsupported,
     "Application with identifier '{value}' was not found in the directory '{tenant}'. This can "
     "happen if the application has not been installed by the administrator of the tenant or "
     "consented to by any user in the tenant. You may have sent your authentication request to the "
     "wrong tenant."},
};

const Row* row_of(Reason reason) {
  for (const auto& row : k_rows) {
    if (row.reason == reason) {
      return &row;
    }
  }
  return nullptr;
}

std::string fill(std::string_view text, const AadstsValues& v) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto close = text.find('}', i);
    if (text[i] != '{' || close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    std::string_view name = text.substr(i + 1, close - i - 1);
    out += name == "value"    ? v.value
           : name == "other"  ? v.other
           : name == "app_id" ? v.app_id
           : name == "app"    ? v.app_name
           : name == "tenant" ? v.tenant
                              : std::string(text.substr(i, close - i + 1));
    i = close;
  }
  if (!v.diagnostic.empty()) {
    out += " [idp_sim: " + v.diagnostic + "]";
  }
  return out;
}

}  // namespace

int aadsts_code(Reason reason) {
  const Row* row = row_of(reason);
  return row ? row->code : 0;
}

std::vector<Reason> aadsts_reasons(int code) {
  std::vector<Reason> out;
  for (const auto& row : k_rows) {
    if (row.code == code) {
      out.push_back(row.reason);
    }
  }
  return out;
}

std::vector<int> aadsts_codes() {
  std::vector<int> out;
  for (const auto& row : k_rows) {
    out.push_back(row.code);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

tl::unexpected<core::Error> aadsts_fail(Reason reason, const AadstsValues& values) {
  const Row* row = row_of(reason);
  return core::fail(reason, row ? fill(row->text, values) : values.diagnostic);
}

std::optional<AadstsError> as_aadsts(const core::Error& error) {
  const Row* row = row_of(error.reason);
  if (row == nullptr) {
    return std::nullopt;
  }
  return AadstsError{row->code, error.reason, error.detail};
}

std::string_view saml_top_status(Reason reason) {
  const Row* row = row_of(reason);
  return row ? row->top : n::status_responder;
}

std::string_view saml_second_status(Reason reason) {
  const Row* row = row_of(reason);
  return row ? row->second : std::string_view();
}

std::string entra_timestamp(core::TimePoint at) {
  std::string iso = core::format_datetime(at);  // 2023-06-21T21:43:30.805Z
  return iso.substr(0, 10) + " " + iso.substr(11, 8) + "Z";
}

TraceIds new_trace_ids(core::TimePoint at) {
  return {core::new_guid(), core::new_guid(), at};
}

std::string aadsts_text(const AadstsError& error, const TraceIds& ids) {
  return "AADSTS" + std::to_string(error.code) + ": " + error.message +
         "\r\nTrace ID: " + ids.request_id + "\r\nCorrelation ID: " + ids.correlation_id +
         "\r\nTimestamp: " + entra_timestamp(ids.at);
}

}  // namespace samlt::idp
