// SPDX-License-Identifier: Apache-2.0
// idp_sim and sp_under_test with their default configurations, real HTTP on loopback: a full
// SP-initiated sign-in through the IdP's sign-in page ends in a session; a rejected one leaves
// none; and every bundled scenario suite passes against the reference SP (what ./harness demo
// shows), with reports that parse.
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/runner/browser.hpp"
#include "samlt/runner/run_command.hpp"
#include "support/captured_stream.hpp"
#include "test_idp_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace samlt;

namespace {

// The SP sends the browser to the IdP; the IdP shows its sign-in page; the user picks `user`; the
// IdP's auto-POST form goes to the SP's ACS. Returns the ACS answer.
runner::HttpResponse sign_in_through_the_page(const test::FederationServers& servers, runner::Browser& browser,
                                              const std::string& user) {
  auto login = browser.get(servers.sp_base() + "/saml/login?idp=entra");
  REQUIRE(login);
  REQUIRE(login->status == 302);
  auto to_idp = login->location();
  REQUIRE(to_idp);
  CHECK(to_idp->rfind(servers.idp_base() + "/aaaabbbb-0000-cccc-1111-dddd2222eeee/saml2?SAMLRequest=", 0) == 0);
  auto page = browser.get(*to_idp);
  REQUIRE(page);
  auto ctx = test::idp_it::sign_in_ctx(page->body);
  INFO(page->body.substr(0, 500));
  REQUIRE(ctx);
  auto picked = browser.post_form(servers.idp_base() + "/aaaabbbb-0000-cccc-1111-dddd2222eeee/login",
                                  {{"ctx", *ctx}, {"login", user}, {"passwd", ""}});
  REQUIRE(picked);
  auto form = test::idp_it::auto_post_form(picked->body);
  INFO(picked->body.substr(0, 500));
  REQUIRE(form);
  CHECK(form->action == servers.sp_base() + "/saml/acs");
  auto answer = browser.post_form(form->action, form->fields);
  REQUIRE(answer);
  return *answer;
}

}  // namespace

TEST_CASE("default configurations: an SP-initiated sign-in through the IdP's page ends in a session",
          "[integration][federation]") {
  test::FederationServers servers;
  runner::Browser browser;
  auto answer = sign_in_through_the_page(servers, browser, "alex.wilber@contoso.example");
  CHECK(answer.status == 302);
  CHECK(browser.cookie("samlt_sp_session"));
  auto me = browser.get(servers.sp_base() + "/me", {{"Accept", "application/json"}});
  REQUIRE(me);
  REQUIRE(me->status == 200);
  auto json = nlohmann::json::parse(me->body);
  CHECK(json.dump().find("alex.wilber@contoso.example") != std::string::npos);
}

TEST_CASE("default configurations: a rejected sign-in leaves no session", "[integration][federation]") {
  test::FederationServers servers;
  // Through idp_sim's control API: the next Response goes out with the wrong audience.
  runner::Browser control;
  auto set = control.post(servers.idp_base() + "/_control/faults", "application/json",
                          R"({"scope":"next","mutators":["audience.wrong"]})");
  REQUIRE(set);
  REQUIRE(set->status == 200);

  runner::Browser browser;
  auto answer = sign_in_through_the_page(servers, browser, "alex.wilber@contoso.example");
  CHECK(answer.status == 403);
  CHECK(answer.body.find("audience_restriction.audience_mismatch") != std::string::npos);
  CHECK_FALSE(browser.cookie("samlt_sp_session"));
  auto me = browser.get(servers.sp_base() + "/me", {{"Accept", "application/json"}});
  REQUIRE(me);
  CHECK(me->status == 401);
}

TEST_CASE("every bundled scenario passes against the reference SP, and the reports agree",
          "[integration][federation][runner]") {
  test::FederationServers servers;
  auto report_dir = servers.dir() / "report";
  test::CapturedStream out;
  int code = runner::run_command({(std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios").string(), "--target",
                                  servers.write_reference_target().string(), "--report", report_dir.string(),
                                  "--jobs", "2"},
                                 out.get(), out.get());
  INFO(out.text());
  CHECK(code == 0);

  auto json_text = core::read_file(report_dir / "report.json");
  REQUIRE(json_text);
  auto report = nlohmann::json::parse(*json_text);
  std::size_t total = report["scenarios"].size();
  CHECK(total >= 60);
  CHECK(report["summary"]["total"] == total);
  std::size_t ungraded = 0;
  for (const auto& scenario : report["scenarios"]) {
    INFO(scenario["id"].get<std::string>() << ": " << scenario["message"].get<std::string>());
    // A catalogue POLICY case names no policy setting: reported, never graded.
    bool reported_only = scenario["status"] == "skipped" && scenario["code"] == "policy_ungraded";
    ungraded += reported_only ? 1 : 0;
    CHECK((scenario["status"] == "passed" || reported_only));
  }
  CHECK(report["summary"]["passed"].get<std::size_t>() + ungraded == total);

  auto junit_text = core::read_file(report_dir / "junit.xml");
  REQUIRE(junit_text);
  auto junit = core::parse_strict(*junit_text, {16 * 1024 * 1024, 64});
  REQUIRE(junit);
  std::size_t testcases = 0;
  for (xmlNode* suite = core::first_element_child(junit->root()); suite; suite = core::next_element_sibling(suite)) {
    testcases += core::children_named(suite, "", "testcase").size();
  }
  CHECK(testcases == total);
  CHECK(std::filesystem::file_size(report_dir / "index.html") > 10000);
}
