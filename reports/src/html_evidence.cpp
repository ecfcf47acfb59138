// SPDX-License-Identifier: Apache-2.0
// The evidence under a scenario in index.html: what was on the wire, so a vendor can see exactly
// which Response their SP accepted or refused without rerunning anything.
#include "html_parts.hpp"
#include "markup_text.hpp"

#include <string_view>

namespace samlt::reports {
namespace {

std::string headers_text(const NamedValues& headers) {
  std::string text;
  for (const auto& [name, value] : headers) {
    text += name + ": " + value + "\n";
  }
  return text;
}

void append_pre(std::string& out, std::string_view text) {
  out += "<pre>" + escape_html(text) + "</pre>\n";
}

void append_message(std::string& out, const SamlMessage& message) {
  out += "<details><summary>" + escape_html(message.label) + "</summary>\n";
  if (message.decoded.empty()) {
    out += "<p>Not decodable; as received:</p>\n";
    append_pre(out, message.raw);
  } else {
    append_pre(out, message.decoded);
    out += "<details><summary>As on the wire</summary>\n";
    append_pre(out, message.raw);
    out += "</details>\n";
  }
  out += "</details>\n";
}

// Shown as the request and response would look on the wire, so it reads like a proxy capture.
void append_exchange(std::string& out, const HttpExchange& exchange) {
  const std::string status = exchange.status ? std::to_string(*exchange.status) : "no response";
  out += "<details><summary>" + escape_html(exchange.label) + ": " + escape_html(exchange.method) +
         " <code>" + escape_html(exchange.url) + "</code> &rarr; " + status + "</summary>\n";
  out += "<h4>Request</h4>\n";
  append_pre(out, exchange.method + " " + exchange.url + "\n" +
                      headers_text(exchange.request_headers) + "\n" + exchange.request_body);
  out += "<h4>Response</h4>\n";
  if (exchange.status) {
    append_pre(out, "HTTP " + status + "\n" + headers_text(exchange.response_headers) + "\n" +
                        exchange.response_body);
  } else {
    out += "<p>No response was received.</p>\n";
  }
  out += "</details>\n";
}

}  // namespace

void append_evidence_html(std::string& out, const ScenarioResult& result) {
  if (!result.messages.empty()) {
    out += "<h4>SAML messages</h4>\n";
    for (const SamlMessage& message : result.messages) {
      append_message(out, message);
    }
  }
  if (!result.exchanges.empty()) {
    out += "<h4>HTTP exchanges</h4>\n";
    for (const HttpExchange& exchange : result.exchanges) {
      append_exchange(out, exchange);
    }
  }
}

}  // namespace samlt::reports
