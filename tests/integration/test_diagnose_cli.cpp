// SPDX-License-Identifier: Apache-2.0
// idp_sim diagnose as a program: a Response the real IdP signed for the real SP, diagnosed with
// both parties' metadata fetched from their URLs; exit codes, JSON, and bad inputs.
#include "federation_servers.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace samlt;

namespace {

constexpr const char* k_app_metadata =
    "/aaaabbbb-0000-cccc-1111-dddd2222eeee/federationmetadata/2007-06/federationmetadata.xml"
    "?appid=00001111-aaaa-2222-bbbb-3333cccc4444";

// One Response minted by the real idp_sim for the servers' SP, as its base64 form field.
std::filesystem::path mint_one(const test::FederationServers& servers) {
  auto out = servers.dir().path() / "mint";
  auto minted = test::run_command({SAMLT_IDP_SIM_EXE, "mint", "--target", servers.write_reference_target().string(),
                                   "--count", "1", "--out", out.string()});
  INFO(minted.output);
  REQUIRE(minted.exit_code == 0);
  std::ifstream payload(out / "payload-1.csv");
  std::string header;
  std::string row;
  REQUIRE(std::getline(payload, header));
  REQUIRE(std::getline(payload, row));
  auto file = servers.dir().path() / "response.b64";
  REQUIRE(core::write_file_atomic(file, row.substr(0, row.find(','))));
  return file;
}

}  // namespace

TEST_CASE("diagnose: a real Response, both parties' metadata from their URLs", "[integration][diagnose]") {
  test::FederationServers servers;
  auto response = mint_one(servers);
  std::vector<std::string> base{SAMLT_IDP_SIM_EXE, "diagnose", response.string(), "--sp-metadata",
                                servers.sp_base() + "/saml/metadata", "--idp-metadata",
                                servers.idp_base() + k_app_metadata, "--json"};
  auto result = test::run_command(base);
  INFO(result.output);
  CHECK(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.output, nullptr, false);
  REQUIRE_FALSE(json.is_discarded());
  CHECK(json["failed"] == false);
  REQUIRE(json["messages"].size() == 1);
  for (const auto& finding : json["messages"][0]["findings"]) {
    INFO(finding.dump());
    CHECK(finding["outcome"] == "passed");
  }

  SECTION("judged two hours on, it has expired") {
    base.push_back("--at");
    base.push_back(core::format_datetime(core::SystemClock().now() + std::chrono::hours(2)));
    auto later = test::run_command(base);
    CHECK(later.exit_code == 1);
    auto report = nlohmann::json::parse(later.output, nullptr, false);
    REQUIRE_FALSE(report.is_discarded());
    std::vector<std::string> reasons;
    for (const auto& finding : report["messages"][0]["findings"]) {
      if (finding["outcome"] == "failed") {
        reasons.push_back(finding["reason"]);
      }
    }
    CHECK(reasons == std::vector<std::string>{"subject_confirmation.expired", "conditions.expired"});
  }
  SECTION("against another SP's entity ID, as text") {
    auto metadata = test::run_command({"curl", "-s", servers.sp_base() + "/saml/metadata"});
    std::string other = metadata.output;
    auto at = other.find("urn:samlt:sp:reference");
    REQUIRE(at != std::string::npos);
    other.replace(at, std::string("urn:samlt:sp:reference").size(), "https://other.example/sp");
    auto file = servers.dir().path() / "other-sp.xml";
    REQUIRE(core::write_file_atomic(file, other));
    auto text = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", response.string(), "--sp-metadata", file.string(),
                                   "--idp-metadata", servers.idp_base() + k_app_metadata});
    CHECK(text.exit_code == 1);
    CHECK_THAT(text.output, Catch::Contains("FAIL audience_restriction.audience_mismatch") &&
                                Catch::Contains("Identifier (Entity ID) must be `https://other.example/sp`"));
  }
}

