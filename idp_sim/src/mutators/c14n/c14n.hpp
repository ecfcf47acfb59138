// SPDX-License-Identifier: Apache-2.0
// §4 Canonicalization and parser differentials: one apply function per mutator (one .cpp each).
#pragma once

#include "samlt/idp/mutator.hpp"

#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> c14n_text_split(Target& target);
core::Result<void> parser_dtd_differential(Target& target);
core::Result<void> c14n_namespace_unprocessable(Target& target);
core::Result<void> parser_namespace_wrong(Target& target);
core::Result<void> parser_nul_injected(Target& target);
core::Result<void> parser_name_malformed(Target& target);
core::Result<void> signature_inclusive_namespaces(Target& target);
core::Result<void> xml_pretty_printed(Target& target);

// The victim's address (attack-catalogue §0.1): megan.bowen of the default tenant.
inline constexpr std::string_view k_victim = "megan.bowen@contoso.example";
// Param `victim`, default k_victim.
core::Result<std::string> victim_of(const Target& target);
// Writes `victim` into every NameID and emailaddress AttributeValue under `assertion`.
void write_victim(xmlNode* assertion, std::string_view victim);

}  // namespace samlt::idp::mutators
