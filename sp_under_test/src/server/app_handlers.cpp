// SPDX-License-Identifier: Apache-2.0
// The application side: home, health, who am I, password login and local logout.
#include "server/handlers.hpp"

#include "samlt/core/saml_time.hpp"
#include "samlt/sp/sp_server.hpp"
#include "server/pages.hpp"

namespace samlt::sp::server {
namespace {

std::vector<IdpRecord> idps_or_none(ServiceProvider& sp) {
  auto idps = sp.list_idps();
  return idps ? *idps : std::vector<IdpRecord>{};
}

}  // namespace

void index(Exchange& ex) { ex.send_html(200, pages::index(idps_or_none(ex.sp))); }

void healthz(Exchange& ex) { ex.send_json(200, {{"status", "ok"}}); }

void me(Exchange& ex) {
  auto session = ex.sp.find_session(ex.cookie(k_session_cookie));
  auto account = session ? ex.sp.account_of(*session) : core::Result<Account>(core::fail(session.error()));
  if (!account) {
    send_error(ex, account.error().reason == core::Reason::store_failed ? 500 : 401, account.error());
    return;
  }
  if (!ex.wants_json()) {
    ex.send_html(200, pages::me(*session, *account));
    return;
  }
  ex.send_json(200, {{"email", account->email},
                     {"display_name", account->display_name},
                     {"role", account->role},
                     {"idp", session->idp},
                     {"issuer", session->issuer},
                     {"name_id", session->name_id},
                     {"name_id_format", session->name_id_format},
                     {"session_index", session->session_index},
                     {"attributes", nlohmann::json::parse(session->attributes_json)},
                     {"expires_at", core::format_datetime(session->expires_at)}});
}

void login(Exchange& ex) {
  if (ex.is_get()) {
    ex.send_html(200, pages::login(idps_or_none(ex.sp), ""));
    return;
  }
  if (!ex.is_post()) {
    send_error(ex, 405, {core::Reason::binding_method_not_post, "use GET or POST"});
    return;
  }
  auto form = ex.form(64 * 1024);
  if (!form) {
    send_error(ex, 400, form.error());
    return;
  }
  auto email = core::form_values(*form, "email");
  auto password = core::form_values(*form, "password");
  auto session = ex.sp.password_login(email.empty() ? "" : email[0], password.empty() ? "" : password[0]);
  if (!session) {
    if (ex.wants_json()) {
      send_error(ex, 401, session.error());
    } else {
      ex.send_html(401, pages::login(idps_or_none(ex.sp), std::string(core::id(session.error().reason)) + ": " +
                                                              std::string(core::summary(session.error().reason))));
    }
    return;
  }
  ex.set_cookie(k_session_cookie, session->id);
  auto account = ex.sp.account_of(*session);
  bool admin = account && account->role == "admin";
  if (ex.wants_json()) {
    ex.send_json(200, {{"outcome", "accept"}, {"email", session->account_email}});
  } else {
    ex.redirect(admin ? "/admin" : "/me", 303);
  }
}

void logout(Exchange& ex) {
  std::string session = ex.cookie(k_session_cookie);
  if (!session.empty()) {
    (void)ex.sp.end_session(session);
  }
  ex.set_cookie(k_session_cookie, "", 0);
  ex.redirect("/", 303);
}

}  // namespace samlt::sp::server
