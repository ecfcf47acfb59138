// SPDX-License-Identifier: Apache-2.0
#include "server/pages.hpp"

#include "samlt/core/codec.hpp"

#include <nlohmann/json.hpp>

namespace samlt::sp::pages {
namespace {

std::string e(std::string_view text) { return core::html_escape(text); }

std::string layout(std::string_view title, std::string_view body) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + e(title) +
         " - sp_under_test</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;"
         "vertical-align:top}code{background:#f4f4f4}.reject{color:#a00}</style></head><body><h1>" +
         e(title) + "</h1>" + std::string(body) +
         "<p><small>sp_under_test: the strict reference service provider (test tool)</small></p></body></html>";
}

std::string sso_links(const std::vector<IdpRecord>& idps) {
  std::string out;
  for (const auto& idp : idps) {
    if (idp.enabled) {
      out += "<li><a href=\"/saml/login?idp=" + e(core::url_encode(idp.name)) + "\">Sign in with " + e(idp.name) +
             "</a> <small>(" + e(idp.entity_id) + ")</small></li>";
    }
  }
  return out.empty() ? "<p>No IdP is enabled.</p>" : "<ul>" + out + "</ul>";
}

std::string post_button(std::string_view action, std::string_view name, std::string_view csrf, std::string_view label) {
  return "<form method=\"post\" action=\"" + e(action) + "\" style=\"display:inline\"><input type=\"hidden\" name=\"name\" value=\"" +
         e(name) + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + e(csrf) + "\"><button>" + e(label) + "</button></form> ";
}

}  // namespace

std::string rejection(const Verdict& verdict) {
  std::string reason(core::id(verdict.reason));
  return layout("Sign-in rejected",
                "<p class=\"reject\">The SAML Response was rejected: <code id=\"reason\">" + e(reason) + "</code></p>"
                "<p>" + e(core::summary(verdict.reason)) + "</p><table><tr><th>step</th><td><code id=\"step\">" +
                e(verdict.step) + "</code></td></tr><tr><th>request id</th><td><code id=\"request-id\">" +
                e(verdict.request_id) + "</code></td></tr></table><p>The full trace is at <a href=\"/verdicts/" +
                e(core::url_encode(verdict.request_id)) + "\">/verdicts/" + e(verdict.request_id) + "</a>.</p>");
}

std::string error(int status, const core::Error& error) {
  std::string reason(core::id(error.reason));
  return layout("Error " + std::to_string(status),
                "<p class=\"reject\"><code id=\"reason\">" + e(reason) + "</code>: " + e(core::summary(error.reason)) +
                    "</p><p>" + e(error.detail) + "</p><p><a href=\"/\">Home</a></p>");
}

std::string index(const std::vector<IdpRecord>& idps) {
  return layout("Reference service provider",
                "<h2>Single sign-on</h2>" + sso_links(idps) +
                    "<h2>More</h2><ul><li><a href=\"/me\">Who am I</a></li><li><a href=\"/login\">Password login</a>"
                    "</li><li><a href=\"/saml/metadata\">SP metadata</a></li><li><a href=\"/saml/policy\">Policy</a>"
                    "</li><li><a href=\"/admin\">Admin</a></li><li><a href=\"/saml/slo\">Sign out (SLO)</a></li></ul>");
}

std::string me(const SessionRecord& session, const Account& account) {
  std::string rows;
  auto row = [&](std::string_view name, std::string_view value) {
    rows += "<tr><th>" + e(name) + "</th><td>" + e(value) + "</td></tr>";
  };
  row("email", account.email);
  row("display name", account.display_name);
  row("role", account.role);
  row("IdP", session.idp.empty() ? "(password login)" : session.idp);
  row("issuer", session.issuer);
  row("NameID", session.name_id);
  row("NameID format", session.name_id_format);
  row("SessionIndex", session.session_index);
  std::string attributes;
  nlohmann::json claims = nlohmann::json::parse(session.attributes_json, nullptr, false);
  if (!claims.is_object()) {
    claims = nlohmann::json::object();
  }
  for (const auto& [name, values] : claims.items()) {
    for (const auto& value : values) {
      attributes += "<tr><td><code>" + e(name) + "</code></td><td>" + e(value.get<std::string>()) + "</td></tr>";
    }
  }
  return layout("Signed in as " + account.display_name,
                "<table>" + rows + "</table><h2>Attributes</h2><table>" + attributes +
                    "</table><p><a href=\"/saml/slo\">Sign out (single logout)</a> | <a href=\"/logout\">Sign out here only</a></p>");
}

