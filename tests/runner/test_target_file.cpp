// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/target.hpp"

#include "samlt/core/result.hpp"

#include "runner_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

nlohmann::json valid() {
  return {{"name", "sp"},
          {"entity_id", "urn:sp"},
          {"acs_url", "http://127.0.0.1:1/acs"},
          {"login_url", "http://127.0.0.1:1/login"},
          {"idp", {{"config", "idp.json"}, {"app_id", test::k_default_app_id}}},
          {"signals", {{"session_cookie", "s"}, {"reject_body", {"(?i)error"}}}},
          {"policy", {{"clock_skew_seconds", 180}}}};
}

std::string load_error(const nlohmann::json& json) {
  test::TempDir dir;
  try {
    runner::load_target(test::write_json(dir, "target.json", json));
  } catch (const core::Fatal& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a valid target file loads; paths are relative to it", "[runner]") {
  test::TempDir dir;
  auto target = runner::load_target(test::write_json(dir, "t/target.json", valid()));
  CHECK(target.idp_config == dir / "t/idp.json");
  CHECK(target.signals.session_cookie == "s");
  CHECK(target.signals.reject_status == std::vector<int>{400, 401, 403, 500});
  CHECK(target.policy.at("clock_skew_seconds") == "180");
}

TEST_CASE("a target needs no app id, and may signal acceptance by its body alone", "[runner]") {
  test::TempDir dir;
  auto json = valid();
  json["idp"] = {{"config", "idp.json"}, {"app", {{"signing", "both"}}}};
  json["signals"] = {{"accept_status", {200}}, {"accept_body", "\"result\":\"ACCEPT\""}};
  json["capabilities"] = {"idp_metadata_trust"};
  json["reason_pattern"] = "\"error\":\"([^\"]*)\"";
  json["encryption_certificate"] = "sp.pem";
  auto target = runner::load_target(test::write_json(dir, "target.json", json));
  CHECK(target.idp_app_id.empty());
  CHECK(target.idp_app["signing"] == "both");
  CHECK(target.signals.accept_body == "\"result\":\"ACCEPT\"");
  CHECK_FALSE(target.signals.session_cookie);
  CHECK(target.declared_capabilities == runner::Capabilities{"idp_metadata_trust"});
  CHECK(target.encryption_certificate == dir / "sp.pem");
  CHECK(target.reason_pattern);
}

TEST_CASE("a session page of another shape is read through its field map", "[runner]") {
  runner::SessionProbe probe;
  probe.json = true;
  probe.fields = {{"/email", "/user/mail"}, {"/name_id", "/subject/id"}, {"/attributes", "/claims"}};
  auto page = nlohmann::json{{"user", {{"mail", "a@x"}}}, {"subject", {{"id", "n1"}}}, {"claims", {{"role", {"admin"}}}}};
  auto portable = runner::portable_session(probe, page);
  CHECK(portable["email"] == "a@x");
  CHECK(portable["name_id"] == "n1");
  CHECK(portable["attributes"]["role"][0] == "admin");
  CHECK(portable["user"]["mail"] == "a@x");  // the page's own fields stay readable
}

TEST_CASE("bad target files name the pointer and the expectation", "[runner]") {
  auto with = [](auto change) {
    auto json = valid();
    change(json);
    return load_error(json);
  };
  CHECK_THAT(with([](auto& j) { j["acs"] = "x"; }), Contains("target.json: /acs: no such key here"));
  CHECK_THAT(with([](auto& j) { j["acs_url"] = "ftp://x"; }), Contains("/acs_url: an absolute http://"));
  CHECK_THAT(with([](auto& j) { j.erase("entity_id"); }), Contains("/entity_id: entity_id and acs_url, or SP metadata"));
  CHECK_THAT(with([](auto& j) { j.erase("idp"); }), Contains("/idp: {"));
  CHECK_THAT(with([](auto& j) { j["idp"]["app"] = {{"signing", "both"}}; }), Contains("/idp/app: an object"));
  CHECK_THAT(with([](auto& j) { j["capabilities"] = {"sp_initiated_login"}; }),
             Contains("/capabilities/0: a capability only the target can declare (idp_metadata_trust, second_idp_trust)"));
  CHECK_THAT(with([](auto& j) { j["capabilities"] = {"telepathy"}; }), Contains("/capabilities/0:"));
  CHECK_THAT(with([](auto& j) { j["reason_pattern"] = "no group"; }),
             Contains("/reason_pattern: a regular expression with exactly one capture group"));
  CHECK_THAT(with([](auto& j) { j["reason_pattern"] = "(a)(b)"; }), Contains("/reason_pattern: a regular"));
  CHECK_THAT(with([](auto& j) { j["restart"] = {{"command", nlohmann::json::array()}}; }),
             Contains("/restart/command: the restart command as a non-empty array of strings"));
  CHECK_THAT(with([](auto& j) { j["restart"] = {{"command", {"x"}}, {"timeout_seconds", 0}}; }),
             Contains("/restart/timeout_seconds"));
  CHECK_THAT(with([](auto& j) { j["metadata_refresh"] = {{"url", "file:///x"}}; }),
             Contains("/metadata_refresh/url: an absolute http://"));
  CHECK_THAT(with([](auto& j) { j["metadata_refresh"] = {{"url", "http://x/"}, {"fields", {{"name", 1}}}}; }),
             Contains("/metadata_refresh/fields/name: a string"));
  CHECK_THAT(with([](auto& j) {
               j["metadata_refresh"] = {{"url", "http://x/"},
                                        {"csrf", {{"page", "http://x/admin"}, {"pattern", "csrf=[a-f]+"}, {"field", "csrf"}}}};
             }),
             Contains("/metadata_refresh/csrf/pattern: a regular expression with exactly one capture group"));
  CHECK_THAT(with([](auto& j) { j["metadata_refresh"] = {{"url", "http://x/"}, {"login", {{"fields", {}}}}}; }),
             Contains("/metadata_refresh/login/url"));
  CHECK_THAT(with([](auto& j) {
               j["signals"]["session_probe"] = {{"url", "http://x/"}, {"json", true}, {"fields", {{"email", "/mail"}}}};
             }),
             Contains("/signals/session_probe/fields/email: a JSON pointer"));
  CHECK_THAT(with([](auto& j) {
               j["signals"]["session_probe"] = {{"url", "http://x/"}, {"fields", {{"/email", "/mail"}}}};
             }),
             Contains("/signals/session_probe/fields: an object of JSON pointers"));
  CHECK_THAT(with([](auto& j) { j["policy"]["clock_skew"] = 5; }),
             Contains("/policy/clock_skew: a policy setting of `idp_sim run --list-policies`"));
  CHECK_THAT(with([](auto& j) { j["policy"]["clock_skew_seconds"] = ">=5"; }), Contains("/policy/clock_skew_seconds:"));
  CHECK_THAT(with([](auto& j) { j["policy"]["allow_unsolicited"] = "sometimes"; }),
             Contains("/policy/allow_unsolicited: true or false"));
  CHECK_THAT(with([](auto& j) { j["signals"] = {{"reject_status", {200}}}; }),
             Contains("/signals: at least one acceptance signal"));
  CHECK_THAT(with([](auto& j) { j["signals"]["reject_status"] = {99}; }), Contains("/signals/reject_status/0: an HTTP status"));
  CHECK_THAT(with([](auto& j) { j["signals"]["reject_body"] = {"(unclosed"}; }),
             Contains("/signals/reject_body/0: a valid regular expression"));
  CHECK_THAT(with([](auto& j) { j["signals"]["session_probe"] = {{"url", "http://x/"}, {"sttaus", 1}}; }),
             Contains("/signals/session_probe/sttaus: no such key"));
}
