// SPDX-License-Identifier: Apache-2.0
// Entra's sign-in error page (entra-spec §3.7 [INFER exact HTML]): title "Sign in to your account",
// the headline, `AADSTSnnnnn: message`, and the "Troubleshooting details" block.
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/aadsts.hpp"

namespace samlt::idp {

std::string error_page_html(const AadstsError& error, const TraceIds& ids) {
  using core::html_escape;
  std::string code = "AADSTS" + std::to_string(error.code);
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>Sign in to your account</title>"
         "<meta name=\"robots\" content=\"none\">"
         "<style>body{font-family:'Segoe UI',sans-serif;background:#f2f2f2;margin:0}"
         ".box{background:#fff;max-width:440px;margin:60px auto;padding:44px;box-shadow:0 2px 6px "
         "rgba(0,0,0,.2)}"
         ".title{font-size:24px;font-weight:600;margin-bottom:16px}"
         ".details{font-size:13px;margin-top:24px}.details div{margin:4px 0}</style></head>\n"
         "<body><div class=\"box\" id=\"login_workload_logo_text\">"
         "<div class=\"logo\">Microsoft</div>"
         "<div class=\"title\" id=\"loginHeader\">Sign in</div>"
         "<div id=\"errorHeadline\">Sorry, but we&#39;re having trouble signing you in.</div>"
         "<div id=\"errorMessage\"><span id=\"errorCode\" data-code=\"" +
         std::to_string(error.code) + "\" data-reason=\"" + html_escape(core::id(error.reason)) +
         "\">" + code + "</span>: " + html_escape(error.message) +
         "</div>"
         "<div class=\"details\" id=\"troubleshootingDetails\"><div "
         "class=\"heading\">Troubleshooting details</div>"
         "<div>Request Id: <span id=\"requestId\">" +
         html_escape(ids.request_id) +
         "</span></div>"
         "<div>Correlation Id: <span id=\"correlationId\">" +
         html_escape(ids.correlation_id) +
         "</span></div>"
         "<div>Timestamp: <span id=\"timestamp\">" +
         html_escape(core::format_datetime(ids.at)) +
         "</span></div>"
         "<div>Message: " +
         code + ": " + html_escape(error.message) +
         "</div>"
         "<div><a href=\"#\">Advanced diagnostics</a> &middot; <a href=\"#\">Flag sign-in errors "
         "for review</a></div>"
         "</div></div></body></html>\n";
}

}  // namespace samlt::idp
