// SPDX-License-Identifier: Apache-2.0
// Captures of real flows (issue 13): the runner signs in through the real idp_sim to the real
// reference SP with a fault, writes each scenario's exchanges as HAR, and `diagnose` reads that
// HAR back and finds the reason the SP gave, with a fix.
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/diagnose/diagnosis.hpp"
#include "samlt/runner/run_command.hpp"
#include "support/captured_stream.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace samlt;

namespace {

constexpr const char* k_app_metadata =
    "/aaaabbbb-0000-cccc-1111-dddd2222eeee/federationmetadata/2007-06/federationmetadata.xml"
    "?appid=00001111-aaaa-2222-bbbb-3333cccc4444";

}  // namespace

TEST_CASE("diagnose: the runner's HAR of each faulty sign-in gives the SP's own reason", "[integration][diagnose]") {
  test::FederationServers servers;
  auto report_dir = servers.dir().path() / "report";
  test::CapturedStream out;
  test::CapturedStream err;
  int status = runner::run_command(
      {(std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios").string(), "--target",
       servers.write_reference_target().string(), "--report", report_dir.string(), "--only",
       "profile/destination-wrong,profile/recipient-wrong,profile/rogue-key,profile/time-conditions-expired,"
       "profile/digest-tampered,profile/status-requester,entra/encrypted-aes256-gcm,entra/idp-initiated"},
      out.get(), err.get());
  INFO(out.text() << err.text());
  REQUIRE(status == 0);
  auto text = core::read_file(report_dir / "report.json");
  REQUIRE(text);
  auto report = nlohmann::json::parse(*text);

  diagnose::SpSettings sp;
  REQUIRE(diagnose::apply_sp_metadata(servers.sp_base() + "/saml/metadata", sp));
  diagnose::IdpSettings idp;
  REQUIRE(diagnose::apply_idp_metadata(servers.idp_base() + k_app_metadata, idp));

  int diagnosed = 0;
  for (const auto& scenario : report["scenarios"]) {
    INFO(scenario["id"].get<std::string>());
    REQUIRE(scenario["har"].is_string());
    auto capture = diagnose::read_capture_file((report_dir / scenario["har"].get<std::string>()).string());
    REQUIRE(capture);
    CHECK(capture->kind == diagnose::CaptureKind::har);
    auto diagnoses = diagnose::diagnose_capture({*capture}, sp, idp, {});
    const diagnose::MessageDiagnosis* response = nullptr;
    for (const auto& diagnosis : diagnoses) {
      if (diagnosis.kind == diagnose::MessageKind::response) {
        response = &diagnosis;
      }
    }
    REQUIRE(response != nullptr);
    CHECK(response->judged_at_from == "the HAR entry's time");
    const diagnose::FindingReport* first = nullptr;
    for (const auto& report_entry : response->findings) {
      if (report_entry.finding.outcome == sp::FindingOutcome::failed) {
        first = &report_entry;
        break;
      }
    }
    const auto& observed = scenario["observed"];
    if (observed["outcome"] == "accept") {
      CHECK(first == nullptr);
    } else {
      REQUIRE(first != nullptr);
      CHECK(core::id(first->finding.reason) == observed["reason"].get<std::string>());
      CHECK_FALSE((first->entra.empty() && first->sp.empty()));
    }
    ++diagnosed;
  }
  CHECK(diagnosed == 8);
}
