// SPDX-License-Identifier: Apache-2.0
// The real server shows each applicable AADSTS code on Entra's error page, and bad input never
// crashes or hangs it: it keeps serving.
#include "samlt/core/saml_names.hpp"
#include "test_idp_support.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/StreamSocket.h>
#include <catch2/catch.hpp>

#include <thread>

using namespace samlt;
using namespace samlt::test::idp_it;

namespace {

void require_page(const HttpResponse& response, const std::string& code) {
  INFO(response.body.substr(0, 600));
  CHECK(response.status == 200);  // Entra's page is a 200 (knob error_page_status)
  CHECK(response.header("x-samlt-aadsts") == code);
  CHECK(response.body.find("<title>Sign in to your account</title>") != std::string::npos);
  CHECK(response.body.find("data-code=\"" + code + "\"") != std::string::npos);
  CHECK(response.body.find("id=\"correlationId\"") != std::string::npos);
  CHECK(response.body.find("id=\"timestamp\"") != std::string::npos);
}

std::string request_with(const std::string& attributes, const std::string& issuer = k_entity_id,
                         const std::string& children = {}) {
  return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" Version=\"2.0\" "
         "IssueInstant=\"2025-01-01T00:00:00Z\"" +
         attributes + "><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" +
         issuer + "</saml:Issuer>" + children + "</samlp:AuthnRequest>";
}

Poco::UInt16 port_of(const IdpProcess& idp) {
  return static_cast<Poco::UInt16>(std::stoi(idp.base().substr(idp.base().rfind(':') + 1)));
}

bool healthy(const IdpProcess& idp) {
  Browser b(idp.base());
  return b.get("/_control/health").status == 200 && idp.running();
}

}  // namespace

TEST_CASE("each applicable AADSTS code reaches Entra's error page", "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto get = [&](const std::string& xml, const std::string& more = {}) {
    return browser.get(redirect_url(idp.saml2(), xml, more));
  };
  require_page(browser.get(idp.saml2() + "?RelayState=x"), "750054");
  require_page(browser.get(idp.saml2() + "?SAMLRequest=%%%%"), "75005");
  require_page(get(request_with(" ID=\"1abc\"")), "7500529");
  require_page(get(request_with(" ID=\"_x\"", "urn:unknown:sp")), "700016");
  require_page(
      get(request_with(" ID=\"_x\" AssertionConsumerServiceURL=\"https://evil.example/acs\"")),
      "50011");
  require_page(
      get(request_with(" ID=\"_x\"", k_entity_id, "<samlp:NameIDPolicy Format=\"urn:x\"/>")),
      "75016");
  require_page(
      get(request_with(
          " ID=\"_x\"", k_entity_id,
          "<samlp:RequestedAuthnContext Comparison=\"minimum\"><saml:AuthnContextClassRef "
          "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">urn:oasis:names:tc:SAML:2.0:ac:"
          "classes:Password</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>")),
      "900235");
  require_page(get(request_with(" ID=\"_x\"", k_entity_id, "<samlp:Scoping ProxyCount=\"2\"/>")),
               "900236");
  require_page(
      get(request_with(
          " ID=\"_x\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact\"")),
      "75003");
  require_page(get(request_with(" ID=\"_x\"", k_entity_id,
                                "<samlp:RequestedAuthnContext><saml:AuthnContextClassRef "
                                "xmlns:saml=\"urn:oasis:names:tc:"
                                "SAML:2.0:assertion\">urn:oasis:names:tc:SAML:2.0:ac:classes:X509</"
                                "saml:AuthnContextClassRef>"
                                "</samlp:RequestedAuthnContext>"),
                   "&login_hint=alex.wilber%40contoso.example"),
               "75011");
  require_page(get(request_with(" ID=\"_x\""), "&login_hint=ghost%40contoso.example"), "50034");
  require_page(get(request_with(" ID=\"_x\""), "&login_hint=disabled.user%40contoso.example"),
               "50057");
  require_page(browser.get("/00000000-0000-4000-8000-000000000000/saml2?SAMLRequest=x"), "90002");
  require_page(
      browser.get(std::string("/api/signin/99999999-0000-4000-8000-000000000000?tenantId=") +
                  k_tenant),
      "700016");
  require_page(browser.post_form(std::string("/") + k_tenant + "/login",
                                 {{"ctx", "deadbeef"}, {"login", k_alex}}),
               "90013");
  std::string logout =
      "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_lo\" "
      "Version=\"2.0\" "
      "IssueInstant=\"2025-01-01T00:00:00Z\"><Issuer "
      "xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" +
      std::string(k_entity_id) + "</Issuer></samlp:LogoutRequest>";
  require_page(get(logout), "7500530");
  require_page(browser.post_form(idp.saml2(), {{"SAMLRequest", core::base64_encode(logout)}}),
               "75005");
}

