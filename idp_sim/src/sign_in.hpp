// SPDX-License-Identifier: Apache-2.0
// The sign-in flow shared by the HTTP server and issue_response(): Entra's AuthnRequest checks
// (entra-spec §3.2, §3.4), the user checks (§3.6), and issuing the Response (§1) or a SAML error
// Response (§3.7). Each step returns core::Result; AADSTS refusals carry their reason.
#pragma once

#include "received_message.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/idp/issue.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace samlt::idp {

// What the SP asked for, once Entra's checks passed (or the IdP-initiated defaults).
struct SignInContext {
  App app;  // app_overrides applied
  std::string acs_url;
  std::optional<std::string> request_id;  // InResponseTo; nullopt for IdP-initiated
  std::string audience;                   // after the spn: rule and audience_override (§1.9)
  std::optional<std::string> requested_name_id_format;
  std::optional<std::string> sp_name_qualifier;
  std::vector<std::string> requested_classes;  // RequestedAuthnContext (Comparison exact)
  bool force_authn = false;
  bool is_passive = false;
  std::optional<std::string> relay_state;
  std::optional<std::string> login_hint;
};

struct AcceptOptions {
  const App* only_app = nullptr;  // restrict the Issuer lookup to this app
  nlohmann::json app_overrides;   // merged over the app before matching
  std::string endpoint_url;       // this SAML endpoint (Destination check, knob)
};

// Entra's AuthnRequest checks in order: ID, Version, IssueInstant, Issuer → app (700016),
// signed-request enforcement (76021 …), Subject/Scoping (900236), NameIDPolicy (75016),
// ProtocolBinding (75003), Destination (75008, knob), ACS (50011/900971),
// RequestedAuthnContext/@Comparison (900235). `doc` is the parsed request (IDs get registered).
core::Result<SignInContext> accept_authn_request(const Idp& idp, core::XmlDoc& doc,
                                                 const ReceivedMessage& message,
                                                 const AcceptOptions& options, core::TimePoint now);

// IdP-initiated SSO (entra-spec §3.5): default reply URL (900971 without one), default
// identifier as audience, the app's Relay State unless `relay_state` is given. Refused with
// 76021 while the app requires signed requests (D11).
core::Result<SignInContext> idp_initiated_context(const Idp& idp, const App& app,
                                                  std::optional<std::string> relay_state);

// The user checks (entra-spec §3.6): disabled (50057), not assigned (50105), the requested
// AuthnContextClassRef against how the user signed in (75011).
core::Result<void> check_user(const Idp& idp, const SignInContext& context, const User& user,
                              AuthMethod method);

// The IdP session the Response describes.
struct SessionFacts {
  core::TimePoint authn_instant;
  AuthMethod method = AuthMethod::password;
};

// The Entra-default ResponseSpec for this sign-in at token time `t0` (entra-spec §1.3–§1.13).
// Fails with sign_in.name_id_source_empty (501241) or idp.signing_key_missing (50003).
core::Result<ResponseSpec> make_response_spec(const Idp& idp, const SignInContext& context,
                                              const User& user, const SessionFacts& session,
                                              core::TimePoint t0);

// make_response_spec + the pipeline with the app's faults then `extra` mutators; `canary_url`
// reaches every mutator (Target::canary_url).
core::Result<IssuedResponse> issue_for(const Idp& idp, const SignInContext& context,
                                       const User& user, const SessionFacts& session,
                                       std::span<const MutatorUse> extra, core::TimePoint t0,
                                       std::string_view canary_url = {});

// Whether the app shows `code` as a SAML error Response at the ACS (error mode) or as a page.
bool posts_error(const App& app, int code);

// A SAML error Response for `error` (entra-spec §3.7): no Destination, no Assertion, unsigned,
// Requester/Responder + second-level code, StatusMessage "AADSTSnnnnn: …\r\nTrace ID: …".
core::Result<IssuedResponse> issue_error_response(const Idp& idp, const SignInContext& context,
                                                  const AadstsError& error, core::TimePoint t0);

// T0: `now` shifted by the configured clock offset, or by `override_seconds`.
core::TimePoint token_time(const Idp& idp, core::TimePoint now,
                           std::optional<long long> override_seconds = std::nullopt);

}  // namespace samlt::idp
