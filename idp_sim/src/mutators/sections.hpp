// SPDX-License-Identifier: Apache-2.0
// The attack catalogue's mutator tables, one per section (docs/attack-catalogue.tsv): each lives
// in mutators/<folder>/table.cpp beside that section's mutator files, and registry.cpp joins them
// after the Entra faults in this order.
#pragma once

#include "samlt/idp/mutator.hpp"

#include <span>

namespace samlt::idp::mutators {

std::span<const Mutator> xsw_mutators();  // §1 XML signature wrapping
std::span<const Mutator> signature_mutators();  // §2 Signature presence, exclusion and verification
std::span<const Mutator> keys_mutators();  // §3 Key trust
std::span<const Mutator> c14n_mutators();  // §4 Canonicalization and parser differentials
std::span<const Mutator> xml_mutators();  // §5 XML parser attacks
std::span<const Mutator> time_mutators();  // §6 Conditions and time windows
std::span<const Mutator> audience_mutators();  // §7 Audience, Recipient, Destination and Issuer
std::span<const Mutator> subject_mutators();  // §8 Subject confirmation, Subject and AuthnStatement
std::span<const Mutator> replay_mutators();  // §9 Replay, InResponseTo and unsolicited responses
std::span<const Mutator> structure_mutators();  // §10 Status and message structure
std::span<const Mutator> encryption_mutators();  // §11 XML encryption
std::span<const Mutator> algorithms_mutators();  // §12 Algorithms
std::span<const Mutator> binding_mutators();  // §13 Bindings and RelayState
std::span<const Mutator> metadata_mutators();  // §14 Metadata

inline constexpr std::span<const Mutator> (*k_section_tables[])() = {
    &xsw_mutators,
    &signature_mutators,
    &keys_mutators,
    &c14n_mutators,
    &xml_mutators,
    &time_mutators,
    &audience_mutators,
    &subject_mutators,
    &replay_mutators,
    &structure_mutators,
    &encryption_mutators,
    &algorithms_mutators,
    &binding_mutators,
    &metadata_mutators};

}  // namespace samlt::idp::mutators
