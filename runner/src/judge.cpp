// SPDX-License-Identifier: Apache-2.0
#include "judge.hpp"

#include <algorithm>
#include <regex>

namespace samlt::runner {
namespace {

bool contains(const std::vector<int>& list, int value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<std::string> reject_body_match(const Signals& signals, const std::vector<HttpResponse>& pages) {
  for (const auto& pattern : signals.reject_body) {
    std::regex re = make_pattern(pattern);
    for (const auto& page : pages) {
      if (std::regex_search(page.body, re)) {
        return "page " + page.url + " matches reject pattern /" + pattern + "/";
      }
    }
  }
  return std::nullopt;
}

// The reference SP's verdict: {"outcome", "reason", "step", "request_id"}.
void read_json_verdict(const HttpResponse& answer, reports::Observation& observed, std::string& notes) {
  auto type = answer.header("Content-Type").value_or("");
  if (type.find("json") == std::string::npos) {
    return;
  }
  auto verdict = nlohmann::json::parse(answer.body, nullptr, false);
  if (!verdict.is_object()) {
    notes += "; the JSON verdict does not parse";
    return;
  }
  if (verdict.contains("reason") && verdict["reason"].is_string()) {
    observed.reason = verdict["reason"].get<std::string>();
  }
  if (verdict.contains("step") && verdict["step"].is_string()) {
    observed.validation_step = verdict["step"].get<std::string>();
  }
  if (verdict.contains("outcome") && verdict["outcome"].is_string()) {
    notes += "; SP verdict " + verdict["outcome"].get<std::string>();
  }
  if (verdict.contains("request_id") && verdict["request_id"].is_string()) {
    notes += " (request " + verdict["request_id"].get<std::string>() + ")";
  }
}

}  // namespace

core::Result<Judgement> judge_acs_answer(const Target& target, Browser& browser, const HttpResponse& answer,
                                         const std::optional<std::string>& session_cookie_before) {
  const Signals& signals = target.signals;
  Judgement judgement;
  reports::Observation& observed = judgement.observed;
  observed.http_status = answer.status;
  std::string notes = "HTTP " + std::to_string(answer.status);
  read_json_verdict(answer, observed, notes);

  auto pages = browser.follow(answer);
  if (!pages) {
    return core::fail(pages.error());
  }
  judgement.final_url = pages->back().url;
  if (pages->size() > 1) {
    notes += " -> " + judgement.final_url + " (HTTP " + std::to_string(pages->back().status) + ")";
  }
  std::optional<std::string> rejected_by;
  if (auto match = reject_body_match(signals, *pages)) {
    rejected_by = *match;
  } else if (contains(signals.reject_status, answer.status) || contains(signals.reject_status, pages->back().status)) {
    rejected_by = "reject status";
  } else if (!contains(signals.accept_status, answer.status)) {
    rejected_by = "HTTP " + std::to_string(answer.status) + " is not an accept status";
  } else if (signals.accept_location) {
    auto location = answer.location().value_or("");
    if (!std::regex_search(location, make_pattern(*signals.accept_location))) {
      rejected_by = "Location '" + location + "' does not match /" + *signals.accept_location + "/";
    }
  }
  bool session = true;
  if (signals.session_cookie) {
    auto now = browser.cookie(*signals.session_cookie);
    bool fresh = now && now != session_cookie_before;
    session = session && fresh;
    notes += fresh ? "; session cookie set" : "; no new session cookie";
  }
  if (signals.session_probe) {
    const auto& probe = *signals.session_probe;
    reports::NamedValues headers;
    if (probe.json) {
      headers.emplace_back("Accept", "application/json");
    }
    auto page = browser.get(probe.url, headers, "session probe");
    if (!page) {
      return core::fail(page.error());
    }
    bool reached = page->status == probe.status;
    session = session && reached;
    notes += "; " + probe.url + " answered " + std::to_string(page->status);
    if (reached && probe.json) {
      auto json = nlohmann::json::parse(page->body, nullptr, false);
      if (!json.is_discarded()) {
        judgement.session_page = std::move(json);
      }
    }
  }
  if (rejected_by) {
    notes += "; " + *rejected_by;
  }
  observed.outcome = (!rejected_by && session) ? reports::Outcome::accept : reports::Outcome::reject;
  if (rejected_by && session && (signals.session_cookie || signals.session_probe)) {
    // An error page while a session exists is still a session: report it as accepted.
    observed.outcome = reports::Outcome::accept;
    notes += "; but a session exists, so the SP accepted";
  }
  observed.detail = notes;
  return judgement;
}

}  // namespace samlt::runner
