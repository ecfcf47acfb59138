// SPDX-License-Identifier: Apache-2.0
// The Redirect-message mutators (redirect_mutators.hpp): one row each, and the loop that applies
// them to a raw query string split into its parameters.
#include "samlt/idp/redirect_mutators.hpp"

#include "mutators/binding/binding.hpp"

namespace samlt::idp {
namespace {

using core::Reason;
namespace m = mutators;

constexpr Mutator k_redirect_rows[] = {
    {"redirect.parameter_confused", Stage::wire, Reason::binding_parameter_invalid,
     "a second SAMLRequest/SAMLResponse under a look-alike name, carrying a forged unsigned copy (param "
     "form: leading_space, encoded_name, nul_in_name, brackets, other_case; duplicate_message, "
     "duplicate_relay_state, duplicate_sig_alg, duplicate_signature)",
     &m::redirect_parameter_confused, 13, Capability::no_key},
    {"redirect.signature_removed", Stage::wire, Reason::signature_missing,
     "SigAlg and Signature removed from a signed Redirect message", &m::redirect_signature_removed, 13,
     Capability::no_key},
    {"redirect.sig_alg_set", Stage::wire, Reason::signature_algorithm_forbidden,
     "SigAlg replaced, Signature kept (param value, default urn:bogus; may be empty)", &m::redirect_sig_alg_set,
     13, Capability::no_key},
    {"redirect.relay_state_changed", Stage::wire, Reason::signature_invalid,
     "RelayState changed after signing (param form: changed, added, removed; value)",
     &m::redirect_relay_state_changed, 13, Capability::no_key},
};

// "a=1&b=2" as raw pairs: nothing decoded, so a mutator sees and writes the exact octets.
core::FormFields split(std::string_view query) {
  core::FormFields out;
  if (!query.empty() && query.front() == '?') {
    query.remove_prefix(1);
  }
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    std::size_t eq = pair.find('=');
    out.emplace_back(std::string(pair.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
  }
  return out;
}

std::string join(const core::FormFields& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    out += (out.empty() ? "" : "&") + name + "=" + value;
  }
  return out;
}

}  // namespace

std::span<const Mutator> redirect_mutators() { return k_redirect_rows; }

const Mutator* find_redirect_mutator(std::string_view id) {
  for (const auto& mutator : k_redirect_rows) {
    if (mutator.id == id) {
      return &mutator;
    }
  }
  return nullptr;
}

core::Result<std::string> mutate_redirect_query(std::string_view query, std::span<const MutatorUse> uses,
                                                const Credentials& credentials, core::TimePoint t0) {
  core::FormFields params = split(query);
  ResponseSpec unused;  // a Redirect message has no ResponseSpec; Target requires one
  for (const auto& use : uses) {
    const Mutator* mutator = find_redirect_mutator(use.id);
    if (mutator == nullptr) {
      return core::fail(Reason::control_unknown_mutator, "unknown Redirect-message mutator '" + use.id + "'");
    }
    Target target{unused, nullptr, &params, use.params, t0, {}, credentials, nullptr, {}};
    if (auto done = mutator->apply(target); !done) {
      return core::fail(done.error().reason, std::string(mutator->id) + ": " + done.error().detail);
    }
  }
  return join(params);
}

}  // namespace samlt::idp
