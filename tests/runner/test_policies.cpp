// SPDX-License-Identifier: Apache-2.0
// The policy table: conditions, the policy in force and where each value came from.
#include "samlt/runner/policies.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using reports::PolicyOrigin;

TEST_CASE("conditions: values for booleans and choices, comparisons for numbers", "[runner]") {
  const auto* skew = runner::find_policy("clock_skew_seconds");
  const auto* sha = runner::find_policy("min_signature_algorithm");
  const auto* unsolicited = runner::find_policy("allow_unsolicited");
  REQUIRE(skew);
  REQUIRE(sha);
  REQUIRE(unsolicited);
  CHECK(runner::check_condition(*skew, ">=180").empty());
  CHECK(runner::check_condition(*skew, "60").empty());
  CHECK_FALSE(runner::check_condition(*skew, "=>180").empty());
  CHECK(runner::check_condition(*sha, "sha1").empty());
  CHECK_FALSE(runner::check_condition(*sha, "md5").empty());
  CHECK_FALSE(runner::check_condition(*sha, "or").empty());
  CHECK_FALSE(runner::check_condition(*unsolicited, "yes").empty());

  CHECK(runner::condition_holds(*skew, "<181", "180"));
  CHECK_FALSE(runner::condition_holds(*skew, "<180", "180"));
  CHECK(runner::condition_holds(*skew, "<=180", "180"));
  CHECK(runner::condition_holds(*skew, ">179", "180"));
  CHECK(runner::condition_holds(*skew, "180", "180"));
  CHECK_FALSE(runner::condition_holds(*skew, "180", "300"));
  const auto* age = runner::find_policy("max_message_age_seconds");
  REQUIRE(age);
  CHECK(runner::check_condition(*age, "none").empty());
  CHECK_FALSE(runner::check_condition(*skew, "none").empty());
  CHECK_FALSE(runner::check_condition(*age, "<none").empty());
  CHECK(runner::condition_holds(*age, ">3600", "none"));
  CHECK_FALSE(runner::condition_holds(*age, "<3779", "none"));
  CHECK(runner::condition_holds(*age, "<3779", "240"));
  CHECK(runner::condition_holds(*age, "none", "none"));
  CHECK(runner::condition_holds(*unsolicited, "false", "false"));
  CHECK_FALSE(runner::condition_holds(*unsolicited, "false", "true"));
}

TEST_CASE("the policy in force: fetched over declared over assumed, extras kept", "[runner]") {
  auto settings = runner::effective_policy({{"clock_skew_seconds", "60"}, {"allow_unsolicited", "false"}},
                                           {{"allow_unsolicited", "true"}, {"max_message_bytes", "262144"}});
  auto values = runner::policy_values(settings);
  CHECK(values.at("clock_skew_seconds") == "60");
  CHECK(values.at("allow_unsolicited") == "true");
  CHECK(values.at("require_email") == "false");
  CHECK(values.at("max_message_bytes") == "262144");
  for (const auto& setting : settings) {
    INFO(setting.name);
    if (setting.name == "clock_skew_seconds") {
      CHECK(setting.origin == PolicyOrigin::declared);
    } else if (setting.name == "allow_unsolicited" || setting.name == "max_message_bytes") {
      CHECK(setting.origin == PolicyOrigin::fetched);
    } else {
      CHECK(setting.origin == PolicyOrigin::assumed);
      CHECK(setting.value == runner::find_policy(setting.name)->assumed);
    }
  }
  CHECK(settings.size() == runner::all_policies().size() + 1);
}

TEST_CASE("the policy list names every setting with its assumed value", "[runner]") {
  std::string text = runner::policies_text();
  for (const auto& knob : runner::all_policies()) {
    CHECK(text.find(std::string(knob.name) + "  (") != std::string::npos);
  }
}
