// SPDX-License-Identifier: Apache-2.0
// attribute.duplicated — one Attribute Name sent twice with different values in the signed
// assertion: an SP that keeps the last (or merges) grants what the IdP never meant, an SP that
// keeps the first hides the conflict from the application (case ATTR-DUPLICATE; ruby-saml and
// python3-saml duplicated_attributes). saml-core §2.7.3.1: one Attribute element carries all of an
// attribute's values. Param name: role (default: two role Attributes, user and admin) or email (a
// second emailaddress Attribute holding param victim, default megan.bowen@contoso.example).
// Param statement: same (default) or second (the added Attributes in a second AttributeStatement).
// With name email, param original removed drops the message's own emailaddress Attribute, so the
// Name is there once: with victim = the user's own address and statement second, that is the
// positive form POS-ATTR-VARIANTS split_statements (several AttributeStatements, SAML2int IIP-SP10).
#include "mutators/locate.hpp"
#include "mutators/subject/subject.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> attribute_duplicated(Target& target) {
  namespace n = core::names;
  auto name = text_param(target, "name", "role");
  auto victim = text_param(target, "victim", "megan.bowen@contoso.example");
  auto where = text_param(target, "statement", "same");
  auto original = text_param(target, "original", "kept");
  if (!name || !victim || !where || !original) {
    return core::fail(!name ? name.error() : !victim ? victim.error() : !where ? where.error() : original.error());
  }
  if ((*name != "role" && *name != "email") || (*where != "same" && *where != "second") ||
      (*original != "kept" && (*original != "removed" || *name != "email"))) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "expected name role | email, statement same | second, original kept | removed (email only)");
  }
  auto first = locate(target, "attribute_statement");
  if (!first) {
    return core::fail(first.error());
  }
  xmlNode* statement = *where == "same" ? *first
                                        : core::insert_element_after(*first, n::ns_assertion, "", "AttributeStatement");
  auto add = [&](std::string_view claim, std::string_view value) {
    xmlNode* attribute = core::append_element(statement, n::ns_assertion, "", "Attribute");
    core::set_attribute(attribute, "Name", claim);
    core::append_element(attribute, n::ns_assertion, "", "AttributeValue", value);
  };
  if (*name == "role") {
    add(n::claim_role, "user");
    add(n::claim_role, "admin");
    return {};
  }
  if (*original == "removed") {
    for (xmlNode* attribute : core::children_named(*first, n::ns_assertion, "Attribute")) {
      if (core::attribute(attribute, "Name") == n::claim_email) {
        core::remove_node(attribute);
      }
    }
  }
  add(n::claim_email, *victim);
  return {};
}

}  // namespace samlt::idp::mutators
