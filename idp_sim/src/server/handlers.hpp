// SPDX-License-Identifier: Apache-2.0
// The route handlers (one file per endpoint family) and the sign-in steps they share.
#pragma once

#include "server/exchange.hpp"
#include "sign_in.hpp"

#include <optional>
#include <string>

namespace samlt::idp::server {

// Endpoints (idp_server.cpp's route table names these).
void handle_home(Exchange& ex);
void handle_saml2(Exchange& ex);            // GET/POST /{tenant}/saml2: AuthnRequest, LogoutRequest
void handle_login_form(Exchange& ex);       // POST /{tenant}/login: the sign-in page's form
void handle_launch(Exchange& ex);           // GET /api/signin/{app-id}?tenantId=: IdP-initiated
void handle_tenant_metadata(Exchange& ex);  // GET /{tenant}/federationmetadata/2007-06/…[?appid=]
void handle_common_metadata(Exchange& ex);  // GET /common/federationmetadata/2007-06/…
void handle_control_health(Exchange& ex);
void handle_control_mutators(Exchange& ex);
void handle_control_faults(Exchange& ex);
void handle_control_messages(Exchange& ex);
void handle_control_sessions(Exchange& ex);

// True when the first path segment names this tenant; otherwise sends AADSTS90002 and returns
// false.
bool check_tenant(Exchange& ex, const std::string& segment);

// The sign-in steps after Entra accepted the request (entra-spec §3.2 IsPassive/ForceAuthn, §3.1
// login_hint): an IdP session answers silently unless ForceAuthn; IsPassive without a session
// fails (knob: SAML Responder/NoPassive or page 50058); login_hint + knobs.auto_login signs the
// hinted user in without a page; otherwise the sign-in page is shown.
void continue_sign_in(Exchange& ex, SignInContext context);

// The user is authenticated: user checks, Response with the control faults, session
// participant, auto-POST form.
void complete_sign_in(Exchange& ex, const SignInContext& context, const User& user,
                      const IdpSession& session);

// An AADSTS refusal once the request is known: a SAML error Response posted to the ACS when the
// app's error mode says so (or `force_post`), else Entra's error page.
void refuse_sign_in(Exchange& ex, const SignInContext& context, const core::Error& error,
                    bool force_post = false);

// Starts an IdP session for `user` (ESTSAUTH cookie). AuthnInstant is the IdP's time.
IdpSession start_session(Exchange& ex, const User& user);

}  // namespace samlt::idp::server
