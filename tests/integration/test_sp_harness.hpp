// SPDX-License-Identifier: Apache-2.0
// Shared by the test_sp_*.cpp integration tests: the real `sp_under_test serve` on a free loopback
// port with a temporary config and database, a cookie-keeping HTTP client, and an Entra-shaped
// Response signed with core (as an IdP would sign it).
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <sstream>

namespace samlt::test::sp_server {

using namespace std::chrono_literals;
namespace n = core::names;


inline const std::string k_idp = "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/";
inline const std::string k_sp = "urn:samlt:sp:reference";

struct Reply {
  int status = 0;
  std::string body;
  std::string location;
  std::string content_type;
};

// A browser: one cookie jar, plain HTTP/1.1 to 127.0.0.1:port.
class Browser {
 public:
  explicit Browser(int port) : m_port(port) {}

  Reply get(const std::string& path, bool json = false) { return send("GET", path, "", "", json); }
  Reply post_form(const std::string& path, const core::FormFields& form, bool json = false) {
    return send("POST", path, core::encode_form(form), "application/x-www-form-urlencoded", json);
  }
  Reply send(const std::string& method, const std::string& path, const std::string& body, const std::string& type,
             bool json) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(m_port));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (json) {
      request.set("Accept", "application/json");
    }
    std::string cookies;
    for (const auto& [name, value] : m_jar) {
      cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
    }
    if (!cookies.empty()) {
      request.set("Cookie", cookies);
    }
    if (!type.empty()) {
      request.setContentType(type);
    }
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    reply.location = response.get("Location", "");
    reply.content_type = response.getContentType();
    for (auto it = response.find("Set-Cookie"); it != response.end() && Poco::icompare(it->first, "Set-Cookie") == 0; ++it) {
      std::string pair = it->second.substr(0, it->second.find(';'));
      std::string name = pair.substr(0, pair.find('='));
      std::string value = pair.substr(pair.find('=') + 1);
      if (value.empty()) {
        m_jar.erase(name);
      } else {
        m_jar[name] = value;
      }
    }
    return reply;
  }
  std::string cookie(const std::string& name) const {
    auto it = m_jar.find(name);
    return it == m_jar.end() ? "" : it->second;
  }

 private:
  int m_port;
  std::map<std::string, std::string> m_jar;
};

// The server under test, with its own config and database in a temporary folder.
class SpServerUnderTest {
 public:
  // `trusted_idps`: the config's IdP seeds; by default "entra" registered by hand (entity ID,
  // SSO URL and the idp-signing certificate).
  explicit SpServerUnderTest(std::optional<nlohmann::json> trusted_idps = std::nullopt)
      : m_port(test::free_loopback_port()) {
    const auto& set = test::test_cert_set();
    nlohmann::json config = {
        {"entity_id", k_sp},
        {"signing", {{"key_file", set.key_path("sp-signing").string()}, {"certificate_file", set.certificate_path("sp-signing").string()}}},
        {"encryption",
         {{"key_file", set.key_path("sp-encryption").string()}, {"certificate_file", set.certificate_path("sp-encryption").string()}}},
        {"trusted_idps",
         {{{"name", "entra"}, {"entity_id", k_idp}, {"sso_url", "http://127.0.0.1:9/aaaabbbb-0000-cccc-1111-dddd2222eeee/saml2"},
           {"certificate_file", set.certificate_path("idp-signing").string()}}}},
        {"accounts",
         {{{"email", "alex.wilber@contoso.example"}, {"display_name", "Alex Wilber"}, {"idp", "entra"}},
          {{"email", "admin@sp.example"}, {"role", "admin"}, {"sso_enabled", false}, {"password", "admin-password"}}}},
    };
    if (trusted_idps) {
      config["trusted_idps"] = *trusted_idps;
    }
    REQUIRE(core::write_file_atomic(m_dir / "config.json", config.dump(2)));
    start();
  }

  void start() {
    m_process = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{SAMLT_SP_UNDER_TEST_EXE, "serve", "--config", (m_dir / "config.json").string(), "--port",
                                 std::to_string(m_port), "--db", (m_dir / "sp.sqlite").string()},
        m_dir / ("serve-" + std::to_string(++m_starts) + ".log"));
    bool up = test::wait_for_http(url("/healthz"), 20);
    INFO(m_process->log());
    REQUIRE(up);
  }
  void restart() {
    m_process->stop();
    start();
  }
  int port() const { return m_port; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
  std::string log() const { return m_process->log(); }
  bool running() const { return m_process->running(); }
  const std::filesystem::path& dir() const { return m_dir.path(); }

 private:
  test::TempDir m_dir;
  int m_port;
  int m_starts = 0;
  std::unique_ptr<test::ChildProcess> m_process;
};

