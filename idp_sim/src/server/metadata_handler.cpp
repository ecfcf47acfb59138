// SPDX-License-Identifier: Apache-2.0
// Federation metadata endpoints (entra-spec §0, §2.1).
#include "samlt/idp/aadsts.hpp"
#include "samlt/idp/metadata.hpp"
#include "server/handlers.hpp"

namespace samlt::idp::server {
namespace {

void serve(Exchange& ex, MetadataKind kind, const App* app) {
  auto bytes = federation_metadata(ex.server.idp, kind, app, ex.server.base_url,
                                   token_time(ex.server.idp, ex.now));
  if (!bytes) {
    send_error_page(ex, bytes.error());
    return;
  }
  send(ex, 200, "text/xml; charset=utf-8", *bytes);
}

}  // namespace

void handle_tenant_metadata(Exchange& ex) {
  if (!check_tenant(ex, ex.segments[0])) {
    return;
  }
  auto app_id = query_value(ex, "appid");
  if (!app_id) {
    serve(ex, MetadataKind::tenant, nullptr);
    return;
  }
  const App* app = ex.server.idp.find_app(*app_id);
  if (app == nullptr) {
    send_error_page(ex, aadsts_fail(core::Reason::idp_app_unknown,
                                    {.value = *app_id, .tenant = ex.config().tenant_name})
                            .value());
    return;
  }
  serve(ex, MetadataKind::app, app);
}

void handle_common_metadata(Exchange& ex) {
  serve(ex, MetadataKind::common, nullptr);
}

}  // namespace samlt::idp::server
