// SPDX-License-Identifier: Apache-2.0
// The loopback control API: faults for the next Response or a session, the 400 error shape,
// recent messages decoded, health.
#include "test_idp_support.hpp"

#include <catch2/catch.hpp>

using namespace samlt::test::idp_it;

TEST_CASE("faults for the next response apply once, per-session faults apply every time",
          "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto set = browser.request(
      "POST", "/_control/faults",
      R"({"scope":"next","mutators":["issuer.v2_endpoint",{"id":"audience.wrong","params":{"audience":"urn:x"}}]})",
      "application/json");
  REQUIRE(set.status == 200);
  std::string hint = "&login_hint=alex.wilber%40contoso.example";
  auto first =
      auto_post_form(browser.get(redirect_url(idp.saml2(), authn_request("_c1"), hint)).body);
  REQUIRE(first);
  auto xml = response_xml(*first);
  CHECK(xml.find("<Audience>urn:x</Audience>") != std::string::npos);
  CHECK(xml.find("/v2.0</Issuer>") != std::string::npos);
  auto second = auto_post_form(browser.get(redirect_url(idp.saml2(), authn_request("_c2"))).body);
  REQUIRE(second);
  CHECK(response_xml(*second).find("<Audience>urn:samlt:sp:reference</Audience>") !=
        std::string::npos);
  auto session = browser.cookie("ESTSAUTH");
  REQUIRE(session);
  REQUIRE(browser
              .request("POST", "/_control/faults",
                       R"({"scope":"session","session":")" + *session +
                           R"(","mutators":["assertion.unsigned"]})",
                       "application/json")
              .status == 200);
  for (auto id : {"_c3", "_c4"}) {
    auto form = auto_post_form(browser.get(redirect_url(idp.saml2(), authn_request(id))).body);
    REQUIRE(form);
    CHECK(response_xml(*form).find("Signature") == std::string::npos);
  }
  CHECK(browser.request("DELETE", "/_control/faults", "", "").status == 200);
  auto messages = nlohmann::json::parse(browser.get("/_control/messages").body);
  REQUIRE(messages.is_array());
  bool saw_mutated = false;
  for (const auto& m : messages) {
    if (m["kind"] == "Response" &&
        m["mutators"] == nlohmann::json{"issuer.v2_endpoint", "audience.wrong"}) {
      saw_mutated =
          m["xml"].get<std::string>().find("<Audience>urn:x</Audience>") != std::string::npos;
    }
  }
  CHECK(saw_mutated);
  auto sessions = nlohmann::json::parse(browser.get("/_control/sessions").body);
  CHECK(sessions.size() == 1);
}

TEST_CASE("control errors: 400 with id, where (JSON pointer) and expected", "[integration][idp]") {
  IdpProcess idp;
  Browser browser(idp.base());
  auto unknown =
      browser.request("POST", "/_control/faults",
                      R"({"mutators":["audience.wrong","issuer.v2_endpoint","no.such_fault"]})",
                      "application/json");
  CHECK(unknown.status == 400);
  auto error = nlohmann::json::parse(unknown.body)["error"];
  CHECK(error["id"] == "control.unknown_mutator");
  CHECK(error["where"] == "/mutators/2");
  CHECK(error["expected"].get<std::string>().rfind("one of ", 0) == 0);
  auto scope = nlohmann::json::parse(
      browser.request("POST", "/_control/faults", R"({"scope":"forever"})", "application/json")
          .body);
  CHECK(scope["error"]["id"] == "control.request_invalid");
  CHECK(scope["error"]["where"] == "/scope");
  auto health = nlohmann::json::parse(browser.get("/_control/health").body);
  CHECK(health["status"] == "ok");
  CHECK(health["tenant_id"] == k_tenant);
  auto mutators = nlohmann::json::parse(browser.get("/_control/mutators").body);
  CHECK(mutators.size() >= 13);
}
