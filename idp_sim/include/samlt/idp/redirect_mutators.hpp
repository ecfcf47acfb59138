// SPDX-License-Identifier: Apache-2.0
// Mutators of an IdP-to-SP HTTP-Redirect message (attack-catalogue §13: a LogoutRequest or a
// LogoutResponse at the SP's SingleLogoutService): a second table beside all_mutators(), whose
// rows edit the query string after the IdP encoded and signed it (saml-bindings §3.4.4.1).
#pragma once

#include "samlt/idp/mutator.hpp"

#include <span>
#include <string>
#include <string_view>

namespace samlt::idp {

// Every Redirect-message mutator, in table order. Each is Stage::wire, and its Target::form holds
// the query's parameters exactly as they travel: names and values still URL-encoded, in order.
// `expected` is what a strict SP answers for the default params on an IdP-initiated
// LogoutRequest signed with the IdP key and carrying a RelayState. Thread-safe.
std::span<const Mutator> redirect_mutators();

// The Redirect-message mutator with this id, or nullptr.
const Mutator* find_redirect_mutator(std::string_view id);

// `query` (a raw query string, as core::encode_redirect writes it) with `uses` applied in order.
// `credentials` are the IdP's (an attacker key such as idp-rogue among them), `t0` its token time.
// Fails with control.unknown_mutator, mutator.params_invalid or mutator.not_applicable.
core::Result<std::string> mutate_redirect_query(std::string_view query, std::span<const MutatorUse> uses,
                                                const Credentials& credentials, core::TimePoint t0);

}  // namespace samlt::idp