TEST_CASE("assignment required (50105), signed requests required (76021), no reply URL (900971)",
          "[integration][idp]") {
  auto json = config();
  json["apps"][0]["assignment_required"] = true;
  json["apps"][0]["assigned"] = {k_alex};
  json["apps"][1]["request_verification"] = {{"required", true}, {"certificates", {"sp-signing"}}};
  json["apps"].push_back({{"app_id", "33334444-dddd-4555-8eee-6666ffff7777"},
                          {"display_name", "no reply"},
                          {"identifiers", {"urn:samlt:sp:noreply"}}});
  IdpProcess idp(json);
  Browser browser(idp.base());
  require_page(browser.get(redirect_url(idp.saml2(), authn_request("_a"),
                                        "&login_hint=taro.yamada%40contoso.example")),
               "50105");
  require_page(browser.get(std::string("/api/signin/") + k_launch_app_id + "?tenantId=" + k_tenant),
               "76021");
  require_page(
      browser.get(std::string("/api/signin/33334444-dddd-4555-8eee-6666ffff7777?tenantId=") +
                  k_tenant),
      "900971");
}

TEST_CASE("the error page status is a knob", "[integration][idp]") {
  auto json = config();
  json["knobs"]["error_page_status"] = 400;
  IdpProcess idp(json);
  Browser browser(idp.base());
  auto page = browser.get(idp.saml2());
  CHECK(page.status == 400);
  CHECK(page.header("x-samlt-aadsts") == "750054");
}

TEST_CASE("bad requests never crash or hang the server", "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  // Garbage base64, bad deflate, a DOCTYPE, a billion-laughs, a deflate bomb.
  CHECK(
      browser.get(idp.saml2() + "?SAMLRequest=" + std::string(500, '!')).header("x-samlt-aadsts") ==
      "75005");
  CHECK(browser
            .get(idp.saml2() +
                 "?SAMLRequest=" + core::url_encode(core::base64_encode("\x01\x02garbage")))
            .header("x-samlt-aadsts") == "75005");
  std::string laughs =
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
      "<samlp:AuthnRequest "
      "xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&lol2;</samlp:AuthnRequest>";
  CHECK(browser.get(redirect_url(idp.saml2(), laughs)).header("x-samlt-aadsts") == "75005");
  CHECK(browser.get(redirect_url(idp.saml2(), std::string(1, '<') + std::string(100000, 'x')))
            .status == 200);
  std::string bomb =
      core::deflate_raw(std::string(1024 * 1024, ' '));  // inflates past the 256 KiB cap
  CHECK(browser.get(idp.saml2() + "?SAMLRequest=" + core::url_encode(core::base64_encode(bomb)))
            .header("x-samlt-aadsts") == "75005");
  // A huge POST body and a long query string are refused by size (limits in the config).
  // The server answers before reading the body and closes; the client may see either.
  std::string huge_code = "90015";
  try {
    huge_code = browser.post_form(idp.saml2(), {{"SAMLRequest", std::string(2 * 1024 * 1024, 'A')}})
                    .header("x-samlt-aadsts");
  } catch (const Poco::Exception&) {
    // connection closed by the server
  }
  CHECK(huge_code == "90015");
  {
    // A declared length over the cap is refused before a byte of the body is read.
    Poco::Net::StreamSocket raw(Poco::Net::SocketAddress("127.0.0.1", port_of(idp)));
    std::string head =
        "POST /" + std::string(k_tenant) +
        "/saml2 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\n";
    raw.sendBytes(head.data(), static_cast<int>(head.size()));
    raw.setReceiveTimeout(Poco::Timespan(10, 0));
    std::string answer(4096, '\0');
    int n = raw.receiveBytes(answer.data(), static_cast<int>(answer.size()));
    answer.resize(static_cast<std::size_t>(std::max(n, 0)));
    CHECK(answer.find("X-Samlt-Aadsts: 90015") != std::string::npos);
    CHECK((answer.find("Connection: Close") != std::string::npos ||
           answer.find("Connection: close") != std::string::npos));
  }
  CHECK(browser.get(idp.saml2() + "?SAMLRequest=" + std::string(6000, 'A'))
            .header("x-samlt-aadsts") == "90015");
  // Beyond Poco's own request-line limit the connection is refused or closed; either way the
  // server goes on.
  int long_status = 400;
  try {
    long_status = browser.get(idp.saml2() + "?SAMLRequest=" + std::string(40000, 'A')).status;
  } catch (const Poco::Exception&) {
    // connection closed by the server
  }
  CHECK(long_status >= 400);
  // Deeply nested XML, wrong methods, unknown paths, a control body that is not JSON.
  std::string deep;
  for (int i = 0; i < 5000; ++i)
    deep += "<a>";
  CHECK(browser.post_form(idp.saml2(), {{"SAMLRequest", core::base64_encode(deep)}})
            .header("x-samlt-aadsts") == "75005");
  CHECK(browser.request("PUT", idp.saml2(), "", "").status == 405);
  CHECK(browser.get("/no/such/path").status == 404);
  CHECK(browser.request("POST", "/_control/faults", "{not json", "application/json").status == 400);
  // A client that connects and sends half a request does not block anyone else.
  Poco::Net::StreamSocket slow(Poco::Net::SocketAddress("127.0.0.1", port_of(idp)));
  slow.sendBytes("GET /_control/health HTTP/1.1\r\nHost: x", 38);
  CHECK(healthy(idp));
  // Many concurrent bad requests.
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&idp] {
      Browser b(idp.base());
      for (int i = 0; i < 10; ++i) {
        b.get(idp.saml2() + "?SAMLRequest=" + std::to_string(i) + "%ZZ");
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CHECK(healthy(idp));
}
