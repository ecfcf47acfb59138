// SPDX-License-Identifier: Apache-2.0
#include "saml_messages.hpp"

#include "samlt/core/codec.hpp"

#include <regex>

namespace samlt::runner {
namespace {

// The browser's view: a URL or a form of a few MB at most (Chromium caps URLs at 2 MiB). An
// AuthnRequest is a few KB; anything inflating past 256 KiB is not one. The runner holds the SP to
// no RelayState length: the IdP it plays (Entra) does not either.
constexpr std::size_t k_max_input_bytes = 2 * 1024 * 1024;
constexpr core::BindingLimits k_limits{k_max_input_bytes, k_max_input_bytes, 256 * 1024,
                                       k_max_input_bytes};

auto protocol_error(std::string why) {
  return core::fail(core::Reason::runner_sp_protocol, std::move(why));
}

core::Result<OutgoingAuthnRequest> decoded(core::Result<core::BindingMessage> message,
                                           std::string idp_url, std::string_view what) {
  if (!message) {
    return protocol_error(std::string(what) + " is not a valid SAMLRequest: " +
                          std::string(core::id(message.error().reason)) + ": " +
                          message.error().detail);
  }
  return OutgoingAuthnRequest{std::move(*message), std::move(idp_url)};
}

}  // namespace

std::optional<std::string> form_input(const std::string& html, const std::string& name) {
  // Attribute order varies between SPs: find the input by name, then its value.
  std::regex input("<input[^>]*\\bname=[\"']" + name + "[\"'][^>]*>", std::regex::icase);
  std::smatch match;
  if (!std::regex_search(html, match, input)) {
    return std::nullopt;
  }
  std::regex value("\\bvalue=[\"']([^\"']*)[\"']", std::regex::icase);
  std::smatch value_match;
  std::string tag = match.str(0);
  if (!std::regex_search(tag, value_match, value)) {
    return std::string();
  }
  // HTML character references that base64 and URLs can contain.
  std::string text = value_match.str(1);
  for (auto [entity, plain] : {std::pair{"&#43;", "+"},
                               {"&#x2B;", "+"},
                               {"&#61;", "="},
                               {"&#x3D;", "="},
                               {"&#47;", "/"},
                               {"&#x2F;", "/"},
                               {"&quot;", "\""},
                               {"&#39;", "'"},
                               {"&lt;", "<"},
                               {"&gt;", ">"},
                               {"&amp;", "&"}}) {
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string_view(entity).size(), plain);
    }
  }
  return text;
}

core::Result<OutgoingAuthnRequest> authn_request_from(const HttpResponse& response) {
  if (auto location = response.location();
      location && response.status >= 300 && response.status < 400) {
    auto query_at = location->find('?');
    std::string_view query = query_at == std::string::npos
                                 ? std::string_view()
                                 : std::string_view(*location).substr(query_at);
    return decoded(core::decode_redirect(query, core::Accepts::saml_request, k_limits),
                   location->substr(0, query_at), "the redirect to " + *location);
  }
  if (response.status == 200) {
    if (auto request = form_input(response.body, "SAMLRequest")) {
      std::smatch action;
      std::regex action_re("<form[^>]*\\baction=[\"']([^\"']*)[\"']", std::regex::icase);
      std::string idp_url =
          std::regex_search(response.body, action, action_re) ? action.str(1) : "";
      // What the browser posts when the form submits itself.
      core::FormFields fields{{"SAMLRequest", *request}};
      if (auto relay_state = form_input(response.body, "RelayState")) {
        fields.emplace_back("RelayState", *relay_state);
      }
      return decoded(
          core::decode_post(core::encode_form(fields), core::Accepts::saml_request, k_limits),
          std::move(idp_url), "the POST form");
    }
  }
  return protocol_error(
      "the login URL answered HTTP " + std::to_string(response.status) +
      " without an AuthnRequest (no redirect with SAMLRequest, no form posting one)");
}

core::Result<OutgoingAuthnRequest> request_sign_in(const Target& target, Browser& browser,
                                                   const std::optional<std::string>& relay_state) {
  if (!target.login_url) {  // REQUIRES (plan.cpp): SP-initiated runs are planned only with one
    return core::fail(core::Reason::runner_sp_protocol, "the target has no login_url for an SP-initiated sign-in");
  }
  std::string url = *target.login_url;
  if (relay_state) {
    url += (url.find('?') == std::string::npos ? "?" : "&") + std::string("RelayState=") + core::url_encode(*relay_state);
  }
  auto answer = browser.get(url, {}, "GET login URL");
  // Many SPs reach the IdP through their own redirects first (/login -> /auth/saml -> IdP): follow
  // them, as the browser would, until the SP sends the AuthnRequest.
  for (int hop = 0; answer && hop < 5; ++hop) {
    auto location = answer->location();
    bool redirect = answer->status >= 300 && answer->status < 400 && location;
    if (!redirect || location->find("SAMLRequest=") != std::string::npos) {
      break;
    }
    answer = browser.get(*location, {}, "GET login redirect");
  }
  if (!answer) {
    return core::fail(answer.error());
  }
  return authn_request_from(*answer);
}

}  // namespace samlt::runner
