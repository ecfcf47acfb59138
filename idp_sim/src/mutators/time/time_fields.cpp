// SPDX-License-Identifier: Apache-2.0
// The dateTime attributes of a Response (saml-core §3.2.2 IssueInstant, §2.3.3, §2.5.1.2
// Conditions, §2.4.1.2 SubjectConfirmationData, §2.7.2 AuthnStatement) by field name.
#include "mutators/locate.hpp"
#include "mutators/time/time.hpp"

namespace samlt::idp::mutators::time {
namespace {

struct Entry {
  std::string_view field;
  std::string_view location;  // a locate() place
  std::string_view attribute;
};

constexpr Entry k_entries[] = {
    {"response.issue_instant", "response", "IssueInstant"},
    {"assertion.issue_instant", "assertion", "IssueInstant"},
    {"conditions.not_before", "conditions", "NotBefore"},
    {"conditions.not_on_or_after", "conditions", "NotOnOrAfter"},
    {"confirmation.not_before", "subject_confirmation_data", "NotBefore"},
    {"confirmation.not_on_or_after", "subject_confirmation_data", "NotOnOrAfter"},
    {"authn.authn_instant", "authn_statement", "AuthnInstant"},
    {"authn.session_not_on_or_after", "authn_statement", "SessionNotOnOrAfter"},
};

}  // namespace

core::Result<Field> field_param(const Target& target, std::string_view fallback) {
  auto name = text_param(target, "field", fallback);
  if (!name) {
    return core::fail(name.error());
  }
  for (const auto& entry : k_entries) {
    if (entry.field == *name) {
      auto element = locate(target, entry.location);
      if (!element) {
        return core::fail(element.error());
      }
      return Field{*element, entry.attribute};
    }
  }
  return core::fail(core::Reason::mutator_params_invalid,
                    "/field: '" + *name + "' is not one of " + std::string(k_fields));
}

}  // namespace samlt::idp::mutators::time
