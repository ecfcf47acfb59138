// SPDX-License-Identifier: Apache-2.0
// The SP's reason in its own words, from error pages captured from real SPs (tests/data/sp_pages/:
// Shibboleth SP 3.4, SimpleSAMLphp 1.19 and the pysaml2 7.0 wrapper, each refusing an assertion
// for another audience; SimpleSAMLphp's "Bad request received" for a LogoutResponse at its ACS).
#include "sp_reason.hpp"

#include "samlt/core/fs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

namespace {

runner::HttpResponse page(const std::string& file) {
  auto body = core::read_file(std::filesystem::path(SAMLT_SOURCE_DIR) / "tests/data/sp_pages" / file);
  REQUIRE(body);
  runner::HttpResponse response;
  response.url = "http://127.0.0.1:8101/acs";
  response.status = 403;
  response.body = *body;
  return response;
}

std::optional<std::string> reason_of(const runner::HttpResponse& response, std::optional<std::string> pattern = {}) {
  runner::Target target;
  target.reason_pattern = std::move(pattern);
  return runner::find_sp_reason(target, {response});
}

}  // namespace

TEST_CASE("default patterns find each stack's own words", "[runner]") {
  CHECK(reason_of(page("shibboleth-sp-3.4-audience.html")) == "Assertion contains an unacceptable AudienceRestriction.");
  CHECK(reason_of(page("simplesamlphp-1.19-audience.html")) ==
        "This SP [urn:samlt:interop:simplesamlphp-sp] is not a valid audience for the assertion. Candidates were: "
        "[https://other-sp.example/]");
  CHECK(reason_of(page("simplesamlphp-1.19-bad-request.html")) ==
        "Invalid message received to AssertionConsumerService endpoint.");
  CHECK(reason_of(page("pysaml2-7.0-wrapper-audience.json")) ==
        "Exception: AudienceRestrictions conditions not satisfied! (Local entity_id=urn:samlt:interop:pysaml2-sp)");
}

TEST_CASE("a target's own pattern wins; entities are decoded and nothing found is nullopt", "[runner]") {
  auto shib = page("shibboleth-sp-3.4-audience.html");
  CHECK(reason_of(shib, R"(<p class="error">([^<]+)</p>)") ==
        "opensaml::FatalProfileException at (http://127.0.0.1:8101/Shibboleth.sso/SAML2/POST)");
  CHECK(reason_of(shib, "(no such text)") == std::nullopt);
  runner::HttpResponse plain;
  plain.body = "<html><body>Forbidden</body></html>";
  CHECK(reason_of(plain) == std::nullopt);
  plain.body = R"({"error": "a &quot;quoted&quot; &#x41; word"})";
  CHECK(reason_of(plain) == "a \"quoted\" A word");
}

TEST_CASE("every default pattern has exactly one capture group", "[runner]") {
  for (const auto& row : runner::default_reason_patterns()) {
    INFO(row.stack);
    CHECK(runner::make_pattern(std::string(row.pattern)).mark_count() == 1);
  }
}
