// SPDX-License-Identifier: Apache-2.0
// §5 XML parser attacks: one apply function per mutator (one .cpp each). xml.doctype_added, the
// DTD carrier of this section, is declared with the Entra faults (mutators.hpp).
#pragma once

#include "samlt/idp/mutator.hpp"

#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> xml_schema_location_added(Target& target);
core::Result<void> xml_nesting_deepened(Target& target);
core::Result<void> response_root_replaced(Target& target);

// Target::canary_url, or when the runner gave none (unit tests) a loopback URL nothing serves.
std::string canary_of(const Target& target);

}  // namespace samlt::idp::mutators
