// SPDX-License-Identifier: Apache-2.0
// The helpers §11's mutators share.
#include "mutators/encryption/encryption.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

#include <algorithm>

namespace samlt::idp::mutators::enc {

core::Result<core::Certificate> recipient(const Target& target) {
  if (!target.spec.encrypt_for) {
    return core::fail(core::Reason::mutator_not_applicable,
                      "token encryption is off: set the app's token_encryption (the SP's encryption certificate)");
  }
  return *target.spec.encrypt_for;
}

raw::Recipe app_recipe(const Target& target) {
  raw::Recipe recipe;
  recipe.content = target.spec.encrypt_options.content == core::ContentEncryption::aes256_cbc
                       ? raw::Content::aes256_cbc
                       : raw::Content::aes256_gcm;
  return recipe;
}

core::Result<xmlNode*> assertion(const Target& target) {
  xmlNode* found = core::child_named(target.doc->root(), core::names::ns_assertion, "Assertion");
  if (found == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Response carries no Assertion");
  }
  return found;
}

core::Result<xmlNode*> encrypted_assertion(const Target& target) {
  xmlNode* found = core::child_named(target.doc->root(), core::names::ns_assertion, "EncryptedAssertion");
  if (found == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable,
                      "the Response carries no EncryptedAssertion (enable the app's token_encryption)");
  }
  return found;
}

core::Result<std::string> choice(const Target& target, std::string_view name, std::string_view choices,
                                 std::string_view fallback) {
  auto value = string_param(target, name);
  if (!value) {
    return core::fail(value.error());
  }
  std::string chosen = value->value_or(std::string(fallback));
  std::string_view rest = choices;
  while (!rest.empty()) {
    auto bar = rest.find('|');
    if (rest.substr(0, bar) == chosen) {
      return chosen;
    }
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
  }
  std::string expected(choices);
  std::replace(expected.begin(), expected.end(), '|', ',');
  return core::fail(core::Reason::mutator_params_invalid, "/" + std::string(name) + ": expected one of " + expected);
}

}  // namespace samlt::idp::mutators::enc
