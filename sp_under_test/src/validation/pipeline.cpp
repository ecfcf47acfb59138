// SPDX-License-Identifier: Apache-2.0
// The ACS pipeline (style §6.6): the table of steps in spec order, and the loop.
#include "samlt/sp/validation/pipeline.hpp"

#include "samlt/sp/validation/steps.hpp"

#include <chrono>
#include <exception>

namespace samlt::sp {
namespace {

// A step that reads only MessageEvidence, run on either evidence type.
template <core::Result<void> (*F)(const Context&, MessageEvidence&), class Ev>
core::Result<void> on_message(const Context& ctx, Ev& ev) {
  return F(ctx, ev);
}

// The order is the contract: it decides which reason wins when a Response has two faults.
// Envelope first (it can only reject), then signatures (the Response's before decryption, which
// rewrites what its digest covers), then only the verified Assertion. One table for both evidence
// types, so a diagnosis runs exactly the ACS's steps in the ACS's order.
template <class Ev>
constexpr StepOf<Ev> k_steps[] = {
    {"binding.post_form", on_message<steps::binding_post_form, Ev>},
    {"xml.parse", on_message<steps::xml_parse, Ev>},
    {"response.shape", on_message<steps::response_shape, Ev>},
    {"xml.ids", on_message<steps::xml_ids, Ev>},
    {"response.status", on_message<steps::response_status, Ev>},
    {"response.destination", on_message<steps::response_destination, Ev>},
    {"response.issuer", on_message<steps::response_issuer, Ev>},
    {"response.in_response_to", on_message<steps::response_in_response_to, Ev>},
    {"signature.response", on_message<steps::signature_response, Ev>},
    {"response.structure", on_message<steps::response_structure, Ev>},
    {"assertion.decrypt", on_message<steps::assertion_decrypt, Ev>},
    {"assertion.shape", on_message<steps::assertion_shape, Ev>},
    {"assertion.structure", on_message<steps::assertion_structure, Ev>},
    {"signature.assertion", steps::signature_assertion},
    // From here on, steps read nothing but ev.assertion.
    {"signature.key_validity", steps::signature_key_validity<Ev>},
    {"assertion.issuer", steps::assertion_issuer<Ev>},
    {"subject.name_id", steps::subject_name_id<Ev>},
    {"subject_confirmation.bearer", steps::subject_confirmation_bearer<Ev>},
    {"conditions.time", steps::conditions_time<Ev>},
    {"audience_restriction.audience", steps::audience_restriction_audience<Ev>},
    {"conditions.understood", steps::conditions_understood<Ev>},
    {"authn_statement.present", steps::authn_statement_present<Ev>},
    {"authn_statement.session", steps::authn_statement_session<Ev>},
    {"attribute.email", steps::attribute_email<Ev>},
    {"attribute.unique", on_message<steps::attribute_unique, Ev>},
};

}  // namespace

std::span<const Step> pipeline_steps() { return k_steps<Evidence>; }

std::span<const DiagnosisStep> diagnosis_steps() { return k_steps<DiagnosisEvidence>; }

bool run_traced(std::string_view id, const std::function<core::Result<void>()>& body, Verdict& verdict) {
  TraceEntry entry{std::string(id), false, 0, core::Reason::internal_error, {}};
  auto started = std::chrono::steady_clock::now();
  try {
    auto outcome = body();
    entry.passed = outcome.has_value();
    if (!outcome) {
      entry.reason = outcome.error().reason;
      entry.detail = outcome.error().detail;
    }
  } catch (const std::exception& e) {
    entry.detail = std::string("exception: ") + e.what();  // fail closed: internal.error
  } catch (...) {
    entry.detail = "unknown exception";
  }
  entry.microseconds = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - started).count();
  verdict.step = entry.step;
  if (!entry.passed) {
    verdict.accepted = false;
    verdict.reason = entry.reason;
    verdict.detail = entry.detail;
  }
  verdict.trace.push_back(std::move(entry));
  return verdict.trace.back().passed;
}

Verdict run_pipeline(const Context& ctx, Evidence& ev) {
  Verdict verdict;  // reject(internal.error) until every step has passed
  for (const Step& step : k_steps<Evidence>) {
    if (!run_traced(step.id, [&] { return step.run(ctx, ev); }, verdict)) {
      return verdict;
    }
  }
  verdict.accepted = true;
  verdict.reason = core::Reason::internal_error;  // unused on acceptance
  verdict.detail.clear();
  return verdict;
}

}  // namespace samlt::sp
