// SPDX-License-Identifier: Apache-2.0
// Admission (style §6.6): side effects after a passing pipeline, each one a named, traced step.
#include "samlt/sp/validation/admission.hpp"

#include "samlt/core/random.hpp"
#include "samlt/sp/validation/pipeline.hpp"
#include "validation/verdict_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace samlt::sp {
namespace {

// saml-profiles §4.1.4.5: an Assertion ID is accepted once. The row is kept until the later of
// the bearer NotOnOrAfter and Conditions NotOnOrAfter, plus the skew: until then the pipeline
// would still accept the Assertion, afterwards it refuses it on time (REPLAY-SAME,
// REPLAY-PERSISTENCE: the cache is the SQLite file, so a restart forgets nothing).
core::Result<void> replay_assertion_id(const Context& ctx, Evidence& ev, Store& store) {
  core::TimePoint until = *ev.confirmation_not_on_or_after;
  if (ev.conditions_not_on_or_after) {
    until = std::max(until, *ev.conditions_not_on_or_after);
  }
  auto fresh = store.remember_assertion(ev.assertion_id, ev.idp->entity_id, until + ctx.policy.clock_skew, ctx.now);
  if (!fresh) {
    return core::fail(fresh.error());
  }
  if (!*fresh) {
    return core::fail(core::Reason::replay_assertion_reused, "Assertion ID '" + ev.assertion_id + "' was already consumed");
  }
  return {};
}

// saml-profiles §4.1.4.3: a request ID is answered once (IRT-REUSE). The pipeline saw it
// outstanding; this marks it used atomically, so two concurrent answers cannot both pass.
core::Result<void> in_response_to_consume(const Context& ctx, Evidence& ev, Store& store) {
  if (!ev.request) {
    return {};  // unsolicited, allowed by policy
  }
  auto consumed = store.consume_outstanding(ev.request->id, ctx.browser_binding, ctx.now);
  if (!consumed) {
    return core::fail(consumed.error());
  }
  if (!*consumed) {
    return core::fail(core::Reason::response_in_response_to_unknown,
                      "InResponseTo '" + ev.request->id + "' was answered meanwhile");
  }
  return {};
}

core::Result<void> account_map(const Context& ctx, Evidence& ev, Store& store) {
  auto account = map_account(ctx, ev, store);
  if (!account) {
    return core::fail(account.error());
  }
  ev.account = std::move(*account);
  return {};
}

core::Result<void> session_create(const Context& ctx, Evidence& ev, Store& store) {
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& attribute : ev.attributes) {
    auto& values = attributes[attribute.name];
    for (const auto& value : attribute.values) {
      values.push_back(value);
    }
  }
  core::TimePoint expires = ctx.now + ctx.session_lifetime;
  if (ev.session_not_on_or_after) {
    expires = std::min(expires, *ev.session_not_on_or_after);
  }
  SessionRecord session{core::to_hex(core::random_bytes(32)), ev.account->email, ev.idp->name,
                        ev.idp->entity_id, ev.name_id, ev.name_id_format, ev.session_index,
                        dump_json(attributes), ctx.now, expires};
  if (auto created = store.create_session(session); !created) {
    return core::fail(created.error());
  }
  ev.session_id = session.id;
  return {};
}

constexpr AdmissionStep k_admission[] = {
    {"replay.assertion_id", replay_assertion_id},
    {"in_response_to.consume", in_response_to_consume},
    {"account.map", account_map},
    {"session.create", session_create},
};

}  // namespace

std::span<const AdmissionStep> admission_steps() { return k_admission; }

void admit(const Context& ctx, Evidence& ev, Store& store, Verdict& verdict) {
  // One transaction with one commit (one fsync) for every step, instead of one per step. What the
  // steps did is committed even when a later one fails: a consumed Assertion ID or request ID
  // stays consumed. The acceptance is given only once the commit, replay-cache entry included,
  // is durable (issue 15).
  bool passed = false;
  auto committed = store.in_transaction([&]() -> core::Result<void> {
    for (const AdmissionStep& step : k_admission) {
      if (!run_traced(step.id, [&] { return step.run(ctx, ev, store); }, verdict)) {
        return {};
      }
    }
    passed = true;
    return {};
  });
  if (!committed) {
    run_traced("admission.commit", [&] { return committed; }, verdict);
    return;
  }
  verdict.accepted = passed;
}

}  // namespace samlt::sp
