// SPDX-License-Identifier: Apache-2.0
// Helpers of the §13 mutators: finding a form field the codec emitted, stripping a message's
// signatures, reading a choice parameter.
#include "mutators/binding/binding.hpp"

#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::FormField* form_field(Target& target, std::string_view name) {
  for (auto& field : *target.form) {
    if (field.first == name) {
      return &field;
    }
  }
  return nullptr;
}

core::Result<std::string> without_signatures(std::string_view base64_message) {
  auto xml = core::base64_decode(base64_message);
  if (!xml) {
    return core::fail(core::Reason::mutator_not_applicable, "the SAMLResponse is not base64");
  }
  auto doc = core::parse_strict(*xml);
  if (!doc) {
    return core::fail(core::Reason::mutator_not_applicable, "the SAMLResponse is not XML: " + doc.error().detail);
  }
  for (xmlNode* signature : core::descendants_named(doc->root(), core::names::ns_dsig, "Signature")) {
    core::remove_node(signature);
  }
  return core::base64_encode(core::serialize(*doc));
}

core::Result<std::string> choice_param(const Target& target, std::string_view name,
                                       std::initializer_list<std::string_view> choices,
                                       std::string_view fallback) {
  auto it = target.params.find(std::string(name));
  if (it == target.params.end()) {
    return std::string(fallback);
  }
  std::string expected;
  for (std::string_view choice : choices) {
    if (it->is_string() && it->get<std::string>() == choice) {
      return std::string(choice);
    }
    expected += (expected.empty() ? "" : " | ") + std::string(choice);
  }
  return core::fail(core::Reason::mutator_params_invalid, "/" + std::string(name) + ": expected " + expected);
}

}  // namespace samlt::idp::mutators
