// SPDX-License-Identifier: Apache-2.0
#include "test_idp_support.hpp"

#include "support/test_certs.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

namespace samlt::test::idp_it {
namespace {

std::string unescape(std::string text) {
  for (auto [from, to] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
      text.replace(at, std::string(from).size(), to);
    }
  }
  return text;
}

}  // namespace

nlohmann::json config() {
  auto user = [](std::string upn, std::string oid, std::string display) {
    return nlohmann::json{{"object_id", oid},  {"user_principal_name", upn},
                          {"mail", upn},       {"given_name", display.substr(0, display.find(' '))},
                          {"surname", "Test"}, {"display_name", display}};
  };
  nlohmann::json users = nlohmann::json::array();
  users.push_back(user(k_alex, "00aa00aa-bb11-cc22-dd33-44ee44ee44ee", "Alex Wilber"));
  users.push_back(
      user("taro.yamada@contoso.example", "00000001-0000-4000-8000-000000000002", "山田 太郎"));
  users.push_back(
      user("adele.vance@contoso.example", "00000001-0000-4000-8000-000000000003", "Adele Vance"));
  users.back()["password"] = "Passw0rd!";
  users.push_back(user("disabled.user@contoso.example", "00000001-0000-4000-8000-000000000004",
                       "Dana Disabled"));
  users.back()["enabled"] = false;
  return {{"tenant_id", k_tenant},
          {"cert_set", test::test_cert_set().dir().string()},
          {"signing_certificates",
           {{{"credential", "idp-signing"}, {"status", "active"}},
            {{"credential", "idp-signing-next"}, {"status", "inactive"}, {"advertise", true}}}},
          {"knobs", {{"auto_login", true}}},
          {"limits",
           {{"max_body_bytes", 65536}, {"max_uri_bytes", 4096}, {"request_timeout_seconds", 2}}},
          {"apps",
           {{{"app_id", k_app_id},
             {"display_name", "samlt reference SP"},
             {"identifiers", {k_entity_id}},
             {"reply_urls", {k_acs, "http://localhost:8081/saml/acs"}},
             {"sign_on_url", "http://127.0.0.1:8081/saml/login?idp=entra"},
             {"logout_url", "http://127.0.0.1:8081/saml/slo"},
             {"request_verification", {{"certificates", {"sp-signing"}}}}},
            {{"app_id", k_launch_app_id},
             {"display_name", "launcher app"},
             {"identifiers", {"urn:samlt:sp:launch"}},
             {"reply_urls", {"http://127.0.0.1:8083/acs"}},
             {"relay_state", "/home"}}}},
          {"users", users}};
}

