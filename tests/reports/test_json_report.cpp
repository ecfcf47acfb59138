// SPDX-License-Identifier: Apache-2.0
// Golden-structure checks on report.json: parsed with nlohmann, compared with the RunReport.
#include "report_fixture.hpp"

#include "samlt/reports/report_writers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace samlt::reports;
using nlohmann::json;

namespace {

json render(const RunReport& report) {
  auto text = render_json_report(report);
  REQUIRE(text);
  REQUIRE(json::accept(*text));
  return json::parse(*text);
}

const json& scenario(const json& doc, const std::string& id) {
  for (const json& entry : doc.at("scenarios")) {
    if (entry.at("id") == id) {
      return entry;
    }
  }
  FAIL("no scenario " << id);
  static const json k_none;
  return k_none;  // not reached: FAIL throws
}

}  // namespace

TEST_CASE("report.json summary matches its scenario entries", "[reports]") {
  const json doc = render(test::sample_report());
  const json& scenarios = doc.at("scenarios");
  REQUIRE(scenarios.size() == 5);
  std::map<std::string, std::size_t> by_status;
  for (const json& entry : scenarios) {
    ++by_status[entry.at("status").get<std::string>()];
  }
  CHECK(doc.at("summary").at("total") == scenarios.size());
  CHECK(doc.at("summary").at("passed") == by_status["passed"]);
  CHECK(doc.at("summary").at("failed") == by_status["failed"]);
  CHECK(doc.at("summary").at("errors") == by_status["error"]);
  CHECK(by_status["passed"] == 3);
  CHECK(by_status.size() == 3);
}

TEST_CASE("report.json names the target and policy", "[reports]") {
  const json doc = render(test::sample_report());
  CHECK(doc.at("tool_version") == "0.1.0");
  CHECK(doc.at("started_at") == "2024-05-01T10:00:00.000Z");
  CHECK(doc.at("target").at("name") == "reference-sp");
  CHECK(doc.at("target").at("acs_url") == "https://sp.example.test/acs");
  CHECK(doc.at("policy") == json{{"clock_skew", {{"value", "180s"}, {"origin", "declared"}}},
                                  {"allow_sha1", {{"value", "false"}, {"origin", "declared"}}}});
}

TEST_CASE("report.json entries carry expected, observed, faults and timing", "[reports]") {
  const json doc = render(test::sample_report());
  const json& expired = scenario(doc, "faults/assertion_expired");
  CHECK(expired.at("suite") == "faults");
  CHECK(expired.at("faults") == json::array({"assertion.expired"}));
  CHECK(expired.at("expected") ==
        json{{"outcome", "reject"}, {"reason", "conditions.expired"}, {"family", nullptr}, {"grade", "exact"}});
  CHECK(expired.at("observed").at("outcome") == "accept");
  CHECK(expired.at("observed").at("reason").is_null());
  CHECK(expired.at("observed").at("http_status") == 302);
  CHECK(expired.at("status") == "failed");
  CHECK(expired.at("message") == "expected reject/conditions.expired, got accept");
  CHECK(expired.at("duration_seconds") == Approx(0.25));
  CHECK(expired.at("spec_ref") == "saml-core §2.5.1.2");

  const json& unreachable = scenario(doc, "profile/sp_unreachable");
  CHECK(unreachable.at("observed").at("outcome") == "none");
  CHECK(unreachable.at("observed").at("http_status").is_null());
  CHECK(unreachable.at("observed").at("detail") == std::string(test::k_control_detail));
  CHECK(unreachable.at("exchanges").at(0).at("status").is_null());
}

TEST_CASE("report.json keeps steps, messages and exchanges", "[reports]") {
  const json doc = render(test::sample_report());
  const json& replay = scenario(doc, "profile/replay");
  REQUIRE(replay.at("steps").size() == 2);
  CHECK(replay.at("steps").at(1).at("name") == "post the same Response again");
  CHECK(replay.at("steps").at(1).at("observed").at("reason") == "replay.assertion_reused");
  CHECK(replay.at("steps").at(0).at("expected").at("outcome") == "accept");

  const json& signed_assertion = scenario(doc, "entra/signed_assertion");
  REQUIRE(signed_assertion.at("messages").size() == 1);
  CHECK(signed_assertion.at("messages").at(0).at("raw") == "PHNhbWxwOlJlc3BvbnNlLz4=");
  const json& exchange = signed_assertion.at("exchanges").at(0);
  CHECK(exchange.at("method") == "POST");
  CHECK(exchange.at("status") == 302);
  CHECK(exchange.at("response_headers") ==
        json::array({json::array({"Location", "/me"}), json::array({"Set-Cookie", "sid=1"})}));
}

TEST_CASE("report.json replaces invalid UTF-8 instead of failing", "[reports]") {
  RunReport report = test::sample_report();
  report.results[0].messages[0].raw = "\xff\xfe raw";
  report.policy.push_back({"bad\xc3", "value"});
  const json doc = render(report);
  CHECK(scenario(doc, "entra/signed_assertion").at("messages").at(0).at("raw") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD raw");
  CHECK(doc.at("policy").contains("bad\xEF\xBF\xBD"));
}

TEST_CASE("report.json of an empty run has zero counts and no scenarios", "[reports]") {
  const json doc = render(RunReport{});
  CHECK(doc.at("summary") == json{{"total", 0}, {"passed", 0}, {"failed", 0}, {"errors", 0}, {"skipped", 0}});
  CHECK(doc.at("scenarios").empty());
}
