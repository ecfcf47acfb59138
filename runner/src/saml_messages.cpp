// SPDX-License-Identifier: Apache-2.0
#include "saml_messages.hpp"

#include "samlt/core/codec.hpp"

#include <regex>

namespace samlt::runner {
namespace {

// An AuthnRequest is a few KB; anything inflating past this is not one.
constexpr std::size_t k_max_request_bytes = 256 * 1024;

auto protocol_error(std::string why) { return core::fail(core::Reason::runner_sp_protocol, std::move(why)); }

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
  for (auto [entity, plain] : {std::pair{"&#43;", "+"}, {"&#x2B;", "+"}, {"&#61;", "="}, {"&#x3D;", "="},
                               {"&#47;", "/"}, {"&#x2F;", "/"}, {"&quot;", "\""}, {"&#39;", "'"},
                               {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string_view(entity).size(), plain);
    }
  }
  return text;
}

core::Result<OutgoingAuthnRequest> authn_request_from(const HttpResponse& response) {
  OutgoingAuthnRequest out;
  if (auto location = response.location(); location && response.status >= 300 && response.status < 400) {
    auto query_at = location->find('?');
    auto fields = core::parse_form(query_at == std::string::npos ? "" : location->substr(query_at + 1));
    if (!fields) {
      return protocol_error("the redirect's query string is malformed: " + fields.error().detail);
    }
    auto requests = core::form_values(*fields, "SAMLRequest");
    if (requests.size() != 1) {
      return protocol_error("the SP redirected to " + *location + " without exactly one SAMLRequest");
    }
    auto deflated = core::base64_decode(requests.front());
    auto xml = deflated ? core::inflate_raw(*deflated, k_max_request_bytes) : core::Result<std::string>(core::fail(deflated.error()));
    if (!xml) {
      return protocol_error("SAMLRequest is not base64 of raw DEFLATE: " + xml.error().detail);
    }
    auto relay = core::form_values(*fields, "RelayState");
    out = {std::move(*xml), relay.empty() ? std::nullopt : std::optional(relay.front()), "HTTP-Redirect",
           location->substr(0, query_at)};
    return out;
  }
  if (response.status == 200) {
    if (auto request = form_input(response.body, "SAMLRequest")) {
      auto xml = core::base64_decode(*request);
      if (!xml) {
        return protocol_error("the POST form's SAMLRequest is not base64");
      }
      std::smatch action;
      std::regex action_re("<form[^>]*\\baction=[\"']([^\"']*)[\"']", std::regex::icase);
      std::string idp_url = std::regex_search(response.body, action, action_re) ? action.str(1) : "";
      out = {std::move(*xml), form_input(response.body, "RelayState"), "HTTP-POST", idp_url};
      return out;
    }
  }
  return protocol_error("the login URL answered HTTP " + std::to_string(response.status) +
                        " without an AuthnRequest (no redirect with SAMLRequest, no form posting one)");
}

}  // namespace samlt::runner
