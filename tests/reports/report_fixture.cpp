// SPDX-License-Identifier: Apache-2.0
#include "report_fixture.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

namespace samlt::reports::test {
namespace {

constexpr std::string_view k_compact_response =
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r1\" "
    "Version=\"2.0\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
    "https://sts.windows.net/tenant/</saml:Issuer></samlp:Response>";

ScenarioResult scenario(std::string id, std::string suite, Status status) {
  ScenarioResult result;
  result.id = std::move(id);
  result.title = "scenario " + result.id;
  result.file = "scenarios/" + result.id + ".json";
  result.suite = std::move(suite);
  result.status = status;
  result.duration_seconds = 0.25;
  return result;
}

}  // namespace

RunReport sample_report() {
  RunReport report;
  report.tool_version = "0.1.0";
  report.started_at = "2024-05-01T10:00:00.000Z";
  report.duration_seconds = 1.5;
  report.target = {"reference-sp", "https://sp.example.test", "https://sp.example.test/acs",
                   "https://sp.example.test/login", "the strict reference SP"};
  report.policy = {{"clock_skew", "180s"}, {"allow_sha1", "false"}};

  ScenarioResult signed_assertion = scenario("entra/signed_assertion", "entra", Status::passed);
  signed_assertion.expected = {Outcome::accept, std::nullopt};
  signed_assertion.observed = {Outcome::accept, std::nullopt, std::nullopt, 302, ""};
  signed_assertion.messages.push_back({"Response (step 1)", "PHNhbWxwOlJlc3BvbnNlLz4=",
                                       "<samlp:Response>\n  <saml:Issuer/>\n</samlp:Response>"});
  signed_assertion.exchanges.push_back({"step 1: POST Response to ACS",
                                        "POST",
                                        "https://sp.example.test/acs",
                                        {{"Content-Type", "application/x-www-form-urlencoded"}},
                                        "SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D",
                                        302,
                                        {{"Location", "/me"}, {"Set-Cookie", "sid=1"}},
                                        ""});
  report.results.push_back(signed_assertion);

  ScenarioResult expired = scenario("faults/assertion_expired", "faults", Status::failed);
  expired.spec_ref = "saml-core §2.5.1.2";
  expired.mutators = {"assertion.expired"};
  expired.expected = {Outcome::reject, "conditions.expired"};
  expired.observed = {Outcome::accept, std::nullopt, std::nullopt, 302, "session established"};
  expired.message = "expected reject/conditions.expired, got accept";
  expired.messages.push_back({"Response (step 1)", std::string(k_compact_response), ""});
  report.results.push_back(expired);

  ScenarioResult unreachable = scenario("profile/sp_unreachable", "profile", Status::error);
  unreachable.expected = {Outcome::reject, "audience_restriction.audience_mismatch"};
  unreachable.observed = {Outcome::none, std::nullopt, std::nullopt, std::nullopt,
                          std::string(k_control_detail)};
  unreachable.message = "SP unreachable: " + std::string(k_control_detail);
  unreachable.exchanges.push_back(
      {"step 1: POST Response to ACS", "POST", "https://sp.example.test/acs", {}, "", {}, {}, ""});
  report.results.push_back(unreachable);

  ScenarioResult hostile = scenario(std::string(k_hostile_id), "profile", Status::passed);
  hostile.title = std::string(k_hostile_title);
  hostile.tags = {"<img src=x onerror=alert(2)>"};
  hostile.expected = {Outcome::reject, std::nullopt};
  hostile.observed = {Outcome::reject, "xml.malformed", "xml.parse", 403,
                      "</pre><script>x</script>"};
  report.results.push_back(hostile);

  ScenarioResult replay = scenario("profile/replay", "profile", Status::passed);
  replay.expected = {Outcome::reject, "replay.assertion_reused"};
  replay.observed = {Outcome::reject, "replay.assertion_reused", "replay.assertion_id", 403, ""};
  StepResult first{
      "post the Response", {Outcome::accept, std::nullopt}, {}, Status::passed, "", 0.1};
  first.observed = {Outcome::accept, std::nullopt, std::nullopt, 302, ""};
  StepResult second{
      "post the same Response again", replay.expected, replay.observed, Status::passed, "", 0.1};
  replay.steps = {first, second};
  report.results.push_back(replay);
  return report;
}

TempDir::TempDir() {
  std::random_device random;
  std::uniform_int_distribution<unsigned long long> digits;
  std::ostringstream name;
  name << "samlt-reports-test-" << std::hex << digits(random);
  m_path = std::filesystem::temp_directory_path() / name.str();
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace samlt::reports::test