// An Entra-shaped Response (entra-spec §1.2) with a signed Assertion, for the server's ACS.
inline std::string signed_response(int port, const std::string& in_response_to = {}, const std::string& audience = k_sp) {
  std::string acs = "http://127.0.0.1:" + std::to_string(port) + "/saml/acs";
  core::TimePoint now = core::SystemClock().now();
  auto at = [](core::TimePoint t) { return core::format_datetime(t); };
  auto doc = core::XmlDoc::create();
  xmlNode* response = core::make_root(doc, n::ns_protocol, "samlp", "Response");
  core::set_attribute(response, "ID", core::new_saml_id());
  core::set_attribute(response, "Version", "2.0");
  core::set_attribute(response, "IssueInstant", at(now));
  core::set_attribute(response, "Destination", acs);
  if (!in_response_to.empty()) {
    core::set_attribute(response, "InResponseTo", in_response_to);
  }
  core::append_element(response, n::ns_assertion, "", "Issuer", k_idp);
  xmlNode* status = core::append_element(response, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value", n::status_success);
  xmlNode* assertion = core::append_element(response, n::ns_assertion, "", "Assertion");
  std::string assertion_id = core::new_assertion_id();
  core::set_attribute(assertion, "ID", assertion_id);
  core::set_attribute(assertion, "IssueInstant", at(now));
  core::set_attribute(assertion, "Version", "2.0");
  core::append_element(assertion, n::ns_assertion, "", "Issuer", k_idp);
  xmlNode* subject = core::append_element(assertion, n::ns_assertion, "", "Subject");
  core::set_attribute(core::append_element(subject, n::ns_assertion, "", "NameID", "alex.wilber@contoso.example"), "Format",
                      n::nameid_email);
  xmlNode* confirmation = core::append_element(subject, n::ns_assertion, "", "SubjectConfirmation");
  core::set_attribute(confirmation, "Method", n::cm_bearer);
  xmlNode* data = core::append_element(confirmation, n::ns_assertion, "", "SubjectConfirmationData");
  if (!in_response_to.empty()) {
    core::set_attribute(data, "InResponseTo", in_response_to);
  }
  core::set_attribute(data, "NotOnOrAfter", at(now + 60min));
  core::set_attribute(data, "Recipient", acs);
  xmlNode* conditions = core::append_element(assertion, n::ns_assertion, "", "Conditions");
  core::set_attribute(conditions, "NotBefore", at(now - 5min));
  core::set_attribute(conditions, "NotOnOrAfter", at(now + 60min));
  core::append_element(core::append_element(conditions, n::ns_assertion, "", "AudienceRestriction"), n::ns_assertion, "",
                       "Audience", audience);
  xmlNode* statement = core::append_element(assertion, n::ns_assertion, "", "AttributeStatement");
  xmlNode* email = core::append_element(statement, n::ns_assertion, "", "Attribute");
  core::set_attribute(email, "Name", n::claim_email);
  core::append_element(email, n::ns_assertion, "", "AttributeValue", "alex.wilber@contoso.example");
  xmlNode* authn = core::append_element(assertion, n::ns_assertion, "", "AuthnStatement");
  core::set_attribute(authn, "AuthnInstant", at(now - 1min));
  core::set_attribute(authn, "SessionIndex", assertion_id);
  core::append_element(core::append_element(authn, n::ns_assertion, "", "AuthnContext"), n::ns_assertion, "",
                       "AuthnContextClassRef", n::ac_password);
  REQUIRE(core::sign_enveloped(doc, assertion, test::test_credential("idp-signing")));
  return core::serialize(doc);
}

// Minimal IdP metadata for the test IdP (saml-metadata §2.4.3).
inline std::string idp_metadata(const std::string& sso_url) {
  return "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + k_idp +
         "\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><KeyDescriptor "
         "use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>" +
         test::test_credential("idp-signing").certificate.base64() +
         "</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService "
         "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + sso_url +
         "\"/></IDPSSODescriptor></EntityDescriptor>";
}

inline core::FormFields form_of(const std::string& xml) { return {{"SAMLResponse", core::base64_encode(xml)}}; }

inline nlohmann::json json_of(const Reply& reply) {
  INFO(reply.body);
  return nlohmann::json::parse(reply.body);
}

}  // namespace samlt::test::sp_server
