// SPDX-License-Identifier: Apache-2.0
// GET /: a page for people — the tenant, its metadata URLs and a launch link per app.
#include "server/handlers.hpp"

namespace samlt::idp::server {

void handle_home(Exchange& ex) {
  using core::html_escape;
  const Idp& idp = ex.server.idp;
  const std::string& base = ex.server.base_url;
  std::string tenant_path = base + "/" + idp.tenant_id();
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
      "charset=\"utf-8\"><title>idp_sim</title></head><body>"
      "<h1>idp_sim — simulated Microsoft Entra ID tenant</h1><ul>"
      "<li>Issuer (entity ID): <code>" +
      html_escape(idp.issuer()) +
      "</code></li>"
      "<li>SAML endpoint: <code>" +
      html_escape(tenant_path + "/saml2") +
      "</code></li>"
      "<li><a href=\"" +
      html_escape(tenant_path + "/federationmetadata/2007-06/federationmetadata.xml") +
      "\">Tenant federation metadata</a></li></ul><h2>Enterprise applications</h2><ul>";
  for (const auto& app : idp.config().apps) {
    html += "<li>" + html_escape(app.display_name) + " (<code>" + html_escape(app.app_id) +
            "</code>): <a href=\"" +
            html_escape(tenant_path +
                        "/federationmetadata/2007-06/federationmetadata.xml?appid=" + app.app_id) +
            "\">App Federation Metadata</a> · <a href=\"" +
            html_escape(base + "/api/signin/" + app.app_id + "?tenantId=" + idp.tenant_id()) +
            "\">User access URL</a></li>";
  }
  send_html(ex, 200, html + "</ul></body></html>\n");
}

}  // namespace samlt::idp::server
