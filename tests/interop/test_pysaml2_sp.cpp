// SPDX-License-Identifier: Apache-2.0
// pysaml2 7 (Debian python3-pysaml2) behind tests/interop/pysaml2-sp/sp.py against every bundled
// scenario. The wrapper answers with what pysaml2 did: the SP's own verdict is
// - accepted: the ACS answers 200 (303 to a local RelayState) {"result": "ACCEPT", …} with a new
//   pysaml2_session cookie;
// - rejected: the ACS answers 403 {"result": "REJECT", "error": "<pysaml2's exception>: <its
//   message>"}, and the log has the wrapper's "REJECT <the same>".
// It decrypted an assertion with its own key when the request that accepted that assertion (the
// log's thread) ran xmlsec1 --decrypt with DIR/sp.key, the first of its two keys (the second,
// DIR/sp-next.key, is the rollover's).
#include "interop_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


namespace samlt::test::interop {
namespace {

// pysaml2.log: "2026-12-06 23:16:55,706 DEBUG [Thread-12 (process_request_thread)] saml2.sigver: …"
std::string_view thread_of(std::string_view line) {
  auto open = line.find(" [");
  auto close = open == std::string_view::npos ? open : line.find("] ", open);
  return close == std::string_view::npos ? std::string_view() : line.substr(open + 2, close - open - 2);
}

SpVerdict pysaml2_verdict(const StepContext& context) {
  const Exchange& acs = context.step.visit->acs();
  std::string seen = "ACS answered HTTP " + std::to_string(acs.status);
  const std::string& body = acs.response_body;
  if ((acs.status == 200 || acs.status == 303) && acs.sets_cookie("pysaml2_session") &&
      body.rfind("{\"result\": \"ACCEPT\"", 0) == 0) {
    return {"accept", "", seen + " ACCEPT with a new pysaml2_session cookie"};
  }
  auto json = nlohmann::json::parse(body, nullptr, false);
  // 403: pysaml2 refused the Response; 405: the ACS takes HTTP-POST only (sp.py, as djangosaml2).
  if ((acs.status == 403 || acs.status == 405) && json.is_object() && json.value("result", "") == "REJECT" && json["error"].is_string()) {
    std::string error = json["error"].get<std::string>();
    if (log_lines_with(context.logs, "REJECT " + error).empty()) {
      return {"", "", seen + " REJECT '" + error + "' that the log does not have"};
    }
    return {"reject", tidy(error), seen + " REJECT, also in the log"};
  }
  return {"", "", seen + " with neither ACCEPT and a session cookie nor REJECT"};
}

std::string pysaml2_decrypted(const StepContext& context) {
  const Exchange* probe = context.step.visit->probe();
  auto session = probe ? nlohmann::json::parse(probe->response_body, nullptr, false) : nlohmann::json();
  if (!session.is_object() || !session["assertion_id"].is_string()) {
    return "no assertion_id on the session page";
  }
  auto accepted = log_lines_with(context.logs, "assertion=" + session["assertion_id"].get<std::string>() + " ");
  if (accepted.size() != 1) {
    return "the log has " + std::to_string(accepted.size()) + " ACCEPT lines for assertion " +
           session["assertion_id"].get<std::string>();
  }
  std::string thread = "[" + std::string(thread_of(accepted.front())) + "] ";
  std::string command = "xmlsec command: /usr/bin/xmlsec1 --decrypt --privkey-pem " + (context.sp.dir() / "sp.key").string() + " ";
  for (auto line : log_lines_with(context.logs, command)) {
    if (line.find(thread) != std::string_view::npos) {
      return "";
    }
  }
  return "the request " + thread + "that accepted it ran no xmlsec1 --decrypt with DIR/sp.key";
}

}  // namespace

TEST_CASE("pysaml2 against every bundled scenario: verdicts from its own answers and log", "[interop][pysaml2]") {
  check_interop_suite({"pysaml2-sp", "pysaml2.json", pysaml2_verdict, pysaml2_decrypted});
}

}  // namespace samlt::test::interop