TEST_CASE("diagnose --redact and --explain as a program", "[integration][diagnose]") {
  test::FederationServers servers;
  auto response = mint_one(servers);
  auto encoded = core::read_file(response);
  REQUIRE(encoded);
  auto xml = core::base64_decode(*encoded);
  REQUIRE(xml);
  auto name_id_at = xml->find("NameID Format=");
  REQUIRE(name_id_at != std::string::npos);
  std::size_t value_at = xml->find('>', name_id_at) + 1;
  std::string upn = xml->substr(value_at, xml->find('<', value_at) - value_at);
  REQUIRE(upn.find('@') != std::string::npos);

  // Judged two hours on: the failures quote the Assertion, whose Subject is the user.
  std::vector<std::string> command{SAMLT_IDP_SIM_EXE, "diagnose", response.string(), "--idp-metadata",
                                   servers.idp_base() + k_app_metadata, "--at",
                                   core::format_datetime(core::SystemClock().now() + std::chrono::hours(2))};
  for (bool json : {true, false}) {
    auto cmd = command;
    if (json) {
      cmd.push_back("--json");
    }
    auto plain = test::run_command(cmd);
    cmd.push_back("--redact");
    auto redacted = test::run_command(cmd);
    INFO(redacted.output);
    CHECK(plain.exit_code == 1);
    CHECK(redacted.exit_code == 1);
    CHECK(plain.output.find("aaaabbbb-0000-cccc-1111-dddd2222eeee") != std::string::npos);
    CHECK(redacted.output.find("aaaabbbb-0000-cccc-1111-dddd2222eeee") == std::string::npos);
    CHECK(redacted.output.find(upn) == std::string::npos);
    CHECK(redacted.output.find("https://sts.windows.net/00000000-0000-4000-8000-") != std::string::npos);
  }

  // The replay is redacted by default, and still runs: placeholders keep each value's shape.
  auto suite = servers.dir().path() / "replays";
  auto scenario = suite / "replay" / "customer.json";
  std::filesystem::create_directories(scenario.parent_path());
  auto wrote = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", response.string(), "--sp-metadata",
                                  servers.sp_base() + "/saml/metadata", "--idp-metadata",
                                  servers.idp_base() + k_app_metadata, "--to-scenario", scenario.string()});
  INFO(wrote.output);
  CHECK(wrote.exit_code == 0);
  auto written = core::read_file(scenario);
  REQUIRE(written);
  CHECK(written->find(upn) == std::string::npos);
  CHECK(written->find("@redacted.invalid") != std::string::npos);
  auto replayed = test::run_command({SAMLT_IDP_SIM_EXE, "run", suite.string(), "--target",
                                     servers.write_reference_target().string(), "--report",
                                     (servers.dir().path() / "replayed").string(), "--quiet"});
  INFO(replayed.output);
  // The redacted user is nobody the SP knows: the replay runs, and the SP says so.
  CHECK(replayed.exit_code == 1);
  auto report = nlohmann::json::parse(core::read_file(servers.dir().path() / "replayed" / "report.json").value_or("{}"));
  REQUIRE(report["scenarios"].size() == 1);
  CHECK(report["scenarios"][0]["observed"]["reason"] == "account.unknown");
  // Unredacted, the replay is the customer's sign-in again, and it is accepted.
  std::filesystem::remove(scenario);
  auto kept = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", response.string(), "--to-scenario",
                                 scenario.string(), "--no-redact"});
  CHECK(core::read_file(scenario).value_or("").find(upn) != std::string::npos);
  auto again = test::run_command({SAMLT_IDP_SIM_EXE, "run", suite.string(), "--target",
                                  servers.write_reference_target().string(), "--report",
                                  (servers.dir().path() / "replayed-plain").string(), "--quiet"});
  INFO(again.output);
  CHECK(again.exit_code == 0);

  auto explain = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", "--explain", "AADSTS76021"});
  CHECK(explain.exit_code == 0);
  CHECK_THAT(explain.output, Catch::Contains("AADSTS76021 (authn_request.signature_required)") &&
                                 Catch::Contains("AADSTS76021 (authn_request.signature_invalid)") &&
                                 Catch::Contains("confirm: "));
  auto unknown = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", "--explain", "AADSTS1"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.output, Catch::Contains("known: 50003, 50011"));
}

TEST_CASE("diagnose: usage and unreadable inputs exit 2 and say why", "[integration][diagnose]") {
  test::TempDir dir;
  CHECK(test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", "--help"}).exit_code == 0);
  auto none = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose"});
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.output, Catch::Contains("name at least one INPUT"));
  auto option = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", "x.har", "--frobnicate"});
  CHECK(option.exit_code == 2);
  CHECK_THAT(option.output, Catch::Contains("unknown option --frobnicate"));
  REQUIRE(core::write_file_atomic(dir / "truncated.har", R"({"log": {"entries": [{"request": )"));
  auto truncated = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", (dir / "truncated.har").string()});
  CHECK(truncated.exit_code == 2);
  CHECK_THAT(truncated.output, Catch::Contains("truncated.har") && Catch::Contains("not well-formed JSON"));
  auto no_redact = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", (dir / "truncated.har").string(), "--no-redact"});
  CHECK(no_redact.exit_code == 2);
  CHECK_THAT(no_redact.output, Catch::Contains("--no-redact is for --to-scenario"));
  auto at = test::run_command({SAMLT_IDP_SIM_EXE, "diagnose", (dir / "truncated.har").string(), "--at", "yesterday"});
  CHECK(at.exit_code == 2);
  CHECK_THAT(at.output, Catch::Contains("--at: expected a UTC xs:dateTime"));
}
