// SPDX-License-Identifier: Apache-2.0
// The real `idp_sim serve` driven like a browser: SP-initiated (Redirect and POST) and
// IdP-initiated sign-ins through the sign-in page and through login_hint + auto_login, silent
// sign-in with the session cookie, ForceAuthn, IsPassive, and single logout.
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "test_idp_support.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp_it;
namespace n = core::names;

namespace {

std::string text_of(const std::string& xml, std::string_view local) {
  auto doc = core::parse_strict(xml);
  REQUIRE(doc);
  auto found = core::descendants_named(doc->root(), n::ns_assertion, local);
  REQUIRE_FALSE(found.empty());
  return core::simple_text(found.back()).value_or("");
}

// Answers a sign-in page by picking `user`; returns the auto-POST form.
AutoPostForm pick_user(Browser& browser, const HttpResponse& page, const std::string& user,
                       const std::string& password = {}) {
  REQUIRE(page.status == 200);
  auto ctx = sign_in_ctx(page.body);
  REQUIRE(ctx);
  auto answer = browser.post_form(std::string("/") + k_tenant + "/login",
                                  {{"ctx", *ctx}, {"login", user}, {"passwd", password}});
  auto form = auto_post_form(answer.body);
  INFO(answer.body.substr(0, 400));
  REQUIRE(form);
  return *form;
}

void check_response(const AutoPostForm& form, const std::string& user,
                    const std::string& in_response_to) {
  CHECK(form.action == k_acs);
  auto xml = response_xml(form);
  CHECK(xmlsec1_verifies(xml, "Assertion", "idp-signing"));
  CHECK(text_of(xml, "NameID") == user);
  CHECK(text_of(xml, "Audience") == k_entity_id);
  auto doc = core::parse_strict(xml);
  CHECK(core::attribute(doc->root(), "InResponseTo").value_or("") == in_response_to);
}

}  // namespace

TEST_CASE("SP-initiated, Redirect binding, through the sign-in page, then silent with the cookie",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto page =
      browser.get(redirect_url(idp.saml2(), authn_request("_it-1"), "&RelayState=%2Fafter"));
  CHECK(page.body.find("<title>Sign in to your account</title>") != std::string::npos);
  CHECK(page.body.find("山田 太郎") != std::string::npos);  // the pick-an-account list
  auto form = pick_user(browser, page, k_alex);
  check_response(form, k_alex, "_it-1");
  CHECK(form.field("RelayState") == "/after");
  REQUIRE(browser.cookie("ESTSAUTH"));
  // The IdP session answers the next request without a page.
  auto silent = browser.get(redirect_url(idp.saml2(), authn_request("_it-2")));
  auto second = auto_post_form(silent.body);
  REQUIRE(second);
  check_response(*second, k_alex, "_it-2");
  // ForceAuthn ignores the session: the page again.
  auto forced =
      browser.get(redirect_url(idp.saml2(), authn_request("_it-3", " ForceAuthn=\"true\"")));
  CHECK(sign_in_ctx(forced.body));
}

TEST_CASE("SP-initiated, POST binding, a wrong password shows the page again (50126)",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto page = browser.post_form(
      idp.saml2(),
      {{"SAMLRequest", core::base64_encode(authn_request("_it-p"))}, {"RelayState", "rs"}});
  auto ctx = sign_in_ctx(page.body);
  REQUIRE(ctx);
  auto wrong = browser.post_form(
      std::string("/") + k_tenant + "/login",
      {{"ctx", *ctx}, {"login", "adele.vance@contoso.example"}, {"passwd", "nope"}});
  CHECK(wrong.header("x-samlt-aadsts") == "50126");
  CHECK(sign_in_ctx(wrong.body));
  auto unknown = browser.post_form(std::string("/") + k_tenant + "/login",
                                   {{"ctx", *ctx}, {"login", "ghost@contoso.example"}});
  CHECK(unknown.header("x-samlt-aadsts") == "50034");
  auto form = pick_user(browser, wrong, "adele.vance@contoso.example", "Passw0rd!");
  check_response(form, "adele.vance@contoso.example", "_it-p");
  CHECK(form.field("RelayState") == "rs");
}

