// SPDX-License-Identifier: Apache-2.0
// metadata.signing_methods_advertised — the IdP's metadata claims it signs only with weak
// algorithms (attack-catalogue MD-ALG-DOWNGRADE): md:Extensions with alg:SigningMethod and
// alg:DigestMethod (SAML V2.0 Metadata Profile for Algorithm Support, SAML2int IIP-MD10). Metadata
// may say what an IdP supports; the SP's own allow-list still decides what it accepts. Param
// `methods`: sha1 (default: rsa-sha1 and sha1) | md5 (rsa-md5 and md5).
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_signing_methods_advertised(Target& target) {
  auto methods = string_param(target, "methods");
  if (!methods) {
    return core::fail(methods.error());
  }
  std::string wanted = methods->value_or("sha1");
  if (wanted != "sha1" && wanted != "md5") {
    return core::fail(core::Reason::mutator_params_invalid, "/methods: expected sha1 or md5");
  }
  namespace n = core::names;
  constexpr std::string_view k_ns_alg = "urn:oasis:names:tc:SAML:metadata:algsupport";
  xmlNode* entity = target.doc->root();
  xmlNode* extensions = core::append_element(entity, n::ns_metadata, "", "Extensions");
  xmlUnlinkNode(extensions);
  xmlAddPrevSibling(core::first_element_child(entity), extensions);
  bool sha1 = wanted == "sha1";
  core::set_attribute(core::append_element(extensions, k_ns_alg, "alg", "DigestMethod"), "Algorithm",
                      sha1 ? n::alg_sha1 : "http://www.w3.org/2001/04/xmldsig-more#md5");
  core::set_attribute(core::append_element(extensions, k_ns_alg, "alg", "SigningMethod"), "Algorithm",
                      sha1 ? n::alg_rsa_sha1 : "http://www.w3.org/2001/04/xmldsig-more#rsa-md5");
  return {};
}

}  // namespace samlt::idp::mutators
