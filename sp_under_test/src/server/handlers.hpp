// SPDX-License-Identifier: Apache-2.0
// The endpoint handlers; sp_server.cpp's route table maps paths to them.
#pragma once

#include "server/http_exchange.hpp"

namespace samlt::sp::server {

// saml_handlers.cpp
void saml_metadata(Exchange& ex);  // GET /saml/metadata
void saml_login(Exchange& ex);     // GET /saml/login?idp=NAME[&RelayState=...]
void saml_acs(Exchange& ex);       // POST /saml/acs
void saml_slo(Exchange& ex);       // GET /saml/slo
void saml_policy(Exchange& ex);    // GET /saml/policy
void verdicts(Exchange& ex);       // GET /verdicts/<request_id>

// app_handlers.cpp
void index(Exchange& ex);    // GET /
void healthz(Exchange& ex);  // GET /healthz
void me(Exchange& ex);       // GET /me
void login(Exchange& ex);    // GET, POST /login
void logout(Exchange& ex);   // GET, POST /logout

// admin_handlers.cpp
void admin(Exchange& ex);         // GET /admin
void admin_action(Exchange& ex);  // POST /admin/idps/{import,manual,enable,disable,refresh,remove}

// Answers an error: JSON {"error": {"id", "summary", "detail"}} or an HTML page.
void send_error(Exchange& ex, int status, const core::Error& error);

}  // namespace samlt::sp::server
