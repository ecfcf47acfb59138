// SPDX-License-Identifier: Apache-2.0
// The browser side of a sign-in: sessions, the sign-in page, silent sign-in and delivery.
#include "pages.hpp"
#include "samlt/idp/aadsts.hpp"
#include "server/handlers.hpp"

#include <cctype>

namespace samlt::idp::server {
namespace {

void post_form(Exchange& ex, const IssuedResponse& issued, const std::string& user) {
  LoggedMessage logged{ex.now,
                       "sent",
                       "Response",
                       "HTTP-POST",
                       issued.app_id,
                       user,
                       issued.xml,
                       issued.mutators_applied,
                       issued.error ? issued.error->code : 0,
                       issued.error ? std::string(core::id(issued.error->reason)) : ""};
  ex.server.messages.add(std::move(logged));
  send_html(ex, 200, auto_post_form_html(issued.acs_url, issued.form));
}

std::optional<IdpSession> current_session(Exchange& ex) {
  auto id = cookie(ex, k_session_cookie);
  return id ? ex.server.sessions.find(*id) : std::nullopt;
}

}  // namespace

bool check_tenant(Exchange& ex, const std::string& segment) {
  std::string lower = segment;
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (lower == ex.server.idp.tenant_id()) {
    return true;
  }
  send_error_page(ex, aadsts_fail(core::Reason::idp_tenant_unknown, {.value = segment}).value());
  return false;
}

IdpSession start_session(Exchange& ex, const User& user) {
  IdpSession session;
  session.user_object_id = user.object_id;
  session.authn_instant = token_time(ex.server.idp, ex.now);
  session.method = user.last_auth_method;
  session.id = ex.server.sessions.create(session);
  set_session_cookie(ex, session.id);
  return session;
}

void refuse_sign_in(Exchange& ex, const SignInContext& context, const core::Error& error,
                    bool force_post) {
  auto aadsts = as_aadsts(error);
  if (!aadsts || !(force_post || posts_error(context.app, aadsts->code))) {
    send_error_page(ex, error, context.app.app_id);
    return;
  }
  auto issued =
      issue_error_response(ex.server.idp, context, *aadsts, token_time(ex.server.idp, ex.now));
  if (!issued) {
    send_problem(ex, 500, core::id(issued.error().reason), issued.error().detail);
    return;
  }
  post_form(ex, *issued, "");
}

void complete_sign_in(Exchange& ex, const SignInContext& context, const User& user,
                      const IdpSession& session) {
  const Idp& idp = ex.server.idp;
  if (auto checked = check_user(idp, context, user, session.method); !checked) {
    refuse_sign_in(ex, context, checked.error());
    return;
  }
  auto faults = ex.server.faults.take_for(session.id);
  auto issued = issue_for(idp, context, user, {session.authn_instant, session.method}, faults,
                          token_time(idp, ex.now));
  if (!issued) {
    if (as_aadsts(issued.error())) {
      refuse_sign_in(ex, context, issued.error());
    } else {
      send_problem(ex, 500, core::id(issued.error().reason), issued.error().detail);
    }
    return;
  }
  ex.server.sessions.add_participant(session.id,
                                     {context.app.app_id, issued->name_id, issued->session_index});
  post_form(ex, *issued, user.user_principal_name);
}

void continue_sign_in(Exchange& ex, SignInContext context) {
  const Idp& idp = ex.server.idp;
  auto session = current_session(ex);
  const User* session_user = session ? idp.find_user(session->user_object_id) : nullptr;
  // A login_hint naming someone else is not answered from this session (Entra would show its
  // account picker): the hinted user signs in instead.
  if (session_user != nullptr && context.login_hint &&
      idp.find_user(*context.login_hint) != session_user) {
    session_user = nullptr;
  }
  if (session_user != nullptr && !context.force_authn) {
    complete_sign_in(ex, context, *session_user, *session);
    return;
  }
  if (context.is_passive) {
    bool post = idp.config().knobs.is_passive_failure == PassiveFailure::saml_error;
    refuse_sign_in(ex, context, aadsts_fail(core::Reason::sign_in_passive_no_session, {}).value(),
                   post);
    return;
  }
  if (context.login_hint && idp.config().knobs.auto_login) {
    const User* user = idp.find_user(*context.login_hint);
    if (user == nullptr) {
      refuse_sign_in(ex, context,
                     aadsts_fail(core::Reason::sign_in_user_unknown,
                                 {.value = *context.login_hint, .tenant = idp.config().tenant_name})
                         .value());
      return;
    }
    complete_sign_in(ex, context, *user, start_session(ex, *user));
    return;
  }
  SignInPage page;
  page.action = "/" + idp.tenant_id() + "/login";
  page.app_name = context.app.display_name;
  page.login_hint = context.login_hint.value_or("");
  page.users = &idp.config().users;
  page.ctx = ex.server.pending.put(std::move(context), ex.now);
  send_html(ex, 200, sign_in_page_html(page));
}

}  // namespace samlt::idp::server
