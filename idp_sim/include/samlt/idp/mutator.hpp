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

// When the response builder applies a mutator (style §6.7, in this order): before the document
// exists; on the DOM before signing; after signing; after encryption (with token encryption this
// is before the Response signature, which covers the EncryptedAssertion); on the serialised bytes
// before base64 (re-encodings, bytes no DOM can hold); on the binding's form fields.
enum class Stage { spec, unsigned_xml, signed_xml, encrypted, serialized, wire };
// "spec", "unsigned_xml", "signed_xml", "encrypted", "serialized", "wire"
std::string_view stage_name(Stage stage);

// What an attacker needs to build the fault (docs/attack-catalogue.md, "Capability tags"):
// no key (edits what the IdP signed), an untrusted key of its own, a second trusted IdP, the SP's
// encryption certificate, or the harness signing with the real IdP key to break a profile rule.
enum class Capability { no_key, atk_key, idp2_key, sp_enc, idp_key };
std::string_view capability_name(Capability capability);  // "no-key", "atk-key", …

// Credentials loaded from the configuration, by name (the certificate-set role, e.g.
// "idp-signing-expired").
using Credentials = std::map<std::string, core::Credential, std::less<>>;

// What a mutator may touch. Which members are set depends on the stage:
//   spec:          spec only (the document does not exist yet);
//   unsigned_xml:  spec (read-only by convention) and doc, before any signature;
//   signed_xml:    spec and doc, after signing and before encryption;
//   encrypted:     spec and doc, after encryption (before the Response signature when encrypting);
//   serialized:    xml (the serialised Response; a mutator may replace it with any bytes);
//   wire:          form (SAMLResponse and RelayState fields, SAMLResponse base64-encoded).
struct Target {
  ResponseSpec& spec;
  core::XmlDoc* doc = nullptr;
  core::FormFields* form = nullptr;
  const nlohmann::json& params;
  core::TimePoint t0;  // the IdP's token-build time (clock offset applied)
  std::string_view tenant_id;
  const Credentials& credentials;
  std::string* xml = nullptr;      // serialized stage only
  std::string_view canary_url;     // a loopback URL nothing may fetch (NO-FETCH cases); may be empty

  // The credential named `name`, or nullptr.
  const core::Credential* credential(std::string_view name) const;
};

struct Mutator {
  std::string_view id;  // "audience.wrong": what scenarios and control requests name
  Stage stage;
  core::Reason expected;     // the oracle: what a strict SP must reject this with (default params)
  std::string_view summary;  // one line for `idp_sim mutators` and reports
  // Applies the fault. Fails with mutator.params_invalid or mutator.not_applicable.
  core::Result<void> (*apply)(Target&);
  // The attack-catalogue section the mutator belongs to (1-14, docs/attack-catalogue.tsv), or 0
  // for the faults users asked for that are not attacks (issuer variants, an expired certificate).
  int section = 0;
  Capability capability = Capability::idp_key;
  // The app settings (a partial apps[] entry, JSON text) the default parameters are meant for,
  // e.g. {"signing":"response"} for a fault in the Response signature; empty: the app's own.
  std::string_view baseline = {};
  // The fault is about answering an AuthnRequest (InResponseTo), so it has no IdP-initiated form.
  bool needs_request = false;
  // The IdP user (UPN in idp_sim/config/default.json) the default parameters are meant for, when
  // the fault needs a particular account (a lookalike address); empty: the attacker's own account.
  std::string_view user = {};
};

// The title of catalogue section `section` ("XML signature wrapping"), or "Entra faults" for 0.
std::string_view section_title(int section);

// Every mutator, in registry order. The table is constexpr; thread-safe.
std::span<const Mutator> all_mutators();

// The mutator with this id, or nullptr.
const Mutator* find_mutator(std::string_view id);

// "a, b, c": every id, for error messages that say what was expected.
std::string mutator_ids_joined();

// The table as JSON: [{"id", "stage", "expected", "summary"}, …] (CLI and control API).
nlohmann::json mutators_json();

}  // namespace samlt::idp
