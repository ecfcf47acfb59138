// SPDX-License-Identifier: Apache-2.0
// Configuration validation: every error names the file, the JSON pointer and what was expected.
#include "support/test_certs.hpp"
#include "idp_fixture.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/idp/idp_config.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using idp::idp_config_from_json;
using test::idp::config_json;

namespace {

// The error detail for `json`: "<source>: <pointer>: <expected>".
std::string error_of(const nlohmann::json& json) {
  auto config = idp_config_from_json(json, "bad.json", ".");
  REQUIRE_FALSE(config);
  CHECK(config.error().reason == core::Reason::config_invalid);
  return config.error().detail;
}

bool names(const std::string& detail, const std::string& pointer) {
  return detail.rfind("bad.json: " + pointer + ": ", 0) == 0;
}

}  // namespace

TEST_CASE("the test configuration loads with Entra's defaults", "[idp][config]") {
  const auto& cfg = test::idp::default_idp().config();
  REQUIRE(cfg.apps.size() == 2);
  const auto& app = cfg.apps[0];
  CHECK(app.default_identifier == test::idp::k_entity_id);
  CHECK(app.default_reply_url()->url == test::idp::k_acs);
  CHECK(app.signing == idp::Signing::assertion);
  CHECK(app.algorithm == core::SignatureAlgorithm::rsa_sha256);
  CHECK(app.name_id.source == "user.userprincipalname");
  CHECK(app.name_id.format == idp::NameIdFormat::email);
  REQUIRE(app.claims.size() == 4);  // the default set: givenname, surname, emailaddress, name
  CHECK(app.claims[2].source == "user.mail");
  CHECK(cfg.tokens.lifetime == std::chrono::minutes(60));
  CHECK(cfg.tokens.not_before_skew == std::chrono::minutes(5));
  CHECK(cfg.knobs.group_overage_limit == 150);
  CHECK(cfg.credentials.count("idp-signing-expired") == 1);
  CHECK(cfg.users[1].display_name == "山田 太郎");
}

TEST_CASE("the shipped default.json is valid (with the test certificate set)", "[idp][config]") {
  auto text = core::read_file(std::string(SAMLT_IDP_CONFIG_DIR) + "/default.json");
  REQUIRE(text);
  auto json = nlohmann::json::parse(*text);
  json["cert_set"] = test::test_cert_set().dir().string();
  auto config = idp_config_from_json(json, "default.json", SAMLT_IDP_CONFIG_DIR);
  INFO((config ? "" : config.error().detail));
  REQUIRE(config);
  const auto& app = config->apps.front();
  CHECK(app.identifiers == std::vector<std::string>{"urn:samlt:sp:reference"});
  CHECK(app.reply_urls.size() == 2);
  CHECK(app.logout_url == "http://127.0.0.1:8081/saml/slo");
  CHECK(app.sign_on_url == "http://127.0.0.1:8081/saml/login?idp=entra");
  CHECK_FALSE(app.token_encryption.enabled);
  CHECK(app.token_encryption.certificate_name == "sp-encryption");
  CHECK(config->signing_certificates.size() == 3);
  CHECK(json["signing_certificates"][0]["credential"] == "idp-signing");
  bool japanese = false;
  for (const auto& user : config->users) {
    japanese = japanese || user.display_name == "山田 太郎";
    if (user.user_principal_name == "grace.groups@contoso.example") {
      CHECK(user.groups.size() == 200);
    }
  }
  CHECK(japanese);
}

