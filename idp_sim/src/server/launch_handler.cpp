// SPDX-License-Identifier: Apache-2.0
// GET /api/signin/{app-id}?tenantId={tid}: the My Apps "User access URL" (entra-spec §0, §3.5).
// With a Sign on URL registered, My Apps sends the user there (SP-initiated) unless
// knobs.launcher_uses_sign_on_url is off or the query says force_idp_initiated=true.
#include "samlt/idp/aadsts.hpp"
#include "server/handlers.hpp"

namespace samlt::idp::server {

void handle_launch(Exchange& ex) {
  const Idp& idp = ex.server.idp;
  if (!check_tenant(ex, query_value(ex, "tenantId").value_or(""))) {
    return;
  }
  const App* app = idp.find_app(ex.segments[2]);
  if (app == nullptr) {
    send_error_page(ex, aadsts_fail(core::Reason::idp_app_unknown,
                                    {.value = ex.segments[2], .tenant = idp.config().tenant_name})
                            .value());
    return;
  }
  bool forced = query_value(ex, "force_idp_initiated") == "true";
  if (app->sign_on_url && idp.config().knobs.launcher_uses_sign_on_url && !forced) {
    send_redirect(ex, *app->sign_on_url);
    return;
  }
  auto context = idp_initiated_context(idp, *app, query_value(ex, "RelayState"));
  if (!context) {
    send_error_page(ex, context.error(), app->app_id);
    return;
  }
  context->login_hint = query_value(ex, "login_hint");
  continue_sign_in(ex, std::move(*context));
}

}  // namespace samlt::idp::server
