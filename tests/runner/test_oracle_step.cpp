// SPDX-License-Identifier: Apache-2.0
// The probe_oracle step's comparison (ORACLE-UNIFORM): probes answered alike pass, and a status,
// header, body, reason or timing that tells them apart is named.
#include "oracle_step.hpp"

#include <catch2/catch.hpp>

#include <cstdio>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

runner::Step oracle_step() {
  runner::Step step;
  step.action = runner::StepAction::probe_oracle;
  step.rounds = 3;
  for (const char* name : {"bad_padding", "bad_utf8", "wrong_key"}) {
    step.probes.push_back({name, {{"encryption.cbc_oracle_probed", {{"probe", name}}}}});
  }
  return step;
}

// The SP's answer to a probe; `vary` edits it for one probe.
runner::ProbeAnswer rejected(const std::string& request_id) {
  runner::ProbeAnswer answer;
  answer.acs_answer.status = 403;
  answer.acs_answer.headers = {{"Content-Type", "application/json"},
                               {"Date", "Mon, 07 Dec 2026 10:00:0" + request_id.substr(0, 1) + " GMT"},
                               {"Set-Cookie", "trace=" + request_id + "; Path=/"}};
  answer.acs_answer.body = R"({"outcome":"reject","reason":"encryption.decrypt_failed","request_id":")" + request_id +
                           R"(","at":"2026-12-07T10:00:00.123Z"})";
  answer.seconds = 0.004;
  answer.judged.observed.outcome = reports::Outcome::reject;
  answer.judged.observed.reason = "encryption.decrypt_failed";
  return answer;
}

runner::OracleJudgement probe_with(const std::function<void(const std::string& probe, runner::ProbeAnswer&)>& vary,
                                   int* sent = nullptr) {
  int count = 0;
  auto judged = runner::run_probe_oracle(oracle_step(), [&](const std::vector<idp::MutatorUse>& extra, bool) {
    char id[40];
    std::snprintf(id, sizeof id, "%08x-3b9a-4d8e-9f00-5d1b7a2e4c6f", 0x1000 + count);  // a request id each
    auto answer = rejected(id);
    ++count;
    vary(extra.at(0).params.at("probe").get<std::string>(), answer);
    return core::Result<runner::ProbeAnswer>(answer);
  });
  if (sent != nullptr) {
    *sent = count;
  }
  REQUIRE(judged);
  return *judged;
}

}  // namespace

TEST_CASE("probes answered alike, per-request identifiers aside, cannot be told apart", "[runner][oracle]") {
  int sent = 0;
  auto judged = probe_with([](const std::string&, runner::ProbeAnswer&) {}, &sent);
  CHECK(sent == 9);  // 3 probes × 3 rounds
  CHECK(judged.distinguishable.empty());
  CHECK(judged.judged.observed.outcome == reports::Outcome::reject);
  CHECK_THAT(judged.judged.observed.detail, Contains("3 probes × 3 rounds × 1 series, median answer times bad_padding 4 ms"));
}

