// SPDX-License-Identifier: Apache-2.0
// The ACS pipeline (style §6.6): the table of steps in spec order, and the loop.
#include "samlt/sp/validation/pipeline.hpp"

#include "samlt/sp/validation/steps.hpp"

#include <chrono>
#include <exception>

namespace samlt::sp {
namespace {

// The order is the contract: it decides which reason wins when a Response has two faults.
// Envelope first (it can only reject), then signatures (the Response's before decryption, which
// rewrites what its digest covers), then only the verified Assertion.
constexpr Step k_steps[] = {
    {"binding.post_form", steps::binding_post_form},
    {"xml.parse", steps::xml_parse},
    {"response.shape", steps::response_shape},
    {"xml.ids", steps::xml_ids},
    {"response.status", steps::response_status},
    {"response.destination", steps::response_destination},
    {"response.issuer", steps::response_issuer},
    {"response.in_response_to", steps::response_in_response_to},
    {"signature.response", steps::signature_response},
    {"response.structure", steps::response_structure},
    {"assertion.decrypt", steps::assertion_decrypt},
    {"assertion.shape", steps::assertion_shape},
    {"assertion.structure", steps::assertion_structure},
    {"signature.assertion", steps::signature_assertion},
    // From here on, steps read nothing but ev.assertion.
    {"signature.key_validity", steps::signature_key_validity},
    {"assertion.issuer", steps::assertion_issuer},
    {"subject.name_id", steps::subject_name_id},
    {"subject_confirmation.bearer", steps::subject_confirmation_bearer},
    {"conditions.time", steps::conditions_time},
    {"audience_restriction.audience", steps::audience_restriction_audience},
    {"conditions.understood", steps::conditions_understood},
    {"authn_statement.present", steps::authn_statement_present},
    {"authn_statement.session", steps::authn_statement_session},
    {"attribute.email", steps::attribute_email},
    {"attribute.unique", steps::attribute_unique},
};

}  // namespace

std::span<const Step> pipeline_steps() { return k_steps; }

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
  for (const Step& step : k_steps) {
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
