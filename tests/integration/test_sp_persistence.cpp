// SPDX-License-Identifier: Apache-2.0
// sp_under_test over HTTP: state across restarts, metadata fetched once the IdP is up (issue 4).
#include "test_sp_harness.hpp"

#include <thread>

using namespace samlt;
using namespace samlt::test::sp_server;

TEST_CASE("sp server: state survives a restart and a replay after it is rejected", "[integration][sp]") {
  SpServerUnderTest server;
  Browser browser(server.port());
  core::FormFields form = form_of(signed_response(server.port()));
  REQUIRE(browser.post_form("/saml/acs", form, true).status == 200);
  server.restart();
  CHECK(browser.get("/me", true).status == 200);
  Browser attacker(server.port());
  auto replay = json_of(attacker.post_form("/saml/acs", form, true));
  CHECK(replay["reason"] == "replay.assertion_reused");
}


TEST_CASE("sp server: a metadata_url IdP is registered once its metadata can be fetched", "[integration][sp]") {
  test::TempDir web;
  int idp_port = test::free_loopback_port();
  std::string metadata_url = "http://127.0.0.1:" + std::to_string(idp_port) + "/federationmetadata.xml?appid=x";
  SpServerUnderTest server(nlohmann::json::array({{{"name", "entra"}, {"metadata_url", metadata_url}}}));
  Browser browser(server.port());
  CHECK(browser.get("/saml/login?idp=entra").status == 400);  // nothing is listening yet
  CHECK(server.log().find("\"event\":\"idp.pending\"") != std::string::npos);

  REQUIRE(core::write_file_atomic(web / "federationmetadata.xml", "\xEF\xBB\xBF" + idp_metadata("http://127.0.0.1:9/saml2")));
  test::ChildProcess idp({"python3", "-m", "http.server", std::to_string(idp_port), "--bind", "127.0.0.1", "--directory",
                          web.path().string()},
                         web / "http.log");
  int status = 0;
  for (int i = 0; i < 100 && status != 302; ++i) {  // retried every ~2 s in the background
    std::this_thread::sleep_for(100ms);
    status = browser.get("/saml/login?idp=entra").status;
  }
  INFO(server.log());
  CHECK(status == 302);
}
