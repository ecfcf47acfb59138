// SPDX-License-Identifier: Apache-2.0
// The auto-submitting form that delivers a Response to the ACS (entra-spec §1.14, saml-bindings
// §3.5.4: the HTTP-POST binding's form, values HTML-escaped).
#include "pages.hpp"

namespace samlt::idp {

std::string auto_post_form_html(const std::string& action, const core::FormFields& fields) {
  using core::html_escape;
  std::string html =
      "<html><head><title>Working...</title></head><body>"
      "<form method=\"POST\" name=\"hiddenform\" action=\"" +
      html_escape(action) + "\">";
  for (const auto& [name, value] : fields) {
    html += "<input type=\"hidden\" name=\"" + html_escape(name) + "\" value=\"" +
            html_escape(value) + "\" />";
  }
  html +=
      "<noscript><p>Script is disabled. Click Submit to continue.</p>"
      "<input type=\"submit\" value=\"Submit\" /></noscript></form>"
      "<script language=\"javascript\">window.setTimeout('document.forms[0].submit()', 0);</script>"
      "</body></html>";
  return html;
}

std::string signed_out_page_html() {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign "
         "out</title></head>"
         "<body><div id=\"signedOut\">You signed out of your account</div>"
         "<div>It&#39;s a good idea to close all browser windows.</div></body></html>\n";
}

}  // namespace samlt::idp
