// SPDX-License-Identifier: Apache-2.0
#include "mutators/encryption/enc_fixture.hpp"

#include "idp_fixture.hpp"

namespace samlt::test::idp {

std::string encryption_algorithm(const core::XmlDoc& doc, bool key) {
  namespace n = core::names;
  xmlNode* data = core::child_named(encrypted_assertion_of(doc), n::ns_xenc, "EncryptedData");
  xmlNode* holder = data;
  if (key) {
    holder = core::descendants_named(encrypted_assertion_of(doc), n::ns_xenc, "EncryptedKey").front();
  }
  return core::attribute(core::child_named(holder, n::ns_xenc, "EncryptionMethod"), "Algorithm").value_or("");
}

std::size_t count_named(const std::string& xml, std::string_view ns, std::string_view local) {
  auto doc = parse(xml);
  return core::descendants_named(doc.root(), ns, local).size();  // the root included
}

}  // namespace samlt::test::idp
