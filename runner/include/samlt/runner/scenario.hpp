// SPDX-License-Identifier: Apache-2.0
// A scenario file: what the IdP sends (user, app settings, faults, clock), in which flow, and what a
// correct SP must do at each step. The format is documented in scenarios/README.md.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/idp/idp_config.hpp"
#include "samlt/idp/mutator.hpp"
#include "samlt/idp/redirect_mutators.hpp"
#include "samlt/reports/report_model.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner {

enum class Flow { sp_initiated, idp_initiated };

// "sp-initiated", "idp-initiated": how reports name a flow.
std::string_view flow_name(Flow flow);

// What one step does. sign_in: the whole flow; replay: post the previous step's SAMLResponse again,
// by default from a fresh browser (an attacker who captured it), or from the same one;
// answer_again: a freshly issued Response (new IDs, new signature) to the AuthnRequest the last
// sign_in answered, posted from the same browser (attack-catalogue IRT-REUSE); idp_logout: the
// IdP's signed LogoutRequest for the last sign_in's NameID, by HTTP-Redirect to the SP's
// SingleLogoutService from the browser that signed in, edited by the step's Redirect-message
// mutators (accept: the session ended; reject: it survived); refresh_metadata: the IdP's signed
// federation metadata, edited by the step's metadata mutators, handed to the SP as new metadata
// for the IdP it trusts (target metadata_refresh; accept: the SP took it). A scenario with a
// refresh_metadata step changes what the SP trusts: it runs alone, after the others, and the
// runner hands the SP the unedited metadata back when it ends.
// probe_oracle: several Responses (the step's probes, each the scenario's mutators then its own)
// posted `rounds` times each from fresh browsers; every one must be rejected, and nothing in the
// answers may tell them apart (attack-catalogue ORACLE-UNIFORM, oracle_step.hpp).
enum class StepAction { sign_in, replay, answer_again, idp_logout, refresh_metadata, probe_oracle };

// One probe of a probe_oracle step.
struct OracleProbe {
  std::string name;
  std::vector<idp::MutatorUse> mutators;
};

// How a refresh_metadata step hands over the document: in the form (the admin pastes or uploads
// it), or as a loopback URL serving it that the SP fetches (a dynamic metadata source).
enum class MetadataSource { document, url };

// What a correct SP does. `reason` (or `family`) is compared only when the target exposes
// verdicts. A safe expectation passes on a rejection, or on an acceptance as exactly the
// attacker's own identity; an ungraded one ("policy") only reports what the SP did.
struct Expectation {
  reports::Outcome outcome = reports::Outcome::reject;
  std::optional<std::string> reason;
  // On accept: JSON pointer → expected value, checked against the target's session page.
  std::map<std::string, std::string> session;
  std::optional<std::string> redirect;  // on accept: a regular expression the final URL must match
  std::optional<std::string> family;  // reason families, "SCHEMA/SIG_PROFILE" (reason_family.hpp)
  reports::Grade grade = reports::Grade::exact;
  bool no_fetch = false;  // the SP must not fetch the run's loopback canary URL
};

// The expectation that applies when the target's policy satisfies every condition: a value, or
// for a number a comparison such as ">=180" (policies.hpp). The last expectation of a step has no
// condition.
struct ConditionalExpectation {
  std::map<std::string, std::string> if_policy;
  Expectation expect;
};

// How a sign_in step delivers the Response to the ACS: the HTTP-POST form (saml-profiles §4.1.2),
// or, as an attack (BIND-RESPONSE-VIA-REDIRECT), deflated into the ACS URL's query by
// HTTP-Redirect, with the query signed by the IdP's key or unsigned.
enum class Delivery { post, redirect, redirect_unsigned };

struct Step {
  StepAction action = StepAction::sign_in;
  Delivery delivery = Delivery::post;  // sign_in only
  bool same_browser = false;  // replay only: post from the browser that signed in (its cookies)
  bool after_sp_restart = false;  // replay only: the runner restarts the SP first (target restart)
  // idp_logout only: Redirect-message mutators (redirect_mutators.hpp), the RelayState, and the
  // percent-escapes' case of the signed query (default: the IdP's, lower case like Entra).
  std::vector<idp::MutatorUse> redirect_mutators;
  std::optional<std::string> relay_state;
  std::optional<core::HexCase> hex_case;
  // refresh_metadata only: metadata mutators (idp::metadata_document_mutators) and the source.
  std::vector<idp::MutatorUse> metadata_mutators;
  MetadataSource metadata_source = MetadataSource::document;
  // probe_oracle only: the probes (two or more) and how often each is posted.
  std::vector<OracleProbe> probes;
  int rounds = 7;
  std::vector<ConditionalExpectation> expectations;
};

struct Scenario {
  std::filesystem::path file;
  std::string suite;  // first folder under the scenario root ("entra", "faults", "profile")
  std::string id;
  std::string title;
  std::vector<std::string> tags;
  std::string spec_ref;  // a spec clause, or
  std::string seed;      // a seed document ("002")
  std::string catalogue;  // the attack-catalogue case id it runs ("XSW-1"), or empty
  std::string variant;    // the variant's name when the file declares variants, else empty
  // The flows the scenario is valid in, in preference order (default: SP-initiated, then
  // IdP-initiated). Only SP-initiated: it needs an AuthnRequest (InResponseTo, ForceAuthn …).
  std::vector<Flow> flows = {Flow::sp_initiated, Flow::idp_initiated};
  // What it needs of the SP (needs.hpp): those the file lists, and those its content implies
  // (token encryption: encryption_certificate; session checks: session_attributes).
  std::vector<std::string> needs;
  std::string user;  // a UPN or object id of the IdP configuration's users, or directory_user's UPN
  // "user" given as a whole users[] entry (what `idp_sim diagnose --to-scenario` writes: the
  // captured subject's claims, which no configured user has).
  std::optional<idp::User> directory_user;
  nlohmann::json app_overrides = nlohmann::json::object();  // partial idp_sim apps[] entry
  std::vector<idp::MutatorUse> mutators;
  std::optional<long long> clock_offset_seconds;
  std::optional<std::string> relay_state;
  std::vector<Step> steps;
};

// Reads and validates one scenario file (unknown keys refused; mutator, reason, family, need and
// policy names checked). A file with "variants" gives one scenario per variant, id "<id>/<name>",
// the variant merged over the file (scenarios/README.md). The suite is the file's folder below
// `suite_root` ("entra", "security/xsw").
std::vector<Scenario> load_scenario_file(const std::filesystem::path& file, const std::filesystem::path& suite_root);

// load_scenario_file for a file that declares no variants.
// `suite_root` is the folder the suite name is taken relative to. Throws core::Fatal with
// "<file>: <json pointer>: <expected>".
Scenario load_scenario(const std::filesystem::path& file, const std::filesystem::path& suite_root);

// The expectation of `step` under `policy` (the first whose conditions all hold; a setting
// absent from `policy` satisfies no condition).
const Expectation& expectation_for(const Step& step, const std::map<std::string, std::string>& policy);

std::string_view step_action_id(StepAction action);

// The scenario changes what the SP trusts (a refresh_metadata step).
bool changes_sp_trust(const Scenario& scenario);

// The scenario changes the SP's trust or restarts it (a replay after_sp_restart), so no other run
// may meet the SP meanwhile: it must run alone.
bool runs_alone(const Scenario& scenario);

}  // namespace samlt::runner