IdpProcess::IdpProcess(const nlohmann::json& json) {
  REQUIRE(core::write_file_atomic(m_dir / "idp.json", json.dump(2)));
  int port = free_loopback_port();
  m_base = "http://127.0.0.1:" + std::to_string(port);
  m_process = std::make_unique<ChildProcess>(
      std::vector<std::string>{SAMLT_IDP_SIM_EXE, "serve", "--config",
                               (m_dir / "idp.json").string(), "--port", std::to_string(port)},
      m_dir / "idp.log");
  INFO(m_process->log());
  REQUIRE(wait_for_http(m_base + "/_control/health", 20));
}

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpResponse Browser::request(const std::string& method, const std::string& url,
                              const std::string& body, const std::string& content_type) {
  Poco::URI uri(url.rfind("http", 0) == 0 ? url : m_base + url);
  Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest req(method, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
  Poco::Net::NameValueCollection jar;
  for (const auto& [name, value] : m_cookies) {
    jar.add(name, value);
  }
  req.setCookies(jar);
  if (!content_type.empty()) {
    req.setContentType(content_type);
  }
  req.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(req) << body;
  Poco::Net::HTTPResponse res;
  std::istream& in = session.receiveResponse(res);
  HttpResponse out;
  out.status = static_cast<int>(res.getStatus());
  std::stringstream text;
  text << in.rdbuf();
  out.body = text.str();
  for (const auto& [name, value] : res) {
    std::string lower = name;
    for (char& c : lower) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.headers[lower] = value;
  }
  std::vector<Poco::Net::HTTPCookie> cookies;
  res.getCookies(cookies);
  for (const auto& c : cookies) {
    if (c.getMaxAge() == 0) {
      m_cookies.erase(c.getName());
    } else {
      m_cookies[c.getName()] = c.getValue();
    }
  }
  return out;
}

HttpResponse Browser::get(const std::string& url, bool follow) {
  HttpResponse response = request("GET", url, "", "");
  for (int hops = 0; follow && hops < 10 && response.status == 302; ++hops) {
    std::string location = response.header("location");
    if (location.rfind(m_base, 0) != 0 && location.rfind("/", 0) != 0) {
      break;  // leaves the IdP: the caller judges where it goes
    }
    response = request("GET", location, "", "");
  }
  return response;
}

HttpResponse Browser::post_form(const std::string& url, const core::FormFields& fields) {
  return request("POST", url, core::encode_form(fields), "application/x-www-form-urlencoded");
}

std::optional<std::string> Browser::cookie(const std::string& name) const {
  auto it = m_cookies.find(name);
  return it == m_cookies.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string AutoPostForm::field(const std::string& name) const {
  auto values = core::form_values(fields, name);
  return values.empty() ? std::string() : values.front();
}

std::optional<AutoPostForm> auto_post_form(const std::string& html) {
  std::smatch m;
  if (!std::regex_search(
          html, m, std::regex("<form method=\"POST\" name=\"hiddenform\" action=\"([^\"]*)\">"))) {
    return std::nullopt;
  }
  AutoPostForm form{unescape(m[1]), {}};
  std::regex input("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\" />");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), input);
       it != std::sregex_iterator(); ++it) {
    form.fields.emplace_back(unescape((*it)[1]), unescape((*it)[2]));
  }
  return form;
}

std::optional<std::string> sign_in_ctx(const std::string& html) {
  std::smatch m;
  if (html.find("id=\"signInForm\"") == std::string::npos ||
      !std::regex_search(html, m, std::regex("name=\"ctx\" value=\"([0-9a-f]+)\""))) {
    return std::nullopt;
  }
  return m[1];
}

std::string authn_request(const std::string& id, const std::string& extra_attributes) {
  return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + id +
         "\" Version=\"2.0\" IssueInstant=\"" + core::format_datetime(core::SystemClock().now()) +
         "\" AssertionConsumerServiceURL=\"" + k_acs + "\"" + extra_attributes +
         "><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + k_entity_id +
         "</saml:Issuer></samlp:AuthnRequest>";
}

std::string redirect_url(const std::string& saml2, const std::string& xml,
                         const std::string& more_query) {
  return saml2 + "?SAMLRequest=" + core::url_encode(core::base64_encode(core::deflate_raw(xml))) +
         more_query;
}

std::string response_xml(const AutoPostForm& form) {
  auto xml = core::base64_decode(form.field("SAMLResponse"));
  REQUIRE(xml);
  return *xml;
}

bool xmlsec1_verifies(const std::string& xml, const std::string& element, const std::string& role) {
  TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "m.xml", xml));
  std::string ns = element == "Assertion"          ? "urn:oasis:names:tc:SAML:2.0:assertion"
                   : element == "EntityDescriptor" ? "urn:oasis:names:tc:SAML:2.0:metadata"
                                                   : "urn:oasis:names:tc:SAML:2.0:protocol";
  auto result = run_command({"xmlsec1", "--verify", "--pubkey-cert-pem",
                             test::test_cert_set().certificate_path(role).string(), "--id-attr:ID",
                             ns + ":" + element, "--node-xpath",
                             "//*[local-name()='" + element + "']/*[local-name()='Signature']",
                             (dir / "m.xml").string()});
  INFO(result.output);
  return result.exit_code == 0;
}

}  // namespace samlt::test::idp_it