std::string login(const std::vector<IdpRecord>& idps, std::string_view message) {
  std::string note = message.empty() ? "" : "<p class=\"reject\">" + e(message) + "</p>";
  return layout("Sign in", note + "<h2>Single sign-on</h2>" + sso_links(idps) +
                               "<h2>Password (local accounts)</h2><form method=\"post\" action=\"/login\">"
                               "<p><label>Email <input name=\"email\" type=\"email\" required></label></p>"
                               "<p><label>Password <input name=\"password\" type=\"password\" required></label></p>"
                               "<p><button>Sign in</button></p></form>");
}

std::string admin(const std::vector<IdpRecord>& idps, std::string_view csrf, std::string_view message) {
  std::string rows;
  for (const auto& idp : idps) {
    rows += "<tr><td>" + e(idp.name) + "</td><td>" + e(idp.entity_id) + "</td><td>" + e(idp.sso_url) + "</td><td>" +
            std::to_string(idp.certificates_pem.size()) + "</td><td>" + (idp.enabled ? "yes" : "no") + "</td><td>" +
            post_button(idp.enabled ? "/admin/idps/disable" : "/admin/idps/enable", idp.name, csrf,
                        idp.enabled ? "Disable" : "Enable") +
            (idp.metadata_url.empty() ? "" : post_button("/admin/idps/refresh", idp.name, csrf, "Refresh")) +
            post_button("/admin/idps/remove", idp.name, csrf, "Remove") + "</td></tr>";
  }
  std::string note = message.empty() ? "" : "<p><strong>" + e(message) + "</strong></p>";
  std::string hidden = "<input type=\"hidden\" name=\"csrf\" value=\"" + e(csrf) + "\">";
  return layout("Identity providers",
                note + "<table><tr><th>name</th><th>entity ID</th><th>SSO URL</th><th>certificates</th><th>enabled</th>"
                       "<th></th></tr>" + rows + "</table>"
                "<h2>Import federation metadata</h2><form method=\"post\" action=\"/admin/idps/import\" "
                "enctype=\"multipart/form-data\">" + hidden +
                "<p><label>Name <input name=\"name\" required pattern=\"[A-Za-z0-9._-]{1,64}\"></label></p>"
                "<p><label>Metadata file <input type=\"file\" name=\"metadata_file\"></label></p>"
                "<p><label>or paste the XML<br><textarea name=\"metadata\" rows=\"6\" cols=\"80\"></textarea></label></p>"
                "<p><label>or its URL <input name=\"metadata_url\" size=\"80\"></label></p><p><button>Import</button></p></form>"
                "<h2>Manual registration</h2><form method=\"post\" action=\"/admin/idps/manual\">" + hidden +
                "<p><label>Name <input name=\"name\" required></label></p><p><label>Entity ID <input name=\"entity_id\" "
                "size=\"60\" required></label></p><p><label>SSO URL (HTTP-Redirect) <input name=\"sso_url\" size=\"60\" "
                "required></label></p><p><label>SLO URL <input name=\"slo_url\" size=\"60\"></label></p><p><label>Signing "
                "certificate (PEM)<br><textarea name=\"certificate\" rows=\"6\" cols=\"80\" required></textarea></label></p>"
                "<p><button>Register</button></p></form><p><a href=\"/\">Home</a></p>");
}

}  // namespace samlt::sp::pages
