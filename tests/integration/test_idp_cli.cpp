// SPDX-License-Identifier: Apache-2.0
// The idp_sim command line: --help everywhere, a bad configuration exits 2 naming the file and the
// JSON pointer, loopback only, `certs` and `mutators`.
#include "samlt/core/fs.hpp"
#include "test_idp_support.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp_it;

TEST_CASE("--help on every subcommand", "[integration][idp][cli]") {
  for (std::vector<std::string> args : {std::vector<std::string>{"--help"},
                                        {"serve", "--help"},
                                        {"certs", "--help"},
                                        {"mutators", "--help"}}) {
    args.insert(args.begin(), SAMLT_IDP_SIM_EXE);
    auto result = test::run_command(args);
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK(result.output.find("usage: idp_sim") != std::string::npos);
  }
  CHECK(test::run_command({SAMLT_IDP_SIM_EXE}).exit_code == 2);
  CHECK(test::run_command({SAMLT_IDP_SIM_EXE, "frobnicate"}).exit_code == 2);
}

TEST_CASE("a bad configuration exits 2 with the file and the JSON pointer on stderr",
          "[integration][idp][cli]") {
  test::TempDir dir;
  auto json = config();
  json["apps"][0]["signing"] = "sometimes";
  REQUIRE(core::write_file_atomic(dir / "bad.json", json.dump()));
  auto result = test::run_command(
      {SAMLT_IDP_SIM_EXE, "serve", "--config", (dir / "bad.json").string(), "--port", "0"});
  CHECK(result.exit_code == 2);
  CHECK(result.output.find("idp_sim: " + (dir / "bad.json").string() +
                           ": /apps/0/signing: one of") != std::string::npos);
  REQUIRE(core::write_file_atomic(dir / "broken.json", "{\"tenant_id\": "));
  result =
      test::run_command({SAMLT_IDP_SIM_EXE, "serve", "--config", (dir / "broken.json").string()});
  CHECK(result.exit_code == 2);
  CHECK(result.output.find((dir / "broken.json").string()) != std::string::npos);
  result =
      test::run_command({SAMLT_IDP_SIM_EXE, "serve", "--config", (dir / "missing.json").string()});
  CHECK(result.exit_code == 2);
}

TEST_CASE("only loopback hosts are accepted", "[integration][idp][cli]") {
  test::TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "idp.json", config().dump()));
  auto result = test::run_command(
      {SAMLT_IDP_SIM_EXE, "serve", "--config", (dir / "idp.json").string(), "--host", "0.0.0.0"});
  CHECK(result.exit_code == 2);
  CHECK(result.output.find("loopback") != std::string::npos);
}

TEST_CASE("certs generates the set, mutators lists the table", "[integration][idp][cli]") {
  test::TempDir dir;
  auto certs = test::run_command({SAMLT_IDP_SIM_EXE, "certs", "--out", (dir / "certs").string()});
  INFO(certs.output);
  CHECK(certs.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "certs" / "manifest.json"));
  CHECK(certs.output.find("idp-signing-expired") != std::string::npos);
  CHECK(certs.output.find("CN=Microsoft Azure Federated SSO Certificate") != std::string::npos);
  auto list = test::run_command({SAMLT_IDP_SIM_EXE, "mutators", "--json"});
  CHECK(list.exit_code == 0);
  auto json = nlohmann::json::parse(list.output);
  bool expired = false;
  for (const auto& m : json) {
    expired = expired || (m["id"] == "signing.certificate_expired" &&
                          m["expected"] == "key.certificate_expired");
  }
  CHECK(expired);
}
