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

#include <functional>

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

namespace {

// The servers' idp_sim configuration with `change` applied to its reference-SP app, written
// beside it: the Entra app a customer's capture is checked against.
std::string entra_app_variant(const test::FederationServers& servers, const std::string& name,
                              const std::function<void(nlohmann::json&)>& change) {
  auto text = core::read_file(servers.idp_config());
  REQUIRE(text);
  auto config = nlohmann::json::parse(*text);
  change(config["apps"][0]);
  auto file = servers.dir().path() / (name + ".json");
  REQUIRE(core::write_file_atomic(file, config.dump(2)));
  return file.string();
}

diagnose::EntraRequestReport entra_verdict(const diagnose::Capture& capture, const std::string& entra_app) {
  diagnose::DiagnoseOptions options;
  diagnose::IdpSettings idp;
  auto applied = diagnose::apply_entra_app(entra_app, options.entra, idp);
  INFO(entra_app << ": " << (applied ? "" : applied.error().detail));
  REQUIRE(applied);
  CHECK(idp.trust.size() == 1);  // the tenant's signing certificates, for the Responses
  auto diagnoses = diagnose::diagnose_capture({capture}, {}, idp, options);
  for (const auto& diagnosis : diagnoses) {
    if (diagnosis.kind == diagnose::MessageKind::authn_request) {
      REQUIRE(diagnosis.entra);
      return *diagnosis.entra;
    }
  }
  FAIL("the capture holds no AuthnRequest");
  return {};
}

}  // namespace

TEST_CASE("diagnose: the SP's real AuthnRequest from the runner's HAR, checked as idp_sim's Entra checks it",
          "[integration][diagnose]") {
  test::FederationServers servers;
  auto report_dir = servers.dir().path() / "report";
  test::CapturedStream out;
  test::CapturedStream err;
  int status = runner::run_command({(std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios").string(), "--target",
                                    servers.write_reference_target().string(), "--report", report_dir.string(),
                                    "--only", "entra/group-claims", "--flows", "sp_initiated"},
                                   out.get(), err.get());
  INFO(out.text() << err.text());
  REQUIRE(status == 0);
  auto report = nlohmann::json::parse(*core::read_file(report_dir / "report.json"));
  REQUIRE(report["scenarios"].size() == 1);
  auto capture = diagnose::read_capture_file((report_dir / report["scenarios"][0]["har"].get<std::string>()).string());
  REQUIRE(capture);
  const std::string acs = servers.sp_base() + "/saml/acs";

  SECTION("the app the IdP served: accepted, and the Response goes to the SP's ACS for its entity ID") {
    auto verdict = entra_verdict(*capture, servers.idp_config().string());
    CHECK(verdict.code == 0);
    CHECK(verdict.internal_error.empty());
    CHECK(verdict.acs_url == acs);
    CHECK(verdict.audience == "urn:samlt:sp:reference");
    CHECK(verdict.app == "samlt reference SP (00001111-aaaa-2222-bbbb-3333cccc4444)");
  }
  SECTION("the SP's ACS URL not among the Reply URLs: AADSTS50011, naming it and the registered ones") {
    auto verdict = entra_verdict(*capture, entra_app_variant(servers, "reply-urls", [](nlohmann::json& app) {
      app["reply_urls"] = {{{"url", "https://sp.example.com/saml/acs"}, {"index", 0}, {"default", true}}};
    }));
    CHECK(verdict.code == 50011);
    CHECK(core::id(verdict.reason) == "authn_request.acs_mismatch");
    CHECK(verdict.entra.find("Reply URL") != std::string::npos);
    CHECK(verdict.entra.find("'" + acs + "'") != std::string::npos);
    CHECK(verdict.sp.find("'https://sp.example.com/saml/acs'") != std::string::npos);
  }
  SECTION("the SP's entity ID not among the Identifiers: AADSTS700016") {
    auto verdict = entra_verdict(*capture, entra_app_variant(servers, "identifiers", [](nlohmann::json& app) {
      app["identifiers"] = {{{"value", "urn:samlt:sp:other"}, {"default", true}}};
    }));
    CHECK(verdict.code == 700016);
    CHECK(core::id(verdict.reason) == "authn_request.issuer_unknown");
    // No app matched, so the Identifiers listed are the tenant's, this app's among them.
    CHECK(verdict.entra.find("add 'urn:samlt:sp:reference' (today: ") != std::string::npos);
    CHECK(verdict.entra.find("'urn:samlt:sp:other'") != std::string::npos);
  }
  SECTION("signed requests required: the SP's query signature verifies with its own certificate") {
    auto verdict = entra_verdict(*capture, entra_app_variant(servers, "verify-sp", [](nlohmann::json& app) {
      app["request_verification"] = {{"required", true}, {"certificates", {"sp-signing"}}};
    }));
    CHECK(verdict.code == 0);
  }
  SECTION("signed requests required, another certificate uploaded: AADSTS76021, signature invalid") {
    auto verdict = entra_verdict(*capture, entra_app_variant(servers, "verify-other", [](nlohmann::json& app) {
      app["request_verification"] = {{"required", true}, {"certificates", {"idp2-signing"}}};
    }));
    CHECK(verdict.code == 76021);
    CHECK(core::id(verdict.reason) == "authn_request.signature_invalid");
  }
}
