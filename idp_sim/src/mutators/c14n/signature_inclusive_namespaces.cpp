// SPDX-License-Identifier: Apache-2.0
// signature.inclusive_namespaces — exclusive c14n with an InclusiveNamespaces PrefixList, as
// WSS4J-based IdPs sign typed AttributeValues (attack-catalogue POS-INCLUSIVE-NS; xml-exc-c14n
// §3 "InclusiveNamespaces PrefixList"; ruby-saml inclusive_namespaces.xml, xmlseclibs bd47501):
// `xs`/`xsi` are declared on the Response, used by xsi:type="xs:string" on every AttributeValue,
// and named in the PrefixList of both exc-c14n methods. With resign the IdP signs that shape (a
// correct SP accepts it); without, the PrefixList and types arrive after signing, and the digest
// no longer matches.
#include "mutators/algorithms/resign.hpp"
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

constexpr std::string_view k_xs = "http://www.w3.org/2001/XMLSchema";

void add_prefix_list(xmlNode* method, const std::string& prefixes) {
  xmlNode* inclusive = core::append_element(method, n::alg_exc_c14n, "ec", "InclusiveNamespaces");
  core::set_attribute(inclusive, "PrefixList", prefixes);
}

}  // namespace

// Params: prefixes (the PrefixList, default "xs xsi"), resign (default false).
core::Result<void> signature_inclusive_namespaces(Target& target) {
  auto prefixes = string_param(target, "prefixes");
  if (!prefixes) {
    return core::fail(prefixes.error());
  }
  auto resign_after = bool_param(target, "resign", false);
  if (!resign_after) {
    return core::fail(resign_after.error());
  }
  auto signatures = core::descendants_named(target.doc->root(), n::ns_dsig, "Signature");
  if (signatures.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "nothing is signed");
  }
  xmlNode* root = target.doc->root();
  xmlNewNs(root, BAD_CAST k_xs.data(), BAD_CAST "xs");
  xmlNewNs(root, BAD_CAST n::ns_xsi.data(), BAD_CAST "xsi");
  for (xmlNode* value : core::descendants_named(root, n::ns_assertion, "AttributeValue")) {
    core::set_attribute_ns(value, n::ns_xsi, "xsi", "type", "xs:string");
  }
  std::string list = prefixes->value_or("xs xsi");
  for (xmlNode* signature : signatures) {
    for (xmlNode* method : core::descendants_named(signature, n::ns_dsig, "CanonicalizationMethod")) {
      add_prefix_list(method, list);
    }
    for (xmlNode* transform : core::descendants_named(signature, n::ns_dsig, "Transform")) {
      if (core::attribute(transform, "Algorithm") == n::alg_exc_c14n) {
        add_prefix_list(transform, list);
      }
    }
  }
  if (!*resign_after) {
    return {};
  }
  return resign_all(*target.doc, SigningKey{target.spec.signer.key.get(), {}});
}

}  // namespace samlt::idp::mutators
