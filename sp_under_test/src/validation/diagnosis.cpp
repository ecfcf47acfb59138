// SPDX-License-Identifier: Apache-2.0
// Diagnosis: the pipeline's steps on DiagnosisEvidence, each run when what it reads is there.
#include "samlt/sp/validation/diagnosis.hpp"

#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/pipeline.hpp"
#include "samlt/sp/verdict.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace samlt::sp {
namespace {

namespace n = core::names;

// What a step reads, as a check on the evidence: nullopt when it is there, else what is missing.
using Prerequisite = std::optional<std::string> (*)(const Context&, const DiagnosisEvidence&,
                                                     const DiagnosisInputs&);

std::optional<std::string> none(const Context&, const DiagnosisEvidence&, const DiagnosisInputs&) {
  return std::nullopt;
}

std::optional<std::string> message(const Context&, const DiagnosisEvidence& ev, const DiagnosisInputs&) {
  if (!ev.message) {
    return "needs the decoded SAMLResponse, which binding.post_form could not give";
  }
  return std::nullopt;
}

std::optional<std::string> document(const Context&, const DiagnosisEvidence& ev, const DiagnosisInputs&) {
  if (!ev.doc) {
    return "needs the parsed document, which xml.parse could not give";
  }
  return std::nullopt;
}

std::optional<std::string> response(const Context&, const DiagnosisEvidence& ev, const DiagnosisInputs&) {
  if (ev.response == nullptr) {
    return "needs the samlp:Response element, which response.shape could not give";
  }
  return std::nullopt;
}

std::optional<std::string> response_and_idp(const Context& ctx, const DiagnosisEvidence& ev,
                                            const DiagnosisInputs& inputs) {
  if (auto missing = response(ctx, ev, inputs)) {
    return missing;
  }
  if (!ev.idp) {
    return "needs the issuing IdP and its certificates: give the IdP's metadata (--idp-metadata)";
  }
  return std::nullopt;
}

std::optional<std::string> request(const Context& ctx, const DiagnosisEvidence& ev,
                                   const DiagnosisInputs& inputs) {
  if (auto missing = response_and_idp(ctx, ev, inputs)) {
    return missing;
  }
  auto irt = core::attribute(ev.response, "InResponseTo");
  if (irt && !irt->empty() && !inputs.requests_known) {
    return "the capture holds no AuthnRequest from this SP, so InResponseTo '" + *irt +
           "' can't be matched to one";
  }
  return std::nullopt;
}

std::optional<std::string> decryptable(const Context& ctx, const DiagnosisEvidence& ev,
                                       const DiagnosisInputs& inputs) {
  if (auto missing = response(ctx, ev, inputs)) {
    return missing;
  }
  bool encrypted = !core::children_named(ev.response, n::ns_assertion, "EncryptedAssertion").empty();
  if (encrypted && ctx.decryption_keys.empty()) {
    return "the Assertion is encrypted: give the SP's decryption key to read it";
  }
  return std::nullopt;
}

std::optional<std::string> candidate(const Context&, const DiagnosisEvidence& ev, const DiagnosisInputs&) {
  if (ev.assertion_candidate == nullptr) {
    return "needs the Assertion, which assertion.decrypt could not give";
  }
  return std::nullopt;
}

std::optional<std::string> candidate_and_idp(const Context& ctx, const DiagnosisEvidence& ev,
                                             const DiagnosisInputs& inputs) {
  if (auto missing = candidate(ctx, ev, inputs)) {
    return missing;
  }
  if (!ev.idp) {
    return "needs the issuing IdP and its certificates: give the IdP's metadata (--idp-metadata)";
  }
  return std::nullopt;
}

std::optional<std::string> assertion(const Context&, const DiagnosisEvidence& ev, const DiagnosisInputs&) {
  if (!ev.assertion) {
    return "needs the Assertion, which the steps before could not give";
  }
  return std::nullopt;
}

std::optional<std::string> verified_key(const Context& ctx, const DiagnosisEvidence& ev,
                                        const DiagnosisInputs& inputs) {
  if (auto missing = assertion(ctx, ev, inputs)) {
    return missing;
  }
  if (!ev.response_signature && !ev.assertion->verified()) {
    return "no signature verified, so no signing certificate was used";
  }
  return std::nullopt;
}

std::optional<std::string> assertion_and_idp(const Context& ctx, const DiagnosisEvidence& ev,
                                             const DiagnosisInputs& inputs) {
  if (auto missing = assertion(ctx, ev, inputs)) {
    return missing;
  }
  if (!ev.idp) {
    return "needs the issuing IdP: give the IdP's metadata (--idp-metadata)";
  }
  return std::nullopt;
}

std::optional<std::string> response_and_trust(const Context& ctx, const DiagnosisEvidence& ev,
                                              const DiagnosisInputs& inputs) {
  if (auto missing = response(ctx, ev, inputs)) {
    return missing;
  }
  if (ctx.trust.empty()) {
    return "no IdP is known to compare the Issuer with: give the IdP's metadata (--idp-metadata)";
  }
  return std::nullopt;
}

struct Reads {
  std::string_view step;
  Prerequisite prerequisite;
};

// Every step of the pipeline, by id; tests/sp/test_diagnosis.cpp checks that none is missing.
constexpr Reads k_reads[] = {
    {"binding.post_form", none},
    {"xml.parse", message},
    {"response.shape", document},
    {"xml.ids", response},
    {"response.status", response},
    {"response.destination", response},
    {"response.issuer", response_and_trust},
    {"response.in_response_to", request},
    {"signature.response", response_and_idp},
    {"response.structure", response},
    {"assertion.decrypt", decryptable},
    {"assertion.shape", candidate},
    {"assertion.structure", candidate},
    {"signature.assertion", candidate_and_idp},
    {"signature.key_validity", verified_key},
    {"assertion.issuer", assertion_and_idp},
    {"subject.name_id", assertion},
    {"subject_confirmation.bearer", assertion},
    {"conditions.time", assertion},
    {"audience_restriction.audience", assertion},
    {"conditions.understood", assertion},
    {"authn_statement.present", assertion},
    {"authn_statement.session", assertion},
    {"attribute.email", assertion},
    {"attribute.unique", assertion},
};

Prerequisite prerequisite_of(std::string_view step) {
  auto found = std::find_if(std::begin(k_reads), std::end(k_reads),
                            [&](const Reads& reads) { return reads.step == step; });
  return found == std::end(k_reads) ? nullptr : found->prerequisite;
}

// What the diagnosis assumes after `finding` so that later steps have something to read. Returns
// a note for the finding, or "".
std::string read_on(const Context& ctx, DiagnosisEvidence& ev, const DiagnosisInputs& inputs,
                    const Finding& finding) {
  if (finding.outcome == FindingOutcome::passed) {
    return {};
  }
  if (finding.step == "binding.post_form" && !ev.message && inputs.decoded) {
    ev.message = *inputs.decoded;
    return "the later steps read the message as the capture carried it";
  }
  if (finding.step == "response.issuer" && !ev.idp && ctx.trust.size() == 1) {
    ev.idp = ctx.trust.front();
    return "the later steps use the one IdP given, '" + ev.idp->entity_id + "'";
  }
  if (finding.step == "response.in_response_to" && ev.response != nullptr) {
    auto irt = core::attribute(ev.response, "InResponseTo");
    if (irt && !irt->empty()) {
      OutstandingRequest assumed;
      assumed.id = *irt;
      assumed.idp = ev.idp ? ev.idp->name : std::string();
      ev.request = assumed;
      return "the later steps take '" + *irt + "' as the request answered";
    }
  }
  if (finding.step == "signature.assertion" && ev.assertion_candidate != nullptr) {
    if (!ev.assertion) {
      ev.assertion = ExaminedAssertion(ev.assertion_candidate, std::nullopt);
      ev.assertion_id = core::attribute(ev.assertion_candidate, "ID").value_or("");
    }
    return "the later steps read the Assertion unverified";
  }
  return {};
}

}  // namespace

std::vector<Finding> diagnose_response(const Context& ctx, DiagnosisEvidence& ev,
                                       const DiagnosisInputs& inputs) {
  std::vector<Finding> findings;
  for (const DiagnosisStep& step : diagnosis_steps()) {
    Finding finding{std::string(step.id), FindingOutcome::not_checked, core::Reason::internal_error, {}};
    Prerequisite prerequisite = prerequisite_of(step.id);
    std::optional<std::string> missing =
        prerequisite == nullptr ? std::optional<std::string>("internal: the diagnosis has no entry for this step")
                                : prerequisite(ctx, ev, inputs);
    if (missing) {
      finding.detail = std::move(*missing);
    } else {
      Verdict traced;  // run_traced's bookkeeping: timing, and any exception as internal.error
      bool passed = run_traced(step.id, [&] { return step.run(ctx, ev); }, traced);
      finding.outcome = passed ? FindingOutcome::passed : FindingOutcome::failed;
      if (!passed) {
        finding.reason = traced.reason;
        finding.detail = traced.detail;
      }
    }
    if (std::string note = read_on(ctx, ev, inputs, finding); !note.empty()) {
      finding.detail += finding.detail.empty() ? note : "; " + note;
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace samlt::sp
