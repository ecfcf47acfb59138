// SPDX-License-Identifier: Apache-2.0
// The §11 baselines (B-ENC: token encryption on, the assertion signed) and small readers.
#pragma once

#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"

#include <nlohmann/json.hpp>

namespace samlt::test::idp {

inline nlohmann::json enc_baseline(const char* content = "aes256-gcm") {
  return {{"signing", "assertion"}, {"token_encryption", {{"enabled", true}, {"content_algorithm", content}}}};
}

inline xmlNode* encrypted_assertion_of(const core::XmlDoc& doc) {
  return core::child_named(doc.root(), core::names::ns_assertion, "EncryptedAssertion");
}

// The Algorithm of EncryptedData's (or, `key` true, EncryptedKey's) EncryptionMethod.
std::string encryption_algorithm(const core::XmlDoc& doc, bool key);

// How many elements {ns}local the document holds.
std::size_t count_named(const std::string& xml, std::string_view ns, std::string_view local);

}  // namespace samlt::test::idp
