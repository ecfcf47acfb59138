// SPDX-License-Identifier: Apache-2.0
// Fault-injection mutators (style §6.7): one fault each, applied at one stage of building a
// Response, each declaring the reason a strict SP must answer with.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/reason.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/response_spec.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace samlt::idp {

// A mutator named by a scenario, a control request or an app's `faults`: id plus parameters.
struct MutatorUse {
  std::string id;
  nlohmann::json params = nlohmann::json::object();
};

// When the response builder applies a mutator (style §6.7, in this order).
enum class Stage { spec, unsigned_xml, signed_xml, wire };
std::string_view stage_name(Stage stage);  // "spec", "unsigned_xml", "signed_xml", "wire"

// Credentials loaded from the configuration, by name (the certificate-set role, e.g.
// "idp-signing-expired").
using Credentials = std::map<std::string, core::Credential, std::less<>>;

// What a mutator may touch. Which members are set depends on the stage:
//   spec:          spec only (the document does not exist yet);
//   unsigned_xml:  spec (read-only by convention) and doc, before any signature;
//   signed_xml:    spec and doc, after signing and before encryption;
//   wire:          form (SAMLResponse and RelayState fields, SAMLResponse base64-encoded).
struct Target {
  ResponseSpec& spec;
  core::XmlDoc* doc = nullptr;
  core::FormFields* form = nullptr;
  const nlohmann::json& params;
  core::TimePoint t0;  // the IdP's token-build time (clock offset applied)
  std::string_view tenant_id;
  const Credentials& credentials;

  // The credential named `name`, or nullptr.
  const core::Credential* credential(std::string_view name) const;
};

struct Mutator {
  std::string_view id;  // "audience.wrong": what scenarios and control requests name
  Stage stage;
  core::Reason expected;     // the oracle: what a strict SP must reject this with
  std::string_view summary;  // one line for `idp_sim mutators` and reports
  // Applies the fault. Fails with mutator.params_invalid or mutator.not_applicable.
  core::Result<void> (*apply)(Target&);
};

// Every mutator, in registry order. The table is constexpr; thread-safe.
std::span<const Mutator> all_mutators();

// The mutator with this id, or nullptr.
const Mutator* find_mutator(std::string_view id);

// "a, b, c": every id, for error messages that say what was expected.
std::string mutator_ids_joined();

// The table as JSON: [{"id", "stage", "expected", "summary"}, …] (CLI and control API).
nlohmann::json mutators_json();

}  // namespace samlt::idp
