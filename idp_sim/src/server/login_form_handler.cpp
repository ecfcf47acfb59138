// SPDX-License-Identifier: Apache-2.0
// POST /{tenant}/login: the sign-in page's answer. Unknown user (50034) and wrong password (50126,
// only for users with a configured password) show the page again with the error, as Entra does.
#include "pages.hpp"
#include "samlt/idp/aadsts.hpp"
#include "server/handlers.hpp"

namespace samlt::idp::server {

void handle_login_form(Exchange& ex) {
  if (!check_tenant(ex, ex.segments[0])) {
    return;
  }
  auto body = read_body(ex);
  if (!body) {
    send_error_page(ex, body.error());
    return;
  }
  core::FormFields fields = form_fields(*body);
  auto first = [&](std::string_view name) {
    auto values = core::form_values(fields, name);
    return values.empty() ? std::string() : values.front();
  };
  std::string ctx_id = first("ctx");
  auto context = ex.server.pending.find(ctx_id, ex.now);
  if (!context) {
    send_error_page(ex, aadsts_fail(core::Reason::sign_in_context_unknown, {}).value());
    return;
  }
  const Idp& idp = ex.server.idp;
  std::string login = first("login");
  const User* user = idp.find_user(login);
  std::optional<core::Error> inline_error;
  if (user == nullptr) {
    inline_error = aadsts_fail(core::Reason::sign_in_user_unknown,
                               {.value = login, .tenant = idp.config().tenant_name})
                       .value();
  } else if (user->password && *user->password != first("passwd")) {
    inline_error = aadsts_fail(core::Reason::sign_in_password_invalid, {}).value();
  }
  if (inline_error) {
    auto aadsts = as_aadsts(*inline_error);
    ex.response.set("X-Samlt-Aadsts", std::to_string(aadsts->code));
    ex.response.set("X-Samlt-Reason", std::string(core::id(aadsts->reason)));
    SignInPage page{"/" + idp.tenant_id() + "/login",
                    ctx_id,
                    context->app.display_name,
                    login,
                    "AADSTS" + std::to_string(aadsts->code) + ": " + aadsts->message,
                    &idp.config().users};
    send_html(ex, 200, sign_in_page_html(page));
    return;
  }
  ex.server.pending.remove(ctx_id);
  complete_sign_in(ex, *context, *user, start_session(ex, *user));
}

}  // namespace samlt::idp::server
