// SPDX-License-Identifier: Apache-2.0
// The HTTP server in-process: loopback only, port 0, and the injected Clock drives token times.
#include "idp_fixture.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/idp_server.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace samlt;

namespace {

std::pair<int, std::string> http_get(int port, const std::string& path) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::stringstream body;
  body << session.receiveResponse(response).rdbuf();
  return {static_cast<int>(response.getStatus()), body.str()};
}

}  // namespace

TEST_CASE("the server refuses non-loopback hosts and binds port 0", "[idp][server]") {
  core::FixedClock clock(test::idp::now());
  idp::IdpServer remote(test::idp::default_idp(), clock, {"0.0.0.0", 0, false});
  auto refused = remote.start();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == core::Reason::config_invalid);
  idp::IdpServer server(test::idp::default_idp(), clock, {"127.0.0.1", 0, false});
  REQUIRE(server.start());
  CHECK(server.port() > 0);
  CHECK(server.base_url() == "http://127.0.0.1:" + std::to_string(server.port()));
  CHECK(http_get(server.port(), "/_control/health").first == 200);
  CHECK(http_get(server.port(), "/nowhere").first == 404);
}

TEST_CASE("a second server on a port already served is refused, not sharing it", "[idp][server]") {
  core::FixedClock clock(test::idp::now());
  idp::IdpServer first(test::idp::default_idp(), clock, {"127.0.0.1", 0, false});
  REQUIRE(first.start());
  // Without SO_REUSEPORT: the kernel would otherwise spread connections over both.
  idp::IdpServer second(test::idp::default_idp(), clock, {"127.0.0.1", first.port(), false});
  auto refused = second.start();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == core::Reason::idp_listen_failed);
  CHECK(http_get(first.port(), "/_control/health").first == 200);
}

TEST_CASE("token times come from the injected clock", "[idp][server]") {
  core::FixedClock clock(test::idp::now() - std::chrono::hours(30));
  auto json = test::idp::config_json();
  json["knobs"] = {{"auto_login", true}};
  auto idp = test::idp::make_idp(json);
  idp::IdpServer server(idp, clock, {"127.0.0.1", 0, false});
  REQUIRE(server.start());
  std::string query =
      "SAMLRequest=" +
      core::url_encode(core::base64_encode(core::deflate_raw(test::idp::authn_request_xml()))) +
      "&login_hint=" + core::url_encode(test::idp::k_alex);
  auto [status, body] =
      http_get(server.port(), std::string("/") + test::idp::k_tenant + "/saml2?" + query);
  REQUIRE(status == 200);
  std::smatch m;
  REQUIRE(std::regex_search(body, m, std::regex("name=\"SAMLResponse\" value=\"([^\"]+)\"")));
  auto xml = core::base64_decode(std::string(m[1]));
  REQUIRE(xml);
  auto expected = core::format_datetime(clock.now() - std::chrono::minutes(5));
  CHECK(xml->find("NotBefore=\"" + expected + "\"") != std::string::npos);
}
