// SPDX-License-Identifier: Apache-2.0
// attribute.email
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {
namespace {

namespace n = core::names;

const SamlAttribute* find(const std::vector<SamlAttribute>& attributes, std::string_view name) {
  for (const auto& attribute : attributes) {
    if (attribute.name == name && !attribute.values.empty() && !attribute.values.front().empty()) {
      return &attribute;
    }
  }
  return nullptr;
}

std::string display_name(const std::vector<SamlAttribute>& attributes, const std::string& email) {
  if (const auto* name = find(attributes, n::claim_display_name)) {
    return name->values.front();
  }
  const auto* given = find(attributes, n::claim_given_name);
  const auto* surname = find(attributes, n::claim_surname);
  if (given != nullptr || surname != nullptr) {
    std::string both = given ? given->values.front() : "";
    return both + (given && surname ? " " : "") + (surname ? surname->values.front() : "");
  }
  return email;
}

}  // namespace

// The account is found by email (mission seeds 000, 004): Entra's emailaddress claim
// (entra-spec §1.10), else an emailAddress-format NameID (saml-core §8.3.2). With
// policy.require_email a sign-in without either is refused. Attributes are read from every
// AttributeStatement of the verified Assertion, values as simple text (comments skipped,
// C14N-COMMENT-ATTR); NameFormat and unknown names are accepted (POS-ATTR-VARIANTS).
template <class Ev>
core::Result<void> attribute_email(const Context& ctx, Ev& ev) {
  ev.attributes.clear();
  for (xmlNode* statement : core::children_named(ev.assertion->node(), n::ns_assertion, "AttributeStatement")) {
    for (xmlNode* attribute : core::children_named(statement, n::ns_assertion, "Attribute")) {
      SamlAttribute out{core::attribute(attribute, "Name").value_or(""), {}};
      for (xmlNode* value : core::children_named(attribute, n::ns_assertion, "AttributeValue")) {
        out.values.push_back(read::text_of(value));
      }
      ev.attributes.push_back(std::move(out));
    }
  }
  if (const auto* claim = find(ev.attributes, n::claim_email)) {
    ev.email = claim->values.front();
  } else if (ev.name_id_format == n::nameid_email) {
    ev.email = ev.name_id;
  } else {
    ev.email.clear();
  }
  if (ctx.policy.require_email && (ev.email.empty() || ev.email.find('@') == std::string::npos)) {
    return core::fail(core::Reason::attribute_email_missing,
                      ev.email.empty() ? "no emailaddress claim and no emailAddress-format NameID"
                                       : "'" + ev.email + "' is not an email address");
  }
  ev.display_name = display_name(ev.attributes, ev.email.empty() ? ev.name_id : ev.email);
  return {};
}

SAMLT_ASSERTION_STEP(attribute_email)

}  // namespace samlt::sp::steps