TEST_CASE("configuration errors name the pointer and the expectation", "[idp][config]") {
  auto json = config_json();
  SECTION("unknown key") {
    json["apps"][0]["colour"] = "blue";
    CHECK(names(error_of(json), "/apps/0/colour"));
  }
  SECTION("tenant id not a GUID") {
    json["tenant_id"] = "Contoso";
    auto detail = error_of(json);
    CHECK(names(detail, "/tenant_id"));
    CHECK(detail.find("GUID") != std::string::npos);
  }
  SECTION("signing option outside the enum") {
    json["apps"][0]["signing"] = "everything";
    CHECK(names(error_of(json), "/apps/0/signing"));
  }
  SECTION("plain http reply URL to a remote host") {
    json["apps"][0]["reply_urls"][1]["url"] = "http://sp.example.com/acs";
    CHECK(names(error_of(json), "/apps/0/reply_urls/1"));
  }
  SECTION("two default reply URLs") {
    json["apps"][0]["reply_urls"][1]["default"] = true;
    CHECK(names(error_of(json), "/apps/0/reply_urls/1"));
  }
  SECTION("unknown credential") {
    json["signing_certificates"][0]["credential"] = "nope";
    CHECK(names(error_of(json), "/signing_certificates/0/credential"));
  }
  SECTION("no active signing certificate") {
    json["signing_certificates"][0]["status"] = "inactive";
    CHECK(names(error_of(json), "/signing_certificates"));
  }
  SECTION("unknown mutator in an app's faults") {
    json["apps"][0]["faults"] = {"audience.wrong", {{"id", "no.such_fault"}}};
    auto detail = error_of(json);
    CHECK(names(detail, "/apps/0/faults/1/id"));
    CHECK(detail.find("audience.wrong") != std::string::npos);  // lists what is expected
  }
  SECTION("token lifetime outside Entra's policy range") {
    json["tokens"] = {{"lifetime_minutes", 5}};
    CHECK(names(error_of(json), "/tokens/lifetime_minutes"));
  }
  SECTION("claim source that is not a user attribute") {
    json["apps"][0]["claims"] = {{{"name", "x"}, {"source", "user.shoesize"}}};
    CHECK(names(error_of(json), "/apps/0/claims/0/source"));
  }
  SECTION("duplicate identifier across apps") {
    json["apps"][1]["identifiers"] = {test::idp::k_entity_id};
    CHECK(names(error_of(json), "/apps/1/identifiers"));
  }
  SECTION("certificate set folder without manifest") {
    json["cert_set"] = "/nonexistent/certs";
    CHECK(names(error_of(json), "/cert_set"));
  }
}

TEST_CASE("load_idp_config throws Fatal naming the file, paths are relative to it",
          "[idp][config]") {
  test::TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "broken.json", "{ \"tenant_id\": "));
  try {
    (void)idp::load_idp_config(dir / "broken.json");
    FAIL("expected core::Fatal");
  } catch (const core::Fatal& error) {
    CHECK(std::string(error.what()).find((dir / "broken.json").string()) == 0);
  }
  auto json = config_json();
  json["credentials"] = {{"mine", {{"key", "keys/k.pem"}, {"certificate", "keys/c.pem"}}}};
  REQUIRE(core::write_file_atomic(dir / "tenant.json", json.dump()));
  try {
    (void)idp::load_idp_config(dir / "tenant.json");
    FAIL("expected core::Fatal");
  } catch (const core::Fatal& error) {
    std::string what = error.what();
    CHECK(what.find("/credentials/mine: ") != std::string::npos);
  }
  std::filesystem::create_directories(dir / "keys");
  const auto& set = test::test_cert_set();
  std::filesystem::copy_file(set.key_path("idp-rogue"), dir / "keys/k.pem");
  std::filesystem::copy_file(set.certificate_path("idp-rogue"), dir / "keys/c.pem");
  auto config = idp::load_idp_config(dir / "tenant.json");
  CHECK(config.credentials.count("mine") == 1);
}

TEST_CASE("app_overrides are merged and validated like the file", "[idp][config]") {
  const auto& idp = test::idp::default_idp();
  const auto& app = idp.config().apps.front();
  auto merged = idp.app_with_overrides(app, {{"signing", "both"}, {"algorithm", "sha1"}});
  REQUIRE(merged);
  CHECK(merged->signing == idp::Signing::both);
  CHECK(merged->algorithm == core::SignatureAlgorithm::rsa_sha1);
  CHECK(merged->identifiers == app.identifiers);
  auto bad = idp.app_with_overrides(app, {{"algorithm", "md5"}});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().reason == core::Reason::config_invalid);
  CHECK(bad.error().detail.find("/app_overrides/algorithm") != std::string::npos);
}
