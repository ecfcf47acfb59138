// SPDX-License-Identifier: Apache-2.0
// Where an XSW mutator hides a copy: each place the SAML and XML-DSig schemas leave open (lax
// wildcards, anyType content, Advice), the Signature of the visible element, the visible element
// itself, its siblings, and an unknown wrapper element (Somorovsky et al. 2012; Mainka et al.,
// arXiv:1401.7483: schema validation without hardening leaves these open).
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators::xsw {
namespace {

namespace n = core::names;

core::Result<void> not_applicable(std::string why) {
  return core::fail(core::Reason::mutator_not_applicable, std::move(why));
}

// An element {ns of `scope` for `ns_uri`}local, or in no namespace (xmlns="") when ns_uri is empty.
xmlNode* new_element(xmlNode* scope, std::string_view ns_uri, std::string_view local) {
  xmlNode* node = xmlNewDocNode(scope->doc, nullptr, BAD_CAST std::string(local).c_str(), nullptr);
  if (ns_uri.empty()) {
    xmlNewNs(node, BAD_CAST "", nullptr);
  } else if (xmlNs* ns = xmlSearchNsByHref(scope->doc, scope, BAD_CAST std::string(ns_uri).c_str())) {
    xmlSetNs(node, ns);
  } else {
    xmlSetNs(node, xmlNewNs(node, BAD_CAST std::string(ns_uri).c_str(), nullptr));
  }
  return node;
}

// The child {ns}local of `parent`, made (appended, or before `before` when given) when absent.
xmlNode* child_or_new(xmlNode* parent, std::string_view ns, std::string_view local, xmlNode* before = nullptr) {
  if (xmlNode* found = core::child_named(parent, ns, local)) {
    return found;
  }
  xmlNode* made = new_element(parent, ns, local);
  before ? insert_before(before, made) : append_child(parent, made);
  return made;
}

bool is_statement(const xmlNode* node) {
  for (auto local : {"Statement", "AuthnStatement", "AuthzDecisionStatement", "AttributeStatement"}) {
    if (core::is_element(node, n::ns_assertion, local)) {
      return true;
    }
  }
  return false;
}

xmlNode* first_statement(const xmlNode* assertion) {
  for (xmlNode* child : core::element_children(assertion)) {
    if (is_statement(child)) {
      return child;
    }
  }
  return nullptr;
}

}  // namespace

core::Result<void> hide(xmlNode* visible, xmlNode* hidden, std::string_view place, std::string_view wrapper) {
  xmlNode* root = xmlDocGetRootElement(visible->doc);
  xmlNode* signature = signature_of(visible);
  xmlNode* assertion = core::is_element(visible, n::ns_assertion, "Assertion")
                           ? visible
                           : core::child_named(visible, n::ns_assertion, "Assertion");
  bool has_parent = visible->parent != nullptr && visible->parent->type == XML_ELEMENT_NODE;
  if ((place == "signature" || place == "object" || place == "object_unqualified" || place == "key_info" ||
       place == "before_signature") && signature == nullptr) {
    return not_applicable("the visible element carries no Signature");
  }
  if ((place == "advice" || place == "attribute_value" || place == "subject_confirmation_data") &&
      assertion == nullptr) {
    return not_applicable("the visible element holds no Assertion");
  }
  if (place == "signature") {
    append_child(signature, hidden);
  } else if (place == "object" || place == "object_unqualified") {
    xmlNode* object = new_element(signature, place == "object" ? n::ns_dsig : "", "Object");
    append_child(signature, object);
    append_child(object, hidden);
  } else if (place == "key_info") {
    append_child(child_or_new(signature, n::ns_dsig, "KeyInfo"), hidden);
  } else if (place == "before_signature") {
    insert_before(signature, hidden);
  } else if (place == "response_end" || place == "inside_visible") {
    append_child(place == "response_end" ? root : visible, hidden);
  } else if (place == "sibling_before" || place == "sibling_after") {
    if (!has_parent) {
      return not_applicable("the visible element is the document element: it has no siblings");
    }
    place == "sibling_before" ? insert_before(visible, hidden) : static_cast<void>(xmlAddNextSibling(visible, hidden));
  } else if (place == "extensions" || place == "extensions_unqualified") {
    append_child(extensions_of(root, place == "extensions"), hidden);
  } else if (place == "status_detail") {
    xmlNode* status = core::child_named(root, n::ns_protocol, "Status");
    if (status == nullptr) {
      return not_applicable("the Response has no Status");
    }
    append_child(child_or_new(status, n::ns_protocol, "StatusDetail"), hidden);
  } else if (place == "advice") {
    append_child(child_or_new(assertion, n::ns_assertion, "Advice", first_statement(assertion)), hidden);
  } else if (place == "attribute_value") {
    xmlNode* statement = child_or_new(assertion, n::ns_assertion, "AttributeStatement");
    xmlNode* attribute = core::append_element(statement, n::ns_assertion, "", "Attribute");
    core::set_attribute(attribute, "Name", "urn:samlt:xsw:container");
    append_child(core::append_element(attribute, n::ns_assertion, "", "AttributeValue"), hidden);
  } else if (place == "subject_confirmation_data") {
    auto data = core::descendants_named(assertion, n::ns_assertion, "SubjectConfirmationData");
    if (data.empty()) {
      return not_applicable("the Assertion has no SubjectConfirmationData");
    }
    append_child(data.front(), hidden);
  } else if (place == "wrapper" || place == "wrapper_before") {
    xmlNode* box = new_element(visible, "", wrapper);
    append_child(box, hidden);
    if (!has_parent) {
      if (place == "wrapper_before") {
        return not_applicable("the visible element is the document element: nothing goes before it");
      }
      append_child(visible, box);
    } else {
      place == "wrapper" ? static_cast<void>(xmlAddNextSibling(visible, box)) : insert_before(visible, box);
    }
  } else {
    return core::fail(core::Reason::mutator_params_invalid, "/place: unknown place '" + std::string(place) + "'");
  }
  return {};
}

}  // namespace samlt::idp::mutators::xsw
