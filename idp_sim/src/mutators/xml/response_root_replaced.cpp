// SPDX-License-Identifier: Apache-2.0
// response.root_replaced — something other than a samlp:Response posted to the ACS
// (attack-catalogue XML-WRONG-ROOT; crewjam/saml TestSPInvalidResponses): the signed Assertion
// alone, or an object the IdP key legitimately signed for another purpose (F, §0.1: a
// LogoutResponse, an EntityDescriptor), or no SAML at all. saml-profiles §4.1.4.2 / saml-bindings
// §3.5.3: the ACS takes a <samlp:Response>; a signature over anything else proves nothing here.
#include "mutators/mutators.hpp"
#include "mutators/xml/xml.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xmldsig.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// An IdP-signed LogoutResponse (Entra's SLO answer shape, entra-spec §4.3) to the SP.
core::Result<core::XmlDoc> logout_response(const Target& target) {
  core::XmlDoc doc = core::XmlDoc::create();
  xmlNode* root = core::make_root(doc, n::ns_protocol, "samlp", "LogoutResponse");
  core::set_attribute(root, "ID", core::new_saml_id());
  core::set_attribute(root, "Version", "2.0");
  core::set_attribute(root, "IssueInstant", core::format_datetime(target.t0));
  core::set_attribute(root, "Destination", target.spec.destination.value_or(target.spec.recipient));
  core::set_attribute(root, "InResponseTo", target.spec.in_response_to.value_or(core::new_saml_id()));
  core::append_element(root, n::ns_assertion, "", "Issuer", target.spec.response_issuer);
  xmlNode* status = core::append_element(root, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value", n::status_success);
  auto signature = core::sign_enveloped(doc, root, target.spec.signer, target.spec.sign_options);
  if (!signature) {
    return core::fail(signature.error());
  }
  return doc;
}

// The IdP's signed metadata as far as an attacker needs it (saml-metadata §2.3.2, §2.4.3): the
// entity ID, the signing certificate, the SSO endpoint.
core::Result<core::XmlDoc> entity_descriptor(const Target& target) {
  core::XmlDoc doc = core::XmlDoc::create();
  xmlNode* root = core::make_root(doc, n::ns_metadata, "", "EntityDescriptor");
  core::set_attribute(root, "ID", core::new_saml_id());
  core::set_attribute(root, "entityID", target.spec.response_issuer);
  xmlNode* idp = core::append_element(root, n::ns_metadata, "", "IDPSSODescriptor");
  core::set_attribute(idp, "protocolSupportEnumeration", n::ns_protocol);
  xmlNode* key = core::append_element(idp, n::ns_metadata, "", "KeyDescriptor");
  core::set_attribute(key, "use", "signing");
  xmlNode* info = core::append_element(key, n::ns_dsig, "", "KeyInfo");
  xmlNode* data = core::append_element(info, n::ns_dsig, "", "X509Data");
  core::append_element(data, n::ns_dsig, "", "X509Certificate", target.spec.signer.certificate.base64());
  xmlNode* sso = core::append_element(idp, n::ns_metadata, "", "SingleSignOnService");
  core::set_attribute(sso, "Binding", n::binding_redirect);
  core::set_attribute(sso, "Location", "https://login.microsoftonline.com/" + std::string(target.tenant_id) + "/saml2");
  auto signature = core::sign_enveloped(doc, root, target.spec.signer, target.spec.sign_options);
  if (!signature) {
    return core::fail(signature.error());
  }
  return doc;
}

}  // namespace

// Params: root (assertion: the signed Assertion alone | logout_response | entity_descriptor |
// hello: <hello>World!</hello>; default assertion).
core::Result<void> response_root_replaced(Target& target) {
  auto root_param = string_param(target, "root");
  if (!root_param) {
    return core::fail(root_param.error());
  }
  std::string root = root_param->value_or("assertion");
  if (root == "assertion") {
    xmlNode* assertion = core::child_named(target.doc->root(), n::ns_assertion, "Assertion");
    if (assertion == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "no Assertion");
    }
    xmlUnlinkNode(assertion);
    xmlNode* old = xmlDocSetRootElement(target.doc->get(), assertion);
    xmlFreeNode(old);
    return {};
  }
  core::Result<core::XmlDoc> replacement = core::fail(core::Reason::mutator_params_invalid,
                                                      "/root: expected assertion, logout_response, entity_descriptor or hello");
  if (root == "logout_response") {
    replacement = logout_response(target);
  } else if (root == "entity_descriptor") {
    replacement = entity_descriptor(target);
  } else if (root == "hello") {
    core::XmlDoc hello = core::XmlDoc::create();
    xmlNode* element = xmlNewDocNode(hello.get(), nullptr, BAD_CAST "hello", BAD_CAST "World!");
    xmlDocSetRootElement(hello.get(), element);
    replacement = std::move(hello);
  }
  if (!replacement) {
    return core::fail(replacement.error());
  }
  *target.doc = std::move(*replacement);
  return {};
}

}  // namespace samlt::idp::mutators
