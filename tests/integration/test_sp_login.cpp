// SPDX-License-Identifier: Apache-2.0
// sp_under_test over HTTP: SP-initiated login, password login, admin, the command line (issue 4).
#include "test_sp_harness.hpp"

using namespace samlt;
using namespace samlt::test::sp_server;

TEST_CASE("sp server: SP-initiated login binds the request to the browser", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  Reply login = browser.get("/saml/login?idp=entra&RelayState=%2Fme");
  REQUIRE(login.status == 302);
  REQUIRE(login.location.rfind("http://127.0.0.1:9/aaaabbbb-0000-cccc-1111-dddd2222eeee/saml2?SAMLRequest=", 0) == 0);
  CHECK_FALSE(browser.cookie("samlt_sp_binding").empty());
  std::string query = login.location.substr(login.location.find('?') + 1);
  auto fields = core::parse_form(query);
  REQUIRE(fields);
  auto request = core::parse_strict(*core::inflate_raw(*core::base64_decode(core::form_values(*fields, "SAMLRequest").at(0)), 1 << 20));
  REQUIRE(request);
  std::string id = *core::attribute(request->root(), "ID");

  Browser stranger(server.port());
  auto foreign = json_of(stranger.post_form("/saml/acs", form_of(signed_response(server.port(), id)), true));
  CHECK(foreign["reason"] == "response.in_response_to_unknown");

  core::FormFields answer = form_of(signed_response(server.port(), id));
  answer.emplace_back("RelayState", "/me");
  Reply accepted = browser.post_form("/saml/acs", answer);
  CHECK(accepted.status == 302);
  CHECK(accepted.location == "/me");
  CHECK(browser.get("/me", true).status == 200);
  CHECK(browser.get("/saml/login?idp=entra&RelayState=https%3A%2F%2Fattacker.test%2F").status == 400);
}

TEST_CASE("sp server: admin pages need the admin's session", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  CHECK(browser.get("/admin").status == 302);
  Reply wrong = browser.post_form("/login", {{"email", "admin@sp.example"}, {"password", "nope"}});
  CHECK(wrong.status == 401);
  Reply login = browser.post_form("/login", {{"email", "admin@sp.example"}, {"password", "admin-password"}});
  CHECK(login.status == 303);
  CHECK(login.location == "/admin");
  Reply admin = browser.get("/admin");
  CHECK(admin.status == 200);
  CHECK(admin.body.find("sts.windows.net") != std::string::npos);
  std::string marker = "name=\"csrf\" value=\"";
  std::string csrf = admin.body.substr(admin.body.find(marker) + marker.size(), 64);
  CHECK(browser.post_form("/admin/idps/disable", {{"name", "entra"}, {"csrf", "forged"}}).status == 403);
  Reply disabled = browser.post_form("/admin/idps/disable", {{"name", "entra"}, {"csrf", csrf}}, true);
  CHECK(disabled.status == 200);
  auto refused = json_of(Browser(server.port()).post_form("/saml/acs", form_of(signed_response(server.port())), true));
  CHECK(refused["reason"] == "response.idp_disabled");
  auto list = test::run_command({SAMLT_SP_UNDER_TEST_EXE, "idp", "list", "--config", (server.dir() / "config.json").string(),
                                 "--db", (server.dir() / "sp.sqlite").string()});
  CHECK(list.exit_code == 0);
  CHECK(list.output.find("entra\tdisabled") != std::string::npos);

  // Importing metadata by pasting it into the admin form, and from a file on the command line.
  Reply imported = browser.post_form("/admin/idps/import",
                                     {{"name", "pasted"}, {"metadata", idp_metadata("https://pasted.example/sso")}, {"csrf", csrf}}, true);
  CHECK(imported.status == 400);  // the same entity ID is already registered as "entra"
  CHECK(json_of(imported)["error"]["id"] == "config.invalid");
  REQUIRE(core::write_file_atomic(server.dir() / "md.xml", idp_metadata("https://cli.example/sso")));
  auto removed = test::run_command({SAMLT_SP_UNDER_TEST_EXE, "idp", "remove", "entra", "--config",
                                    (server.dir() / "config.json").string(), "--db", (server.dir() / "sp.sqlite").string()});
  CHECK(removed.exit_code == 0);
  auto import = test::run_command({SAMLT_SP_UNDER_TEST_EXE, "idp", "import", "--name", "cli", "--file",
                                   (server.dir() / "md.xml").string(), "--config", (server.dir() / "config.json").string(),
                                   "--db", (server.dir() / "sp.sqlite").string()});
  INFO(import.output);
  CHECK(import.exit_code == 0);
  Reply admin_after = browser.get("/admin");
  CHECK(admin_after.body.find("https://cli.example/sso") != std::string::npos);
}

TEST_CASE("sp server: command-line errors exit 2 naming the file and JSON pointer", "[integration][sp]") {
  test::TempDir dir;
  const auto& set = test::test_cert_set();
  nlohmann::json bad = {
      {"signing", {{"key_file", set.key_path("sp-signing").string()}, {"certificate_file", set.certificate_path("sp-signing").string()}}},
      {"encryption",
       {{"key_file", set.key_path("sp-encryption").string()}, {"certificate_file", set.certificate_path("sp-encryption").string()}}},
      {"policy", {{"clock_skew", 1}}}};
  REQUIRE(core::write_file_atomic(dir / "bad.json", bad.dump()));
  auto result = test::run_command({SAMLT_SP_UNDER_TEST_EXE, "serve", "--config", (dir / "bad.json").string()});
  CHECK(result.exit_code == 2);
  CHECK(result.output.find("bad.json: /policy/clock_skew: no such key here") != std::string::npos);
  auto host = test::run_command({SAMLT_SP_UNDER_TEST_EXE, "serve", "--host", "0.0.0.0"});
  CHECK(host.exit_code == 2);
  CHECK(test::run_command({SAMLT_SP_UNDER_TEST_EXE, "--help"}).exit_code == 0);
  CHECK(test::run_command({SAMLT_SP_UNDER_TEST_EXE, "serve", "--help"}).exit_code == 0);
  CHECK(test::run_command({SAMLT_SP_UNDER_TEST_EXE, "idp", "--help"}).exit_code == 0);
}
