// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/fs.hpp"
#include "samlt/sp/sp_config.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace samlt;

namespace {

// The bundled default configuration, copied to dir/sp_under_test/config/ with the test
// certificates placed where its relative paths point (dir/certs/generated).
std::filesystem::path install_default(const test::TempDir& dir) {
  auto generated = dir / "certs" / "generated";
  std::filesystem::create_directories(generated);
  for (const char* role : {"sp-signing", "sp-encryption", "sp-encryption-next"}) {
    std::filesystem::copy_file(test::test_cert_set().key_path(role), generated / (std::string(role) + ".key"));
    std::filesystem::copy_file(test::test_cert_set().certificate_path(role), generated / (std::string(role) + ".crt"));
  }
  // The second trusted IdP's certificate (trusted_idps "entra-b").
  std::filesystem::copy_file(test::test_cert_set().certificate_path("idp2-signing"), generated / "idp2-signing.crt");
  auto config_dir = dir / "sp_under_test" / "config";
  std::filesystem::create_directories(config_dir);
  std::filesystem::copy_file(std::filesystem::path(SAMLT_SOURCE_DIR) / "sp_under_test/config/default.json",
                             config_dir / "default.json");
  return config_dir / "default.json";
}

std::string fatal_of(const std::filesystem::path& file) {
  try {
    sp::load_sp_config(file);
  } catch (const core::Fatal& fatal) {
    return fatal.what();
  }
  FAIL("no core::Fatal");
  return {};
}

void edit(const std::filesystem::path& file, const std::function<void(nlohmann::json&)>& change) {
  auto json = nlohmann::json::parse(*core::read_file(file));
  change(json);
  REQUIRE(core::write_file_atomic(file, json.dump(2)));
}

}  // namespace

TEST_CASE("config: the bundled default configuration", "[sp][config]") {
  test::TempDir dir;
  auto file = install_default(dir);
  sp::SpConfig config = sp::load_sp_config(file);
  CHECK(config.entity_id == "urn:samlt:sp:reference");
  CHECK(config.port == 8081);
  CHECK(config.acs_url() == "http://127.0.0.1:8081/saml/acs");
  CHECK(config.database == (dir / "var" / "sp_under_test.sqlite").lexically_normal());
  CHECK(config.database_durability == sp::Durability::process_crash);
  CHECK(config.policy.clock_skew == std::chrono::seconds(180));
  CHECK(config.policy.allow_unsolicited);
  CHECK(config.policy.required_signatures == sp::RequiredSignatures::either);
  CHECK(config.policy.allowed_content_encryption.size() == 3);
  REQUIRE(config.trusted_idps.size() == 2);
  CHECK(config.trusted_idps[0].name == "entra");
  CHECK(config.trusted_idps[0].metadata_url.find("appid=00001111-aaaa-2222-bbbb-3333cccc4444") != std::string::npos);
  // IdP-B of the catalogue (second_idp_trust): another tenant, by hand, with its own key.
  CHECK(config.trusted_idps[1].name == "entra-b");
  CHECK(config.trusted_idps[1].entity_id == "https://sts.windows.net/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/");
  CHECK(config.trusted_idps[1].certificate_file == (dir / "certs/generated/idp2-signing.crt").lexically_normal());
  // One SSO account per user of idp_sim's default tenant that can sign in, plus the local admin.
  CHECK(config.accounts.size() == 10);
  CHECK(std::count_if(config.accounts.begin(), config.accounts.end(),
                      [](const auto& a) { return a.email == "yamada.taro@contoso.example"; }) == 1);
  CHECK(config.signing.certificate.same_as(test::test_credential("sp-signing").certificate));
}

TEST_CASE("config: errors name the file, the JSON pointer and the expectation", "[sp][config]") {
  test::TempDir dir;
  auto file = install_default(dir);
  SECTION("unknown key") {
    edit(file, [](auto& j) { j["policy"]["clock_skew"] = 5; });
    CHECK_THAT(fatal_of(file), Catch::Contains("default.json: /policy/clock_skew: no such key here"));
  }
  SECTION("bad choice") {
    edit(file, [](auto& j) { j["policy"]["required_signatures"] = "sometimes"; });
    CHECK_THAT(fatal_of(file), Catch::Contains("/policy/required_signatures: one of"));
  }
  SECTION("a durability SQLite does not offer") {
    edit(file, [](auto& j) { j["database_durability"] = "forever"; });
    CHECK_THAT(fatal_of(file), Catch::Contains("/database_durability: \"process_crash\" or \"power_loss\""));
  }
  SECTION("non-loopback host") {
    edit(file, [](auto& j) { j["listen"]["host"] = "0.0.0.0"; });
    CHECK_THAT(fatal_of(file), Catch::Contains("/listen/host: a loopback host"));
  }
  SECTION("two sources for one IdP") {
    edit(file, [](auto& j) { j["trusted_idps"][0]["metadata_file"] = "x.xml"; });
    CHECK_THAT(fatal_of(file), Catch::Contains("/trusted_idps/0/name: exactly one of"));
  }
  SECTION("a missing key file") {
    edit(file, [](auto& j) { j["signing"]["key_file"] = "nope.key"; });
    CHECK_THAT(fatal_of(file), Catch::Contains("/signing/key_file: a PEM private key"));
  }
  SECTION("a key that is not the certificate's") {
    edit(file, [](auto& j) { j["signing"]["key_file"] = "../../certs/generated/sp-encryption.key"; });
    CHECK_THAT(fatal_of(file), Catch::Contains("/signing/key_file: the private key of certificate_file"));
  }
  SECTION("not JSON") {
    REQUIRE(core::write_file_atomic(file, "{"));
    CHECK_THAT(fatal_of(file), Catch::Contains("default.json: byte") && Catch::Contains("well-formed JSON"));
  }
}

TEST_CASE("config: loopback hosts", "[sp][config]") {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) {
    CHECK(sp::is_loopback_host(host));
  }
  for (const char* host : {"0.0.0.0", "10.0.0.1", "example.com", "127.0.0.1.evil", "::"}) {
    CHECK_FALSE(sp::is_loopback_host(host));
  }
}