TEST_CASE("login_hint + auto_login: straight to the auto-POST form (headless)",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto direct = browser.get(redirect_url(idp.saml2(), authn_request("_it-h"),
                                         "&login_hint=taro.yamada%40contoso.example"));
  auto form = auto_post_form(direct.body);
  REQUIRE(form);
  check_response(*form, "taro.yamada@contoso.example", "_it-h");
  auto xml = response_xml(*form);
  CHECK(xml.find("山田 太郎") != std::string::npos);
  // Without auto_login the hint only pre-fills the page.
  auto json = config();
  json["knobs"]["auto_login"] = false;
  IdpProcess manual(json);
  Browser other(manual.base());
  auto page = other.get(redirect_url(manual.saml2(), authn_request("_it-h2"),
                                     "&login_hint=taro.yamada%40contoso.example"));
  CHECK(sign_in_ctx(page.body));
  CHECK(page.body.find("value=\"taro.yamada@contoso.example\"") != std::string::npos);
}

TEST_CASE("IdP-initiated: the User access URL, through the page and with login_hint",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  std::string launch = std::string("/api/signin/") + k_launch_app_id + "?tenantId=" + k_tenant;
  auto page = browser.get(launch);
  REQUIRE(sign_in_ctx(page.body));
  auto form = pick_user(browser, page, k_alex);
  CHECK(form.action == "http://127.0.0.1:8083/acs");
  CHECK(form.field("RelayState") == "/home");
  auto xml = response_xml(form);
  CHECK(xmlsec1_verifies(xml, "Assertion", "idp-signing"));
  auto doc = core::parse_strict(xml);
  CHECK_FALSE(core::attribute(doc->root(), "InResponseTo"));
  Browser headless(idp.base());
  auto hinted =
      auto_post_form(headless.get(launch + "&login_hint=alex.wilber%40contoso.example").body);
  REQUIRE(hinted);
  // An app with a Sign on URL is launched SP-initiated: My Apps redirects there.
  auto redirected = browser.get(std::string("/api/signin/") + k_app_id + "?tenantId=" + k_tenant);
  CHECK(redirected.status == 302);
  CHECK(redirected.header("location") == "http://127.0.0.1:8081/saml/login?idp=entra");
  auto forced = auto_post_form(browser
                                   .get(std::string("/api/signin/") + k_app_id +
                                        "?tenantId=" + k_tenant + "&force_idp_initiated=true")
                                   .body);
  REQUIRE(forced);
  CHECK(forced->action == k_acs);
}

TEST_CASE("IsPassive without a session posts Responder/NoPassive to the ACS",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto answer =
      browser.get(redirect_url(idp.saml2(), authn_request("_it-passive", " IsPassive=\"true\"")));
  auto form = auto_post_form(answer.body);
  REQUIRE(form);
  auto xml = response_xml(*form);
  CHECK(xml.find(std::string(n::status_responder)) != std::string::npos);
  CHECK(xml.find(std::string(n::status_no_passive)) != std::string::npos);
  CHECK(xml.find("AADSTS50058") != std::string::npos);
  CHECK(xml.find("<Assertion") == std::string::npos);
}

TEST_CASE("single logout: signed Redirect LogoutResponse to the Logout URL, session ended",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  REQUIRE(auto_post_form(browser
                             .get(redirect_url(idp.saml2(), authn_request("_it-s"),
                                               "&login_hint=" + std::string(k_alex)))
                             .body));
  REQUIRE(browser.cookie("ESTSAUTH"));
  std::string logout =
      "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_lo\" "
      "Version=\"2.0\" "
      "IssueInstant=\"2025-01-01T00:00:00Z\"><Issuer "
      "xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" +
      std::string(k_entity_id) +
      "</Issuer><NameID xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">x</NameID>"
      "</samlp:LogoutRequest>";
  auto answer = browser.get(redirect_url(idp.saml2(), logout, "&RelayState=bye"));
  REQUIRE(answer.status == 302);
  std::string location = answer.header("location");
  CHECK(location.rfind("http://127.0.0.1:8081/saml/slo?SAMLResponse=", 0) == 0);
  CHECK(location.find("&RelayState=bye&SigAlg=http%3a%2f%2fwww.w3.org") != std::string::npos);
  CHECK(location.find("&Signature=") != std::string::npos);
  CHECK_FALSE(browser.cookie("ESTSAUTH"));
  auto again = browser.get(redirect_url(idp.saml2(), authn_request("_it-s2")));
  CHECK(sign_in_ctx(again.body));  // no session any more
}
