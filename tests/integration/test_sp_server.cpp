// SPDX-License-Identifier: Apache-2.0
// sp_under_test over HTTP: metadata, malformed input, verdicts, rejections (issue 4).
#include "samlt/sp/sp_server.hpp"
#include "test_sp_harness.hpp"

using namespace samlt;
using namespace samlt::test::sp_server;

TEST_CASE("sp server: metadata, policy and health", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  Reply metadata = browser.get("/saml/metadata");
  CHECK(metadata.status == 200);
  CHECK(metadata.body.find("entityID=\"urn:samlt:sp:reference\"") != std::string::npos);
  CHECK(metadata.body.find(server.url("/saml/acs")) != std::string::npos);
  auto doc = core::parse_strict(metadata.body);
  REQUIRE(doc);
  auto policy = json_of(browser.get("/saml/policy"));
  CHECK(policy["clock_skew_seconds"] == 180);
  CHECK(policy["required_signatures"] == "either");
  CHECK(json_of(browser.get("/healthz"))["status"] == "ok");
}

TEST_CASE("sp server: malformed posts and redirects each get their reason and the server keeps serving", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  struct Case {
    const char* name;
    std::string method;
    std::string body;
    std::string type;
    std::string reason;
  };
  std::string nested;
  for (int i = 0; i < 10000; ++i) {
    nested += "<a>";
  }
  for (int i = 0; i < 10000; ++i) {
    nested += "</a>";
  }
  const std::string form = "application/x-www-form-urlencoded";
  std::vector<Case> cases = {
      {"GET on the ACS", "GET", "", "", "binding.method_not_post"},
      {"bad base64", "POST", "SAMLResponse=%21%21%21", form, "binding.base64_invalid"},
      {"a DOCTYPE", "POST", core::encode_form(form_of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")), form,
       "xml.doctype_forbidden"},
      {"10 MB of XML", "POST", core::encode_form(form_of("<x>" + std::string(10 * 1024 * 1024, 'a') + "</x>")), form,
       "binding.too_large"},
      {"10 000 nested elements", "POST", core::encode_form(form_of(nested)), form, "xml.too_deep"},
      {"a missing form field", "POST", "RelayState=%2Fme", form, "binding.saml_response_missing"},
      {"a broken form encoding", "POST", "SAMLResponse=%zz", form, "codec.url_invalid"},
      {"not a form", "POST", "<samlp:Response/>", "text/xml", "binding.saml_response_missing"},
      {"a DEFLATEd response", "POST", core::encode_form({{"SAMLResponse", core::base64_encode(core::deflate_raw(signed_response(server.port())))}}),
       form, "xml.malformed"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Reply reply = browser.send(c.method, "/saml/acs", c.body, c.type, true);
    CHECK(reply.status == 403);
    auto verdict = json_of(reply);
    CHECK(verdict["outcome"] == "reject");
    CHECK(verdict["reason"] == c.reason);
    CHECK(browser.cookie("samlt_sp_session").empty());
    REQUIRE(server.running());
  }
  // The Redirect binding (single logout) inflates: bad deflate and a deflate bomb get their own reasons.
  struct RedirectCase {
    const char* name;
    std::string query;
    const char* reason;
  };
  const RedirectCase redirect_cases[] = {
      {"bad deflate", "SAMLRequest=" + core::url_encode(core::base64_encode("not deflate at all")), "codec.inflate_failed"},
      {"a deflate bomb", "SAMLRequest=" + core::url_encode(core::base64_encode(core::deflate_raw(std::string(4 << 20, 'a')))),
       "codec.inflate_too_large"},
  };
  for (const auto& c : redirect_cases) {
    INFO(c.name);
    Reply reply = browser.get("/saml/slo?" + c.query, true);
    CHECK(reply.status == 400);
    CHECK(json_of(reply)["error"]["id"] == c.reason);
    REQUIRE(server.running());
  }
  CHECK(json_of(browser.get("/healthz"))["status"] == "ok");
  Reply accepted = browser.post_form("/saml/acs", form_of(signed_response(server.port())), true);
  CHECK(accepted.status == 200);
}

TEST_CASE("sp server: the JSON verdict, the /verdicts trace, the session and /me", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  Reply reply = browser.post_form("/saml/acs", form_of(signed_response(server.port())), true);
  auto verdict = json_of(reply);
  REQUIRE(reply.status == 200);
  CHECK(verdict["outcome"] == "accept");
  CHECK(verdict["step"] == "session.create");
  CHECK_FALSE(browser.cookie("samlt_sp_session").empty());
  auto trace = json_of(browser.get("/verdicts/" + verdict["request_id"].get<std::string>()));
  CHECK(trace["outcome"] == "accept");
  CHECK(trace["policy"]["allow_unsolicited"] == true);
  CHECK(trace["trace"].size() > 20);
  for (const auto& entry : trace["trace"]) {
    CHECK(entry["result"] == "passed");
    CHECK(entry.contains("microseconds"));
  }
  auto me = json_of(browser.get("/me", true));
  CHECK(me["email"] == "alex.wilber@contoso.example");
  CHECK(me["display_name"] == "Alex Wilber");
  CHECK(me["idp"] == "entra");
  CHECK(me["attributes"][std::string(n::claim_email)][0] == "alex.wilber@contoso.example");
  CHECK(browser.get("/me").status == 200);
  CHECK(server.log().find("\"event\":\"acs.verdict\"") != std::string::npos);

  Browser html(server.port());
  Reply redirect = html.post_form("/saml/acs", form_of(signed_response(server.port())));
  CHECK(redirect.status == 302);
  CHECK(redirect.location == "/me");
}

TEST_CASE("sp server: a rejected post leaves no session and the page names reason and request id", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  Reply reply = browser.post_form("/saml/acs", form_of(signed_response(server.port(), "", "https://other-sp.test")));
  CHECK(reply.status == 403);
  CHECK(reply.body.find("audience_restriction.audience_mismatch") != std::string::npos);
  CHECK(reply.body.find("request-id") != std::string::npos);
  CHECK(browser.cookie("samlt_sp_session").empty());
  CHECK(browser.get("/me", true).status == 401);
  Reply xss = browser.post_form("/saml/acs", {{"SAMLResponse", "<script>"}, {"RelayState", "\"><script>alert(1)</script>"}});
  CHECK(xss.status == 403);
  CHECK(xss.body.find("<script>") == std::string::npos);
}


TEST_CASE("sp server: a second server on a port already served is refused, not sharing it", "[integration][sp]") {
  auto first = samlt::sp::SpServer::bind("127.0.0.1", 0);
  REQUIRE(first);
  // Without SO_REUSEPORT: the kernel would otherwise spread connections over both.
  auto second = samlt::sp::SpServer::bind("127.0.0.1", (*first)->port());
  REQUIRE_FALSE(second);
  CHECK(second.error().reason == core::Reason::io_read_failed);
}
