// SPDX-License-Identifier: Apache-2.0
// The probe_oracle step (scenario.hpp, attack-catalogue ORACLE-UNIFORM): several Responses that
// differ only in what the SP finds after decrypting them, each posted `rounds` times from a fresh
// browser, interleaved. A correct SP rejects every one and gives the attacker nothing to tell them
// apart by: the same status, headers and body (per-request identifiers aside), and answer times
// within noise. Otherwise it is an oracle that decrypts for the attacker (Jager & Somorovsky, "How
// to Break XML Encryption", ACM CCS 2011).
#pragma once

#include "judge.hpp"
#include "samlt/runner/scenario.hpp"

#include <functional>
#include <string>
#include <vector>

namespace samlt::runner {

// One probe's answer: the ACS's raw response, how long the SP took to give it, and the verdict.
struct ProbeAnswer {
  HttpResponse acs_answer;
  double seconds = 0;
  Judgement judged;
};

// Issues and posts one Response with `extra` mutators after the scenario's; `first_round` says
// whether its messages and exchanges go into the report.
using SendProbe = std::function<core::Result<ProbeAnswer>(const std::vector<idp::MutatorUse>& extra, bool first_round)>;

// The step's judgement: an acceptance if any probe was accepted (that probe's), else the first
// probe's rejection. `distinguishable` says what told the probes apart, empty when nothing did.
struct OracleJudgement {
  Judgement judged;
  std::string distinguishable;
};

// Fails with what `send` failed with.
core::Result<OracleJudgement> run_probe_oracle(const Step& step, const SendProbe& send);

// The body with per-request identifiers replaced (GUIDs, runs of 8+ hex digits, SAML IDs, timestamps
// and times of day), so
// that two answers are compared on what they say.
std::string without_request_identifiers(const std::string& body);

}  // namespace samlt::runner