TEST_CASE("a status, header, body, reason or answer time that differs tells the probes apart", "[runner][oracle]") {
  auto status = probe_with([](const std::string& probe, runner::ProbeAnswer& a) {
    a.acs_answer.status = probe == "bad_padding" ? 500 : 403;
  });
  CHECK_THAT(status.distinguishable, Contains("status (500 and 403): bad_padding and bad_utf8 differ"));
  auto header = probe_with([](const std::string& probe, runner::ProbeAnswer& a) {
    if (probe == "wrong_key") {
      a.acs_answer.headers.emplace_back("X-Error", "PaddingException");
    }
  });
  CHECK_THAT(header.distinguishable, Contains("headers: bad_padding and wrong_key differ"));
  auto body = probe_with([](const std::string& probe, runner::ProbeAnswer& a) {
    if (probe == "bad_utf8") {
      a.acs_answer.body += "invalid byte sequence";
    }
  });
  CHECK_THAT(body.distinguishable, Contains("body: bad_padding and bad_utf8 differ"));
  auto reason = probe_with([](const std::string& probe, runner::ProbeAnswer& a) {
    if (probe == "bad_utf8") {
      a.judged.observed.reason = "xml.malformed";
    }
  });
  CHECK_THAT(reason.distinguishable, Contains("reason (encryption.decrypt_failed and xml.malformed)"));
  int sent = 0;
  auto timing = probe_with(
      [](const std::string& probe, runner::ProbeAnswer& a) { a.seconds = probe == "wrong_key" ? 0.030 : 0.004; },
      &sent);
  CHECK(sent == 18);  // the gap is measured again in a second series
  CHECK_THAT(timing.distinguishable, Contains("timing: fastest answer times bad_padding 4 ms, bad_utf8 4 ms, wrong_key "
                                              "30 ms, and again bad_padding 4 ms, bad_utf8 4 ms, wrong_key 30 ms"));
  CHECK_THAT(timing.judged.observed.detail, Contains("3 probes × 3 rounds × 2 series"));
  auto noise = probe_with([](const std::string& probe, runner::ProbeAnswer& a) {
    a.seconds = probe == "wrong_key" ? 0.009 : 0.004;  // within 10 ms: noise
  });
  CHECK(noise.distinguishable.empty());
}

TEST_CASE("a slow spell of the machine is not an oracle", "[runner][oracle]") {
  // One probe's answers slow in the first series only, and one slow answer in each series: a busy
  // machine, not an SP that decrypts further.
  int answer = 0;
  int sent = 0;
  auto spell = probe_with(
      [&](const std::string& probe, runner::ProbeAnswer& a) {
        ++answer;
        a.seconds = (probe == "bad_utf8" && answer <= 9) || answer % 9 == 4 ? 0.080 : 0.004;
      },
      &sent);
  CHECK(sent == 18);
  CHECK(spell.distinguishable.empty());
  CHECK_THAT(spell.judged.observed.detail, Contains("× 2 series"));
  auto one_slow = probe_with([&](const std::string&, runner::ProbeAnswer& a) {
    a.seconds = ++answer % 9 == 2 ? 0.200 : 0.004;
  });
  CHECK(one_slow.distinguishable.empty());
  CHECK_THAT(one_slow.judged.observed.detail, Contains("× 1 series"));
}

TEST_CASE("an accepted probe is the step's observation", "[runner][oracle]") {
  auto judged = probe_with([](const std::string& probe, runner::ProbeAnswer& a) {
    if (probe == "bad_utf8") {
      a.judged.observed.outcome = reports::Outcome::accept;
      a.judged.observed.reason.reset();
    }
  });
  CHECK(judged.judged.observed.outcome == reports::Outcome::accept);
}

TEST_CASE("request identifiers are masked, words are not", "[runner][oracle]") {
  CHECK(runner::without_request_identifiers(
            R"({"request_id":"7fd8eae0-0c3b-4488-b7b4-40ff85ba9356","id":"_a1b2c3d4e5f60718293a","t":"2026-12-07T10:00:00Z"})") ==
        R"({"request_id":"<guid>","id":"<id>","t":"<instant>"})");
  CHECK(runner::without_request_identifiers(R"(<pre id="trackid">1f91a9c92a</pre>)") == R"(<pre id="trackid"><hex></pre>)");
  CHECK(runner::without_request_identifiers("Decryption failed: bad padding, deadbeefcafe") ==
        "Decryption failed: bad padding, deadbeefcafe");
  // Shibboleth's error page: the time, colons as character references, changes with the second.
  CHECK(runner::without_request_identifiers("an error at Tue Dec  8 01&#58;57&#58;51 2026</p>") ==
        "an error at Tue Dec  8 <time> 2026</p>");
  CHECK(runner::without_request_identifiers("at 23:59:59 and 00&#x3a;00&#x3A;00") == "at <time> and <time>");
}
