// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/driver.hpp"

#include "canary.hpp"
#include "judge.hpp"
#include "logout_step.hpp"
#include "metadata_step.hpp"
#include "oracle_step.hpp"
#include "sp_restart.hpp"
#include "saml_messages.hpp"
#include "samlt/idp/issue.hpp"
#include "samlt/reports/report_model.hpp"
#include "samlt/runner/needs.hpp"
#include "step_verdict.hpp"

#include <chrono>

namespace samlt::runner {
namespace {

using Seconds = std::chrono::duration<double>;

// What one step left behind for the next one (a replay posts it again; answer_again issues
// `request` again).
struct Posted {
  std::string acs_url;
  core::FormFields form;
  std::string name_id;  // the identity the IdP issued it to (the attacker's, in attack cases)
  std::string xml;      // the Response, for a delivery other than the POST form
  IssuedSession session;  // what an idp_logout step names
  idp::IssueRequest request;
};

// SP-initiated: the SP's AuthnRequest, exactly as it sent it, becomes the IdP's input.
core::Result<void> start_at_sp(const Scenario& scenario, const Target& target, Browser& browser,
                               idp::IssueRequest& request, reports::ScenarioResult& result, std::size_t step) {
  auto authn = request_sign_in(target, browser, scenario.relay_state);
  if (!authn) {
    return core::fail(authn.error());
  }
  const core::BindingMessage& message = authn->message;
  result.messages.push_back(reports::message_for_report(
      "AuthnRequest (step " + std::to_string(step) + ", " + std::string(core::binding_name(message.binding())) + ")",
      message.xml(), message.xml()));
  request.saml_request = std::move(authn->message);  // decoded once: the IdP does not decode it again
  return {};
}

// The IdP's answer to `request`, recorded in the report.
core::Result<Posted> answer(idp::IssueRequest request, const DriverContext& context, reports::ScenarioResult& result,
                            std::size_t step) {
  auto outcome = idp::issue_response(context.idp, request, context.clock.now());
  if (!outcome) {
    return core::fail(outcome.error());
  }
  if (const auto* refused = std::get_if<idp::AadstsError>(&*outcome)) {
    return core::fail(core::Reason::runner_idp_refused,
                      "the IdP refused the SP's request: AADSTS" + std::to_string(refused->code) + ": " + refused->message);
  }
  auto& issued = std::get<idp::IssuedResponse>(*outcome);
  result.messages.push_back(
      reports::message_for_report("Response (step " + std::to_string(step) + ")", issued.saml_response_base64, issued.xml));
  // Moved, not copied: a BIND-OVERSIZE form is tens of megabytes.
  IssuedSession session{issued.name_id, issued.name_id_format, issued.session_index};
  return Posted{std::move(issued.acs_url), std::move(issued.form), std::move(issued.name_id), std::move(issued.xml),
                std::move(session), std::move(request)};
}

core::Result<Posted> issue(const Scenario& scenario, Flow flow, const DriverContext& context, Browser& browser,
                           const std::string& canary_url, reports::ScenarioResult& result, std::size_t step) {
  idp::IssueRequest request;
  request.canary_url = canary_url;
  request.app_id = context.app_id;
  request.user = scenario.user;
  request.directory_user = scenario.directory_user;
  request.mutators = scenario.mutators;
  request.app_overrides = scenario.app_overrides;
  request.clock_offset_seconds = scenario.clock_offset_seconds;
  if (flow == Flow::sp_initiated) {
    if (auto started = start_at_sp(scenario, context.target, browser, request, result, step); !started) {
      return core::fail(started.error());
    }
  } else {
    request.relay_state = scenario.relay_state;
  }
  return answer(std::move(request), context, result, step);
}

// The Response deflated into the ACS URL's query (saml-bindings §3.4.4), its RelayState kept, the
// query signed with the key that signed the Response unless `signed_query` is false.
core::Result<std::string> redirect_delivery_url(const Posted& posted, bool signed_query, const DriverContext& context) {
  std::optional<std::string> relay_state;
  for (const auto& [name, value] : posted.form) {
    if (name == "RelayState") {
      relay_state = value;
    }
  }
  std::optional<core::RedirectSigner> signer;
  if (signed_query) {
    const idp::App* app = context.idp.find_app(context.app_id);
    auto certificate = app != nullptr ? context.idp.signing_certificate(*app, context.clock.now())
                                      : core::Result<const idp::SigningCertificate*>(
                                            core::fail(core::Reason::internal_error, "no app"));
    if (!certificate) {
      return core::fail(certificate.error());
    }
    signer.emplace(core::RedirectSigner{(*certificate)->credential.key, core::SignatureAlgorithm::rsa_sha256});
  }
  auto query = core::encode_redirect(core::MessageParameter::saml_response, posted.xml, relay_state,
                                     signer ? &*signer : nullptr, core::HexCase::lower);
  if (!query) {
    return core::fail(query.error());
  }
  return core::redirect_url(posted.acs_url, *query);
}

// `seconds` (optional): how long the SP took to answer the ACS request itself.
core::Result<Judgement> post(const Posted& posted, const DriverContext& context, Browser& browser,
                             Delivery delivery = Delivery::post, HttpResponse* acs_answer = nullptr,
                             double* seconds = nullptr) {
  const auto& signals = context.target.signals;
  auto before = signals.session_cookie ? browser.cookie(*signals.session_cookie) : std::nullopt;
  reports::NamedValues headers;
  if (context.target.json_verdict) {
    headers.emplace_back("Accept", "application/json");
  }
  core::Result<HttpResponse> answer = core::fail(core::Reason::internal_error, "not sent");
  auto sent = std::chrono::steady_clock::now();
  if (delivery == Delivery::post) {
    answer = browser.post_form(posted.acs_url, posted.form, headers, "POST SAMLResponse to ACS");
  } else {
    auto url = redirect_delivery_url(posted, delivery == Delivery::redirect, context);
    if (!url) {
      return core::fail(url.error());
    }
    answer = browser.get(*url, headers, "GET SAMLResponse at ACS (HTTP-Redirect)");
  }
  if (!answer) {
    return core::fail(answer.error());
  }
  if (seconds != nullptr) {
    *seconds = Seconds(std::chrono::steady_clock::now() - sent).count();
  }
  if (acs_answer != nullptr) {
    *acs_answer = *answer;
  }
  return judge_acs_answer(context.target, browser, *answer, before);
}

void append_exchanges(reports::ScenarioResult& result, const Browser& browser) {
  result.exchanges.insert(result.exchanges.end(), browser.exchanges().begin(), browser.exchanges().end());
}

// One probe of a probe_oracle step: a fresh browser, the whole flow, the scenario's mutators then
// the probe's. Later rounds keep their messages and exchanges out of the report.
core::Result<ProbeAnswer> send_probe(const Scenario& scenario, Flow flow, const DriverContext& context,
                                     const std::vector<idp::MutatorUse>& extra, bool first_round,
                                     reports::ScenarioResult& result, std::size_t step) {
  Scenario probe = scenario;
  probe.mutators.insert(probe.mutators.end(), extra.begin(), extra.end());
  reports::ScenarioResult scratch;
  reports::ScenarioResult& record = first_round ? result : scratch;
  Browser browser(context.http_timeout_seconds, context.target.tls);
  auto posted = issue(probe, flow, context, browser, std::string(), record, step);
  if (!posted) {
    return core::fail(posted.error());
  }
  ProbeAnswer out;
  auto judged = post(*posted, context, browser, Delivery::post, &out.acs_answer, &out.seconds);
  append_exchanges(record, browser);
  if (!judged) {
    return core::fail(judged.error());
  }
  out.judged = std::move(*judged);
  return out;
}

reports::ScenarioResult start_result(const PlannedRun& run) {
  const Scenario& scenario = *run.scenario;
  reports::ScenarioResult result;
  result.id = run.result_id;
  result.scenario_id = scenario.id;
  result.flow = std::string(flow_name(run.flow));
  result.title = scenario.title;
  result.file = scenario.file.string();
  result.suite = scenario.suite;
  result.tags = scenario.tags;
  result.spec_ref = !scenario.spec_ref.empty() ? scenario.spec_ref : "seed " + scenario.seed;
  result.catalogue = scenario.catalogue;
  for (const auto& use : scenario.mutators) {
    result.mutators.push_back(use.id);
  }
  return result;
}

reports::ScenarioResult skipped(const PlannedRun& run) {
  reports::ScenarioResult result = start_result(run);
  const Need* need = find_need(*run.unmet_need);
  result.status = reports::Status::skipped;
  result.code = std::string(step_code::need_prefix) + *run.unmet_need;
  result.message = "needs " + *run.unmet_need + ": " + std::string(need != nullptr ? need->remedy : "");
  result.observed.outcome = reports::Outcome::none;
  return result;
}

}  // namespace

reports::ScenarioResult run_planned(const PlannedRun& run, const DriverContext& context) {
  if (run.unmet_need) {
    return skipped(run);
  }
  const Scenario& scenario = *run.scenario;
  auto started = std::chrono::steady_clock::now();
  reports::ScenarioResult result = start_result(run);
  Browser browser(context.http_timeout_seconds, context.target.tls);
  std::optional<Posted> last;
  std::string canary_url = context.canary != nullptr ? context.canary->new_url() : std::string();
  // The attacker, in attack cases.
  const idp::User* signed_in =
      scenario.directory_user ? &*scenario.directory_user : context.idp.find_user(scenario.user);
  try {
    for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
      const Step& step = scenario.steps[i];
      auto step_started = std::chrono::steady_clock::now();
      reports::StepResult outcome;
      outcome.name = std::string(step_action_id(step.action)) + " (step " + std::to_string(i + 1) + ")";
      const Expectation expected = expectation_in_flow(step, run.flow, context.policy);
      outcome.expected = {expected.outcome, expected.reason, expected.family, expected.grade};
      core::Result<Judgement> judged = core::fail(core::Reason::internal_error, "step did not run");
      std::string distinguishable;  // probe_oracle
      if (step.action == StepAction::sign_in) {
        auto posted = issue(scenario, run.flow, context, browser, canary_url, result, i + 1);
        judged = posted ? post(*posted, context, browser, step.delivery)
                        : core::Result<Judgement>(core::fail(posted.error()));
        if (posted) {
          last = std::move(*posted);
        }
      } else if (step.action == StepAction::answer_again) {
        // The same AuthnRequest answered once more: every ID and the signature are new, only
        // InResponseTo repeats (REQUIRES: scenario.cpp allows it only after a sign_in).
        auto posted = answer(last->request, context, result, i + 1);
        judged = posted ? post(*posted, context, browser) : core::Result<Judgement>(core::fail(posted.error()));
        if (posted) {
          last = std::move(*posted);
        }
      } else if (step.action == StepAction::idp_logout) {
        judged = run_idp_logout(step, last->session, context, browser, result, i + 1);
      } else if (step.action == StepAction::probe_oracle) {
        auto oracle = run_probe_oracle(step, [&](const std::vector<idp::MutatorUse>& extra, bool first_round) {
          return send_probe(scenario, run.flow, context, extra, first_round, result, i + 1);
        });
        judged = oracle ? core::Result<Judgement>(oracle->judged) : core::Result<Judgement>(core::fail(oracle.error()));
        distinguishable = oracle ? oracle->distinguishable : std::string();
      } else if (step.action == StepAction::refresh_metadata) {
        judged = run_refresh_metadata(step, context, canary_url, result, i + 1);
      } else {  // replay, after restarting the SP when the step says so
        auto restarted = step.after_sp_restart ? restart_sp(context.target) : core::Result<void>();
        if (!restarted) {
          judged = core::fail(restarted.error());
        } else if (step.same_browser) {
          judged = post(*last, context, browser);
        } else {
          Browser attacker(context.http_timeout_seconds, context.target.tls);  // a captured response, posted from elsewhere
          judged = post(*last, context, attacker);
          append_exchanges(result, attacker);
        }
      }
      if (judged) {
        outcome.observed = judged->observed;
        StepFacts facts{last ? last->name_id : std::string(), signed_in != nullptr ? signed_in->mail : std::string(),
                        canary_url.empty() ? 0 : context.canary->hits(canary_url), distinguishable};
        judge_step(expected, *judged, context.target, facts, outcome);
      } else {
        // An SP that takes a message and then hangs, or answers with broken HTTP, has failed the
        // step (a denial of service, for the attack cases); only not getting the request to the SP
        // or the IdP is the run's own error.
        auto reason = judged.error().reason;
        bool sp_failed = reason == core::Reason::runner_answer_timeout || reason == core::Reason::runner_answer_unreadable;
        outcome.status = sp_failed ? reports::Status::failed : reports::Status::error;
        outcome.code = reason == core::Reason::runner_answer_timeout      ? step_code::answer_timeout
                       : reason == core::Reason::runner_answer_unreadable ? step_code::answer_unreadable
                                                                           : step_code::run_error;
        outcome.message = std::string(core::id(reason)) + ": " + judged.error().detail;
      }
      outcome.duration_seconds = Seconds(std::chrono::steady_clock::now() - step_started).count();
      result.steps.push_back(std::move(outcome));
      if (result.steps.back().status == reports::Status::error) {
        break;  // later steps depend on this one
      }
    }
  } catch (const std::exception& e) {
    reports::StepResult broken;
    broken.name = "internal";
    broken.status = reports::Status::error;
    broken.code = step_code::run_error;
    broken.message = std::string("internal error: ") + e.what();
    result.steps.push_back(std::move(broken));
  }
  append_exchanges(result, browser);
  if (changes_sp_trust(scenario)) {
    auto restored = restore_metadata(context, result);
    if (!restored) {
      reports::StepResult broken;
      broken.name = "restore IdP metadata";
      broken.status = reports::Status::error;
      broken.code = step_code::run_error;
      broken.message = std::string(core::id(restored.error().reason)) + ": " + restored.error().detail +
                       "; the SP may still hold this scenario's metadata";
      result.steps.push_back(std::move(broken));
    }
  }
  summarize_steps(result);
  result.duration_seconds = Seconds(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace samlt::runner
