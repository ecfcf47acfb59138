// SPDX-License-Identifier: Apache-2.0
// redirect.sig_alg_set — SigAlg replaced while Signature stays (BIND-REDIRECT-SIGALG-UNKNOWN;
// samlify fee4ff1: an unknown SigAlg coerced verification onto SHA-1). saml-bindings §3.4.4.1:
// SigAlg names the algorithm; a verifier must refuse one outside its allow-list, and an empty one,
// never fall back to a default. Param value: the new SigAlg URI (default urn:bogus; "" allowed).
#include "mutators/binding/binding.hpp"

namespace samlt::idp::mutators {

core::Result<void> redirect_sig_alg_set(Target& target) {
  std::string value = "urn:bogus";
  if (auto it = target.params.find("value"); it != target.params.end()) {
    if (!it->is_string()) {
      return core::fail(core::Reason::mutator_params_invalid, "/value: expected a string");
    }
    value = it->get<std::string>();
  }
  core::FormField* sig_alg = form_field(target, "SigAlg");
  if (sig_alg == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the message is not signed");
  }
  sig_alg->second = core::url_encode(value);
  return {};
}

}  // namespace samlt::idp::mutators
