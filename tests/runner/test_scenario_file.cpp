// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/scenario.hpp"

#include "samlt/core/fs.hpp"

#include "runner_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

nlohmann::json valid() {
  return {{"id", "faults/x"},
          {"title", "a scenario"},
          {"spec_ref", "saml-core §2.5.1.4"},
          {"user", "alex.wilber@contoso.example"},
          {"idp", {{"app", {{"signing", "both"}}}, {"mutators", {"audience.wrong"}}, {"clock_offset_seconds", -60}}},
          {"expect", {{"outcome", "reject"}, {"reason", "audience_restriction.audience_mismatch"}}}};
}

// The error text of loading `json` (as scenarios/faults/x.json under the temp dir).
std::string load_error(const nlohmann::json& json) {
  test::TempDir dir;
  auto file = test::write_json(dir, "faults/x.json", json);
  try {
    runner::load_scenario(file, dir.path());
  } catch (const core::Fatal& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a valid scenario loads with its suite, faults and expectation", "[runner]") {
  test::TempDir dir;
  auto file = test::write_json(dir, "faults/x.json", valid());
  auto scenario = runner::load_scenario(file, dir.path());
  CHECK(scenario.suite == "faults");
  CHECK(scenario.flows == std::vector{runner::Flow::sp_initiated, runner::Flow::idp_initiated});
  CHECK(scenario.needs.empty());
  REQUIRE(scenario.mutators.size() == 1);
  CHECK(scenario.mutators[0].id == "audience.wrong");
  CHECK(scenario.app_overrides["signing"] == "both");
  CHECK(scenario.clock_offset_seconds == -60);
  REQUIRE(scenario.steps.size() == 1);
  const auto& expect = runner::expectation_for(scenario.steps[0], {});
  CHECK(expect.outcome == reports::Outcome::reject);
  CHECK(expect.reason == "audience_restriction.audience_mismatch");
}

TEST_CASE("a scenario may give its user in full, as a replay writes it", "[runner]") {
  test::TempDir dir;
  auto json = valid();
  json["user"] = {{"object_id", "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"},
                  {"user_principal_name", "replayed@contoso.example"},
                  {"extension_attributes", {{"extensionattribute1", "EMP-0042"}}}};
  auto scenario = runner::load_scenario(test::write_json(dir, "faults/x.json", json), dir.path());
  REQUIRE(scenario.directory_user);
  CHECK(scenario.user == "replayed@contoso.example");
  CHECK(scenario.directory_user->extension_attributes.at("extensionattribute1") == "EMP-0042");
}

TEST_CASE("policy-conditional expectations pick the first that holds", "[runner]") {
  auto json = valid();
  json["expect"] = {{{"if_policy", {{"min_signature_algorithm", "sha1"}}}, {"outcome", "accept"}},
                    {{"outcome", "reject"}, {"reason", "signature.algorithm_forbidden"}}};
  test::TempDir dir;
  auto scenario = runner::load_scenario(test::write_json(dir, "entra/x.json", json), dir.path());
  CHECK(runner::expectation_for(scenario.steps[0], {{"min_signature_algorithm", "sha1"}}).outcome ==
        reports::Outcome::accept);
  CHECK(runner::expectation_for(scenario.steps[0], {{"min_signature_algorithm", "sha256"}}).outcome ==
        reports::Outcome::reject);
  CHECK(runner::expectation_for(scenario.steps[0], {}).outcome == reports::Outcome::reject);
}

TEST_CASE("bad scenario files name the file, the JSON pointer and what was expected", "[runner]") {
  auto with = [](auto change) {
    auto json = valid();
    change(json);
    return load_error(json);
  };
  CHECK_THAT(with([](auto& j) { j["colour"] = "red"; }), Contains("x.json: /colour: no such key here"));
  CHECK_THAT(with([](auto& j) { j["idp"]["mutators"][0] = "no.such"; }), Contains("/idp/mutators/0: one of"));
  CHECK_THAT(with([](auto& j) { j["expect"]["reason"] = "made.up"; }), Contains("/expect/reason: a reason id"));
  CHECK_THAT(with([](auto& j) { j["expect"]["outcome"] = "maybe"; }), Contains("/expect/outcome"));
  CHECK_THAT(with([](auto& j) { j.erase("spec_ref"); }), Contains("/spec_ref: the spec clause"));
  CHECK_THAT(with([](auto& j) { j.erase("user"); }), Contains("/user: a non-empty string"));
  CHECK_THAT(with([](auto& j) { j["user"] = {{"user_principal_name", "a@b.example"}}; }),
             Contains("x.json: /user/object_id"));
  CHECK_THAT(with([](auto& j) {
               j["user"] = {{"object_id", "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}, {"user_principal_name", "a@b.example"},
                            {"colour", "red"}};
             }),
             Contains("/user/colour: no such key here"));
  CHECK_THAT(with([](auto& j) { j["flow"] = "sp_initiated"; }), Contains("/flow: \"flows\""));
  CHECK_THAT(with([](auto& j) { j["flows"] = {"sideways"}; }), Contains("/flows/0: \"sp_initiated\" or"));
  CHECK_THAT(with([](auto& j) { j["flows"] = {"sp_initiated", "sp_initiated"}; }), Contains("/flows/1:"));
  CHECK_THAT(with([](auto& j) { j["flows"] = nlohmann::json::array(); }), Contains("/flows: a non-empty array"));
  CHECK_THAT(with([](auto& j) { j["needs"] = {"a_pony"}; }), Contains("/needs/0: one of sp_initiated_login"));
  CHECK_THAT(with([](auto& j) {
               j["expect"] = {{{"if_policy", {{"allow_sha1", "true"}}}, {"outcome", "accept"}}, {{"outcome", "reject"}}};
             }),
             Contains("/expect/0/if_policy/allow_sha1: a policy setting of `idp_sim run --list-policies`"));
  CHECK_THAT(with([](auto& j) {
               j["expect"] = {{{"if_policy", {{"clock_skew_seconds", "about 3 minutes"}}}, {"outcome", "accept"}},
                              {{"outcome", "reject"}}};
             }),
             Contains("/expect/0/if_policy/clock_skew_seconds: a number of seconds"));
  CHECK_THAT(with([](auto& j) {
               j["expect"] = {{{"if_policy", {{"allow_unsolicited", "maybe"}}}, {"outcome", "accept"}},
                              {{"outcome", "reject"}}};
             }),
             Contains("/expect/0/if_policy/allow_unsolicited: true or false"));
  CHECK_THAT(with([](auto& j) { j["steps"] = nlohmann::json::array(); }), Contains("/steps: either"));
  CHECK_THAT(with([](auto& j) {
               j.erase("expect");
               j["steps"] = {{{"action", "replay"}, {"expect", {{"outcome", "reject"}}}}};
             }),
             Contains("/steps/0/action: a sign_in step before"));
  CHECK_THAT(with([](auto& j) { j["expect"] = {{{"if_policy", {{"require_email", "true"}}}, {"outcome", "accept"}}}; }),
             Contains("/expect/0/if_policy: no condition on the last"));
  CHECK_THAT(with([](auto& j) { j["expect"] = {{"outcome", "accept"}, {"session", {{"email", "x"}}}}; }),
             Contains("/expect/session/email: a key that is a JSON pointer"));
  CHECK_THAT(load_error(nlohmann::json::array()), Contains("x.json: /: an object"));
}

TEST_CASE("answer_again, idp_logout and binding: where each may appear, and what they take", "[runner]") {
  auto steps = [](nlohmann::json list, nlohmann::json flows = nullptr) {
    auto json = valid();
    json.erase("expect");
    json["steps"] = std::move(list);
    if (!flows.is_null()) {
      json["flows"] = std::move(flows);
    }
    return json;
  };
  nlohmann::json sign_in = {{"action", "sign_in"}, {"expect", {{"outcome", "accept"}}}};
  nlohmann::json again = {{"action", "answer_again"}, {"expect", {{"outcome", "reject"}}}};
  CHECK_THAT(load_error(steps({sign_in, again})), Contains("/flows: [\"sp_initiated\"]: an answer_again step"));
  CHECK(load_error(steps({sign_in, again}, {"sp_initiated"})).empty());

  nlohmann::json logout = {{"action", "idp_logout"}, {"mutators", {"audience.wrong"}}, {"expect", {{"outcome", "reject"}}}};
  CHECK_THAT(load_error(steps({sign_in, logout})),
             Contains("/steps/1/mutators/0: a Redirect-message mutator: one of redirect.parameter_confused"));
  logout["mutators"] = {"redirect.signature_removed"};
  logout["expect"] = {{"outcome", "safe"}};
  CHECK_THAT(load_error(steps({sign_in, logout})), Contains("/steps/1/expect: accept (the session ended) or reject"));
  logout["expect"] = {{"outcome", "reject"}, {"family", "SIG_MISSING"}};
  test::TempDir dir;
  auto loaded = runner::load_scenario(test::write_json(dir, "security/binding/x.json", steps({sign_in, logout})), dir.path());
  REQUIRE(loaded.steps.size() == 2);
  CHECK(loaded.steps[1].action == runner::StepAction::idp_logout);
  CHECK(loaded.steps[1].redirect_mutators.at(0).id == "redirect.signature_removed");
  CHECK(std::find(loaded.needs.begin(), loaded.needs.end(), "single_logout") != loaded.needs.end());
  CHECK_THAT(load_error(steps({logout})), Contains("/steps/0/action: a sign_in step before"));

  nlohmann::json by_get = {{"action", "sign_in"}, {"binding", "redirect"}, {"expect", {{"outcome", "reject"}}}};
  CHECK(load_error(steps({by_get})).empty());
  by_get["binding"] = "soap";
  CHECK_THAT(load_error(steps({by_get})), Contains("/steps/0/binding"));
  nlohmann::json replay_by_get = {{"action", "replay"}, {"binding", "redirect"}, {"expect", {{"outcome", "reject"}}}};
  CHECK_THAT(load_error(steps({sign_in, replay_by_get})), Contains("/steps/1/binding: no binding choice here"));

  nlohmann::json refresh = {{"action", "refresh_metadata"}, {"mutators", {"signature.removed"}}, {"expect", {{"outcome", "reject"}}}};
  CHECK_THAT(load_error(steps({refresh, sign_in})),
             Contains("/steps/0/mutators/0: a metadata mutator: one of metadata.signature_removed"));
  refresh["mutators"] = {"metadata.signature_removed"};
  refresh["source"] = "ftp";
  CHECK_THAT(load_error(steps({refresh, sign_in})), Contains("/steps/0/source: one of \"document\", \"url\""));
  refresh["source"] = "url";
  refresh["expect"] = {{"outcome", "safe"}};
  CHECK_THAT(load_error(steps({refresh, sign_in})), Contains("/steps/0/expect: accept (the SP took the metadata)"));
  refresh["expect"] = {{"outcome", "reject"}, {"family", "METADATA"}};
  CHECK_THAT(load_error(steps({refresh, replay_by_get})), Contains("/steps/1/action: a sign_in step before"));
  auto fetched = runner::load_scenario(test::write_json(dir, "security/metadata/x.json", steps({refresh, sign_in})), dir.path());
  CHECK(fetched.steps[0].action == runner::StepAction::refresh_metadata);
  CHECK(fetched.steps[0].metadata_source == runner::MetadataSource::url);
  CHECK(runner::changes_sp_trust(fetched));
  CHECK(!runner::changes_sp_trust(loaded));
  for (const char* need : {"metadata_refresh", "canary_reachable"}) {
    CHECK(std::find(fetched.needs.begin(), fetched.needs.end(), need) != fetched.needs.end());
  }

  nlohmann::json probe = {{"name", "bad_padding"}, {"mutators", {"encryption.cbc_oracle_probed"}}};
  nlohmann::json oracle = {{"action", "probe_oracle"}, {"probes", {probe}}, {"expect", {{"outcome", "reject"}}}};
  CHECK_THAT(load_error(steps({oracle})), Contains("/steps/0/probes: an array of two or more"));
  oracle["probes"] = {probe, probe};
  CHECK_THAT(load_error(steps({oracle})), Contains("/steps/0/probes/1/name: a name no other probe"));
  oracle["probes"][1]["name"] = "wrong_key";
  oracle["rounds"] = 0;
  CHECK_THAT(load_error(steps({oracle})), Contains("/steps/0/rounds"));
  oracle["rounds"] = 3;
  oracle["expect"] = {{"outcome", "safe"}};
  CHECK_THAT(load_error(steps({oracle})), Contains("/steps/0/expect: reject (every probe refused alike)"));
  oracle["expect"] = {{"outcome", "reject"}, {"family", "DECRYPT"}};
  auto probed = runner::load_scenario(test::write_json(dir, "security/encryption/x.json", steps({oracle})), dir.path());
  REQUIRE(probed.steps[0].probes.size() == 2);
  CHECK(probed.steps[0].probes[1].name == "wrong_key");
  CHECK(probed.steps[0].rounds == 3);
}

TEST_CASE("a scenario file that is not JSON names the byte offset", "[runner]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "faults");
  REQUIRE(core::write_file_atomic(dir / "faults/broken.json", "{\"id\": "));
  CHECK_THROWS_WITH(runner::load_scenario(dir / "faults/broken.json", dir.path()), Contains("broken.json: byte"));
}

TEST_CASE("flows and needs: listed ones are kept, token encryption and session checks add theirs", "[runner]") {
  test::TempDir dir;
  auto json = valid();
  json["flows"] = {"sp_initiated"};
  json["needs"] = {"idp_metadata_trust"};
  json["idp"]["app"]["token_encryption"] = {{"enabled", true}};
  json["expect"] = {{"outcome", "accept"}, {"session", {{"/email", "alex.wilber@contoso.example"}}}};
  auto scenario = runner::load_scenario(test::write_json(dir, "entra/x.json", json), dir.path());
  CHECK(scenario.flows == std::vector{runner::Flow::sp_initiated});
  CHECK(scenario.needs ==
        std::vector<std::string>{"idp_metadata_trust", "encryption_certificate", "session_attributes"});

  json["idp"]["app"]["token_encryption"]["enabled"] = false;
  json["expect"].erase("session");
  json.erase("needs");
  auto plain = runner::load_scenario(test::write_json(dir, "entra/y.json", json), dir.path());
  CHECK(plain.needs.empty());
}

TEST_CASE("numeric policy conditions compare; a setting the SP does not state satisfies none", "[runner]") {
  test::TempDir dir;
  auto json = valid();
  json["expect"] = {{{"if_policy", {{"clock_skew_seconds", ">=180"}}}, {"outcome", "accept"}}, {{"outcome", "reject"}}};
  auto scenario = runner::load_scenario(test::write_json(dir, "profile/x.json", json), dir.path());
  const auto& step = scenario.steps[0];
  CHECK(runner::expectation_for(step, {{"clock_skew_seconds", "180"}}).outcome == reports::Outcome::accept);
  CHECK(runner::expectation_for(step, {{"clock_skew_seconds", "300"}}).outcome == reports::Outcome::accept);
  CHECK(runner::expectation_for(step, {{"clock_skew_seconds", "179"}}).outcome == reports::Outcome::reject);
  CHECK(runner::expectation_for(step, {{"clock_skew_seconds", "lots"}}).outcome == reports::Outcome::reject);
  CHECK(runner::expectation_for(step, {}).outcome == reports::Outcome::reject);
}

TEST_CASE("variants: one scenario each, merged over the file, named <id>/<name>", "[runner]") {
  test::TempDir dir;
  auto json = valid();
  json["catalogue"] = "AUD-WRONG";
  json["variants"] = {{{"name", "other-sp"}, {"idp", {{"mutators", {{{"id", "audience.wrong"}}}}}}},
                      {{"name", "accepted"}, {"title", "no fault"}, {"idp", {{"mutators", nlohmann::json::array()}}},
                       {"expect", {{"outcome", "accept"}}}}};
  auto scenarios = runner::load_scenario_file(test::write_json(dir, "security/audience/x.json", json), dir.path());
  REQUIRE(scenarios.size() == 2);
  CHECK(scenarios[0].id == "faults/x/other-sp");
  CHECK(scenarios[0].variant == "other-sp");
  CHECK(scenarios[0].catalogue == "AUD-WRONG");
  CHECK(scenarios[0].suite == "security/audience");
  CHECK(scenarios[0].app_overrides["signing"] == "both");  // the file's settings stay
  CHECK(runner::expectation_for(scenarios[0].steps[0], {}).outcome == reports::Outcome::reject);
  CHECK(scenarios[1].title == "a scenario (no fault)");
  CHECK(scenarios[1].mutators.empty());
  CHECK(runner::expectation_for(scenarios[1].steps[0], {}).outcome == reports::Outcome::accept);

  auto with = [&](auto change) {
    auto copy = json;
    change(copy);
    try {
      runner::load_scenario_file(test::write_json(dir, "security/audience/y.json", copy), dir.path());
    } catch (const core::Fatal& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK_THAT(with([](auto& j) { j["variants"][1]["name"] = "other-sp"; }), Contains("/variants/1/name: a name no other"));
  CHECK_THAT(with([](auto& j) { j["variants"][0]["name"] = "Other SP"; }), Contains("/variants/0/name: a variant name"));
  CHECK_THAT(with([](auto& j) { j["variants"] = nlohmann::json::array(); }), Contains("/variants: a non-empty array"));
  CHECK_THAT(with([](auto& j) { j["catalogue"] = "xsw-1"; }), Contains("/catalogue: an attack-catalogue case id"));
  CHECK_THAT(with([](auto& j) { j["expect"] = {{"outcome", "reject"}, {"family", "NOPE"}}; }),
             Contains("/expect/family: reason families"));
  CHECK_THAT(with([](auto& j) { j["expect"] = {{"outcome", "accept"}, {"family", "AUDIENCE"}}; }),
             Contains("/expect/family: a reason only on a rejection"));
}
