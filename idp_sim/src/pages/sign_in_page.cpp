// SPDX-License-Identifier: Apache-2.0
// The sign-in page: a list of directory users to pick from and a UPN box, posting back to the
// IdP. Not a copy of Entra's page — only its title and field names (login, passwd) are kept.
#include "pages.hpp"

namespace samlt::idp {

std::string sign_in_page_html(const SignInPage& page) {
  using core::html_escape;
  std::string ctx =
      "<input type=\"hidden\" name=\"ctx\" value=\"" + html_escape(page.ctx) + "\" />";
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Sign in to your account</title></head><body>"
      "<div class=\"box\"><div class=\"logo\">Microsoft</div><div class=\"title\">Sign in</div>"
      "<div id=\"appName\">to continue to " +
      html_escape(page.app_name) + "</div>";
  if (!page.error.empty()) {
    html += "<div id=\"usernameError\" role=\"alert\">" + html_escape(page.error) + "</div>";
  }
  html += "<form method=\"POST\" id=\"signInForm\" action=\"" + html_escape(page.action) + "\">" +
          ctx +
          "<input type=\"email\" name=\"login\" id=\"i0116\" placeholder=\"Email, phone, or "
          "Skype\" value=\"" +
          html_escape(page.login_hint) +
          "\" />"
          "<input type=\"password\" name=\"passwd\" id=\"i0118\" placeholder=\"Password\" />"
          "<input type=\"submit\" id=\"idSIButton9\" value=\"Sign in\" /></form>";
  if (page.users != nullptr) {
    html += "<div id=\"tilesHolder\"><div>Pick an account</div>";
    for (const auto& user : *page.users) {
      html += "<form method=\"POST\" class=\"tile\" action=\"" + html_escape(page.action) + "\">" +
              ctx + "<input type=\"hidden\" name=\"login\" value=\"" +
              html_escape(user.user_principal_name) + "\" /><button type=\"submit\">" +
              html_escape(user.display_name) + " &lt;" + html_escape(user.user_principal_name) +
              "&gt;</button></form>";
    }
    html += "</div>";
  }
  return html + "</div></body></html>\n";
}

}  // namespace samlt::idp
