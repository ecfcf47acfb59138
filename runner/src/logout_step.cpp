// SPDX-License-Identifier: Apache-2.0
#include "logout_step.hpp"

#include "samlt/idp/idp_logout.hpp"
#include "samlt/idp/redirect_mutators.hpp"

namespace samlt::runner {

core::Result<Judgement> run_idp_logout(const Step& step, const IssuedSession& session, const DriverContext& context,
                                       Browser& browser, reports::ScenarioResult& result, std::size_t step_number) {
  const Target& target = context.target;
  const idp::App* app = context.idp.find_app(context.app_id);
  if (app == nullptr || !target.slo_url) {
    return core::fail(core::Reason::internal_error, "no app or no SLO URL for an idp_logout step");
  }
  core::TimePoint t0 = context.clock.now();
  auto message = idp::idp_logout_request(
      context.idp, *app,
      {*target.slo_url, session.name_id, session.name_id_format, session.session_index, step.relay_state, step.hex_case},
      t0);
  if (!message) {
    return core::fail(message.error());
  }
  auto query = idp::mutate_redirect_query(message->query, step.redirect_mutators, context.idp.config().credentials, t0);
  if (!query) {
    return core::fail(query.error());
  }
  result.messages.push_back(reports::message_for_report(
      "LogoutRequest (step " + std::to_string(step_number) + ", HTTP-Redirect)", *query, message->xml));
  reports::NamedValues headers;
  if (target.json_verdict) {
    headers.emplace_back("Accept", "application/json");
  }
  auto answer = browser.get(core::redirect_url(*target.slo_url, *query), headers, "GET LogoutRequest at SLO");
  if (!answer) {
    return core::fail(answer.error());
  }
  return judge_logout_answer(target, browser, *answer);
}

}  // namespace samlt::runner
