// SPDX-License-Identifier: Apache-2.0
// Diagnosis (issue 13): the pipeline's own steps, in its order, going on past failures.
#include "samlt/sp/validation/diagnosis.hpp"
#include "samlt/sp/validation/pipeline.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace samlt;
using core::Reason;
using sp::FindingOutcome;

namespace {

std::vector<sp::Finding> diagnose(const test::StepFixture& f, bool requests_known = true) {
  sp::Context ctx = f.context();
  sp::DiagnosisEvidence ev;
  return sp::diagnose_response(ctx, ev, {requests_known, std::nullopt});
}

const sp::Finding& finding_of(const std::vector<sp::Finding>& findings, std::string_view step) {
  for (const auto& finding : findings) {
    if (finding.step == step) {
      return finding;
    }
  }
  FAIL("no finding for " << step);
  return findings.front();
}

std::vector<Reason> failed_reasons(const std::vector<sp::Finding>& findings) {
  std::vector<Reason> out;
  for (const auto& finding : findings) {
    if (finding.outcome == FindingOutcome::failed) {
      out.push_back(finding.reason);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("diagnosis: one finding per pipeline step, in the pipeline's order", "[sp][diagnosis]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  auto findings = diagnose(f);
  auto steps = sp::pipeline_steps();
  REQUIRE(findings.size() == steps.size());
  REQUIRE(sp::diagnosis_steps().size() == steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    CHECK(findings[i].step == steps[i].id);
    CHECK(sp::diagnosis_steps()[i].id == steps[i].id);
    INFO(findings[i].step << ": " << findings[i].detail);
    CHECK(findings[i].outcome == FindingOutcome::passed);
  }
}

TEST_CASE("diagnosis: its first failure is the ACS's verdict, step and reason", "[sp][diagnosis]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("expired") { f.clock.set(f.clock.now() + std::chrono::hours(3)); }
  SECTION("another audience") { spec.audiences = {"https://other-sp.test"}; }
  SECTION("an untrusted key") { spec.signer_role = "idp-rogue"; }
  SECTION("another Destination") { spec.destination = "https://other-sp.test/acs"; }
  SECTION("changed after signing") {
    spec.after_signing = [](test::ResponseParts& parts) { core::set_text(parts.name_id, "mallory@contoso.example"); };
  }
  f.post(spec);
  sp::Evidence ev;
  sp::Verdict verdict = f.run_all(ev);
  REQUIRE_FALSE(verdict.accepted);
  auto findings = diagnose(f);
  auto first = std::find_if(findings.begin(), findings.end(),
                            [](const sp::Finding& finding) { return finding.outcome != FindingOutcome::passed; });
  REQUIRE(first != findings.end());
  CHECK(first->outcome == FindingOutcome::failed);
  CHECK(first->step == verdict.step);
  CHECK(first->reason == verdict.reason);
}

TEST_CASE("diagnosis: every fault is found, not only the first", "[sp][diagnosis]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.audiences = {"https://other-sp.test"};
  spec.recipient = "https://other-sp.test/acs";
  spec.destination = "https://other-sp.test/acs";
  f.post(spec);
  f.clock.set(f.clock.now() + std::chrono::hours(3));
  auto reasons = failed_reasons(diagnose(f));
  CHECK(reasons == std::vector<Reason>{Reason::response_destination_mismatch,
                                       Reason::subject_confirmation_recipient_mismatch,
                                       Reason::conditions_expired, Reason::audience_restriction_audience_mismatch});
}

TEST_CASE("diagnosis: past a failed signature the Assertion is read unverified", "[sp][diagnosis]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.signer_role = "idp-rogue";
  spec.audiences = {"https://other-sp.test"};
  f.post(spec);
  auto findings = diagnose(f);
  const auto& signature = finding_of(findings, "signature.assertion");
  CHECK(signature.outcome == FindingOutcome::failed);
  CHECK(signature.reason == Reason::key_untrusted);
  CHECK_THAT(signature.detail, Catch::Contains("read the Assertion unverified"));
  CHECK(finding_of(findings, "signature.key_validity").outcome == FindingOutcome::not_checked);
  CHECK(finding_of(findings, "audience_restriction.audience").reason == Reason::audience_restriction_audience_mismatch);
  CHECK(finding_of(findings, "attribute.email").outcome == FindingOutcome::passed);
}

TEST_CASE("diagnosis: what it can't know is not checked, and says why", "[sp][diagnosis]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.in_response_to = "_req-not-captured";
  SECTION("no AuthnRequest in the capture: InResponseTo can't be matched") {
    f.post(spec);
    auto findings = diagnose(f, false);
    const auto& irt = finding_of(findings, "response.in_response_to");
    CHECK(irt.outcome == FindingOutcome::not_checked);
    CHECK_THAT(irt.detail, Catch::Contains("_req-not-captured"));
    // the signed copy of InResponseTo is still compared with the envelope's
    CHECK(finding_of(findings, "subject_confirmation.bearer").outcome == FindingOutcome::passed);
    CHECK(failed_reasons(findings).empty());
  }
  SECTION("no IdP known: no Issuer, no signature, but the rest") {
    f.post(spec);
    f.trust.clear();
    auto findings = diagnose(f, false);
    for (const char* step : {"response.issuer", "signature.response", "signature.assertion", "signature.key_validity",
                             "assertion.issuer"}) {
      INFO(step);
      CHECK(finding_of(findings, step).outcome == FindingOutcome::not_checked);
    }
    CHECK(finding_of(findings, "conditions.time").outcome == FindingOutcome::passed);
    CHECK(failed_reasons(findings).empty());
  }
  SECTION("an encrypted Assertion without the SP's key") {
    spec.encrypt = true;
    f.post(spec);
    f.keys.clear();
    auto findings = diagnose(f, false);
    CHECK(finding_of(findings, "assertion.decrypt").outcome == FindingOutcome::not_checked);
    CHECK(finding_of(findings, "conditions.time").outcome == FindingOutcome::not_checked);
  }
}

TEST_CASE("diagnosis: an Issuer that names no trusted IdP still gets its signature checked", "[sp][diagnosis]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/";
  f.post(spec);
  auto findings = diagnose(f);
  const auto& issuer = finding_of(findings, "response.issuer");
  CHECK(issuer.reason == Reason::response_issuer_mismatch);
  CHECK_THAT(issuer.detail, Catch::Contains(test::k_idp_entity_id));
  CHECK(finding_of(findings, "signature.assertion").outcome == FindingOutcome::passed);
  CHECK(failed_reasons(findings) == std::vector<Reason>{Reason::response_issuer_mismatch});
}
