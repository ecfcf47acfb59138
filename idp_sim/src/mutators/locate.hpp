// SPDX-License-Identifier: Apache-2.0
// Named places in the Response idp_sim builds (response_builder.cpp lays out one Entra shape), for
// the generic XML-stage families (element.removed, attribute.set …) and any mutator that takes a
// place as a parameter: one vocabulary instead of an XPath in every file.
#pragma once

#include "samlt/idp/mutator.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samlt::idp::mutators {

// "response, response_issuer, …": every name locate() knows, for parameter errors.
std::string location_names();

// The element `location` names, the first of its kind where there can be several (the Response's
// first Assertion, the Subject's first SubjectConfirmation …). REQUIRES an XML stage.
// Fails with mutator.params_invalid for a name it does not know, mutator.not_applicable when the
// message has no such element (an error Response has no Assertion).
core::Result<xmlNode*> locate(const Target& target, std::string_view location);

// The string parameter `name`, which may be empty: `fallback` when absent; mutator.params_invalid
// when it is not a string.
core::Result<std::string> text_param(const Target& target, std::string_view name, std::string_view fallback);

// The parameter `name` as a list of strings (a single string counts as a list of one): `fallback`
// when absent; mutator.params_invalid when it is neither, or empty.
core::Result<std::vector<std::string>> texts_param(const Target& target, std::string_view name,
                                                   std::vector<std::string> fallback);

}  // namespace samlt::idp::mutators
