// SPDX-License-Identifier: Apache-2.0
// The helpers the XML-stage mutators share.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<long long> int_param(const Target& target, std::string_view name, long long fallback, long long min) {
  auto it = target.params.find(std::string(name));
  if (it == target.params.end()) {
    return fallback;
  }
  if (!it->is_number_integer() || it->get<long long>() < min) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/" + std::string(name) + ": expected an integer >= " + std::to_string(min));
  }
  return it->get<long long>();
}

xmlNode* first_in_assertion(const Target& target, std::string_view local) {
  auto found = core::descendants_named(target.doc->root(), core::names::ns_assertion, local);
  return found.empty() ? nullptr : found.front();
}

core::Result<void> remove_first(Target& target, std::string_view ns, std::string_view local) {
  auto found = core::descendants_named(target.doc->root(), ns, local);
  if (found.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "no " + std::string(local) + " element");
  }
  core::remove_node(found.front());
  return {};
}

}  // namespace samlt::idp::mutators
