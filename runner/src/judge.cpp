// SPDX-License-Identifier: Apache-2.0
#include "judge.hpp"

#include "sp_reason.hpp"

#include <algorithm>
#include <regex>

namespace samlt::runner {
namespace {

bool contains(const std::vector<int>& list, int value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

struct Rejection {
  const char* signal;
  std::string why;
};

std::optional<Rejection> reject_body_match(const Signals& signals, const std::vector<HttpResponse>& pages) {
  for (const auto& pattern : signals.reject_body) {
    std::regex re = make_pattern(pattern);
    for (const auto& page : pages) {
      if (std::regex_search(page.body, re)) {
        return Rejection{signal::reject_body, "page " + page.url + " matches reject pattern /" + pattern + "/"};
      }
    }
  }
  return std::nullopt;
}

// The reject signals, strongest first; nullopt when none fires.
std::optional<Rejection> rejection(const Signals& signals, const HttpResponse& answer,
                                   const std::vector<HttpResponse>& pages) {
  if (auto match = reject_body_match(signals, pages)) {
    return match;
  }
  if (contains(signals.reject_status, answer.status) || contains(signals.reject_status, pages.back().status)) {
    return Rejection{signal::reject_status, "reject status"};
  }
  if (!contains(signals.accept_status, answer.status)) {
    return Rejection{signal::status_not_accepted, "HTTP " + std::to_string(answer.status) + " is not an accept status"};
  }
  if (signals.accept_location) {
    auto location = answer.location().value_or("");
    if (!std::regex_search(location, make_pattern(*signals.accept_location))) {
      return Rejection{signal::location_mismatch,
                       "Location '" + location + "' does not match /" + *signals.accept_location + "/"};
    }
  }
  if (signals.accept_body && !std::regex_search(pages.back().body, make_pattern(*signals.accept_body))) {
    return Rejection{signal::body_mismatch, "the answer does not match accept_body /" + *signals.accept_body + "/"};
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

// The session probe's page, asked for as JSON when the probe answers JSON.
core::Result<HttpResponse> ask_session_probe(const SessionProbe& probe, Browser& browser) {
  reports::NamedValues headers;
  if (probe.json) {
    headers.emplace_back("Accept", "application/json");
  }
  return browser.get(probe.url, headers, "session probe");
}

// A JSON error body's reason id: {"reason": id} or {"error": {"id": id}} (the reference SP's).
std::optional<std::string> json_error_reason(const HttpResponse& answer) {
  if (answer.header("Content-Type").value_or("").find("json") == std::string::npos) {
    return std::nullopt;
  }
  auto body = nlohmann::json::parse(answer.body, nullptr, false);
  if (!body.is_object()) {
    return std::nullopt;
  }
  if (body.contains("reason") && body["reason"].is_string()) {
    return body["reason"].get<std::string>();
  }
  if (body.contains("error") && body["error"].is_object() && body["error"].contains("id") &&
      body["error"]["id"].is_string()) {
    return body["error"]["id"].get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

core::Result<Judgement> judge_logout_answer(const Target& target, Browser& browser, const HttpResponse& answer) {
  Judgement judgement;
  reports::Observation& observed = judgement.observed;
  observed.http_status = answer.status;
  judgement.final_url = answer.url;
  if (target.json_verdict) {
    observed.reason = json_error_reason(answer);
  }
  const SessionProbe& probe = *target.signals.session_probe;
  auto page = ask_session_probe(probe, browser);
  if (!page) {
    return core::fail(page.error());
  }
  bool kept = page->status == probe.status;
  observed.outcome = kept ? reports::Outcome::reject : reports::Outcome::accept;
  observed.signal = kept ? signal::session_kept : signal::session_ended;
  if (kept) {
    observed.sp_reason = observed.reason ? observed.reason : find_sp_reason(target, {answer});
  } else {
    observed.reason.reset();  // an error id beside an ended session is no rejection reason
  }
  observed.detail = "HTTP " + std::to_string(answer.status) + "; " + probe.url + " answered " +
                    std::to_string(page->status) + (kept ? ": the session survived" : ": the session ended");
  return judgement;
}

Judgement judge_metadata_answer(const Target& target, const HttpResponse& answer) {
  Judgement judgement;
  reports::Observation& observed = judgement.observed;
  observed.http_status = answer.status;
  judgement.final_url = answer.url;
  bool taken = answer.status >= 200 && answer.status < 400;
  observed.outcome = taken ? reports::Outcome::accept : reports::Outcome::reject;
  observed.signal = taken ? signal::metadata_taken : signal::metadata_refused;
  if (!taken) {
    observed.reason = json_error_reason(answer);
    observed.sp_reason = observed.reason ? observed.reason : find_sp_reason(target, {answer});
  }
  observed.detail = "HTTP " + std::to_string(answer.status) +
                    (taken ? ": the SP took the metadata" : ": the SP refused the metadata");
  return judgement;
}

core::Result<Judgement> judge_acs_answer(const Target& target, Browser& browser, const HttpResponse& answer,
                                         const std::optional<std::string>& session_cookie_before, JudgeDepth depth) {
  const Signals& signals = target.signals;
  Judgement judgement;
  reports::Observation& observed = judgement.observed;
  observed.http_status = answer.status;
  std::string notes = "HTTP " + std::to_string(answer.status);
  if (target.json_verdict) {
    read_json_verdict(answer, observed, notes);
  }

  auto pages = depth == JudgeDepth::full ? browser.follow(answer)
                                          : core::Result<std::vector<HttpResponse>>(std::vector<HttpResponse>{answer});
  if (!pages) {
    return core::fail(pages.error());
  }
  judgement.final_url = pages->back().url;
  if (pages->size() > 1) {
    notes += " -> " + judgement.final_url + " (HTTP " + std::to_string(pages->back().status) + ")";
  }
  auto rejected_by = rejection(signals, answer, *pages);
  bool session = true;
  const char* missing_session = nullptr;
  if (signals.session_cookie) {
    auto now = browser.cookie(*signals.session_cookie);
    bool fresh = now && now != session_cookie_before;
    session = session && fresh;
    missing_session = fresh ? missing_session : signal::no_session_cookie;
    notes += fresh ? "; session cookie set" : "; no new session cookie";
  }
  if (signals.session_probe && depth == JudgeDepth::full) {
    const auto& probe = *signals.session_probe;
    auto page = ask_session_probe(probe, browser);
    if (!page) {
      return core::fail(page.error());
    }
    bool reached = page->status == probe.status;
    session = session && reached;
    missing_session = reached || missing_session ? missing_session : signal::session_probe_failed;
    notes += "; " + probe.url + " answered " + std::to_string(page->status);
    if (reached && probe.json) {
      auto json = nlohmann::json::parse(page->body, nullptr, false);
      if (!json.is_discarded()) {
        judgement.session_page = portable_session(probe, json);
      }
    }
  }
  if (rejected_by) {
    notes += "; " + rejected_by->why;
  }
  bool has_session_signals = signals.session_cookie || signals.session_probe;
  if (!rejected_by && session) {
    observed.outcome = reports::Outcome::accept;
    observed.signal = signal::accepted;
  } else if (rejected_by && session && has_session_signals) {
    // An error page while a session exists is still a session: report it as accepted.
    observed.outcome = reports::Outcome::accept;
    observed.signal = signal::session_despite_error;
    notes += "; but a session exists, so the SP accepted";
  } else {
    observed.outcome = reports::Outcome::reject;
    observed.signal = rejected_by ? rejected_by->signal : missing_session;
  }
  if (observed.outcome == reports::Outcome::reject) {
    observed.sp_reason = observed.reason ? observed.reason : find_sp_reason(target, *pages);
  }
  observed.detail = notes;
  return judgement;
}

}  // namespace samlt::runner
