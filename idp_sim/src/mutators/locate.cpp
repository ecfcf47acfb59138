// SPDX-License-Identifier: Apache-2.0
// The places locate() knows, as one table: each is the first child {ns}local of its parent place.
#include "mutators/locate.hpp"

#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

struct Place {
  std::string_view name;
  std::string_view parent;  // empty: the document element
  std::string_view ns;
  std::string_view local;
};

// saml-core §3.3.3 (Response), §2.3.3 (Assertion), §2.4 (Subject), §2.5 (Conditions), §2.7.2
// (AuthnStatement), §2.7.3 (AttributeStatement).
constexpr Place k_places[] = {
    {"response", "", n::ns_protocol, "Response"},
    {"response_issuer", "response", n::ns_assertion, "Issuer"},
    {"status", "response", n::ns_protocol, "Status"},
    {"status_code", "status", n::ns_protocol, "StatusCode"},
    {"assertion", "response", n::ns_assertion, "Assertion"},
    {"assertion_issuer", "assertion", n::ns_assertion, "Issuer"},
    {"subject", "assertion", n::ns_assertion, "Subject"},
    {"name_id", "subject", n::ns_assertion, "NameID"},
    {"subject_confirmation", "subject", n::ns_assertion, "SubjectConfirmation"},
    {"subject_confirmation_data", "subject_confirmation", n::ns_assertion, "SubjectConfirmationData"},
    {"conditions", "assertion", n::ns_assertion, "Conditions"},
    {"audience_restriction", "conditions", n::ns_assertion, "AudienceRestriction"},
    {"audience", "audience_restriction", n::ns_assertion, "Audience"},
    {"attribute_statement", "assertion", n::ns_assertion, "AttributeStatement"},
    {"authn_statement", "assertion", n::ns_assertion, "AuthnStatement"},
    {"authn_context", "authn_statement", n::ns_assertion, "AuthnContext"},
    {"authn_context_class_ref", "authn_context", n::ns_assertion, "AuthnContextClassRef"},
};

const Place* find_place(std::string_view name) {
  for (const auto& place : k_places) {
    if (place.name == name) {
      return &place;
    }
  }
  return nullptr;
}

xmlNode* find(const Target& target, const Place& place) {
  if (place.parent.empty()) {
    xmlNode* root = target.doc->root();
    return core::is_element(root, place.ns, place.local) ? root : nullptr;
  }
  xmlNode* parent = find(target, *find_place(place.parent));
  return parent == nullptr ? nullptr : core::child_named(parent, place.ns, place.local);
}

}  // namespace

std::string location_names() {
  std::string out;
  for (const auto& place : k_places) {
    out += (out.empty() ? "" : ", ") + std::string(place.name);
  }
  return out;
}

core::Result<xmlNode*> locate(const Target& target, std::string_view location) {
  const Place* place = find_place(location);
  if (place == nullptr) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "'" + std::string(location) + "' is not a place: one of " + location_names());
  }
  xmlNode* found = find(target, *place);
  if (found == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the message has no " + std::string(place->local) +
                                                                " (" + std::string(location) + ")");
  }
  return found;
}

core::Result<std::string> text_param(const Target& target, std::string_view name, std::string_view fallback) {
  auto it = target.params.find(std::string(name));
  if (it == target.params.end()) {
    return std::string(fallback);
  }
  if (!it->is_string()) {
    return core::fail(core::Reason::mutator_params_invalid, "/" + std::string(name) + ": expected a string");
  }
  return it->get<std::string>();
}

core::Result<std::vector<std::string>> texts_param(const Target& target, std::string_view name,
                                                   std::vector<std::string> fallback) {
  auto it = target.params.find(std::string(name));
  if (it == target.params.end()) {
    return fallback;
  }
  if (it->is_string()) {
    return std::vector<std::string>{it->get<std::string>()};
  }
  std::vector<std::string> out;
  if (it->is_array()) {
    for (const auto& item : *it) {
      if (!item.is_string()) {
        out.clear();
        break;
      }
      out.push_back(item.get<std::string>());
    }
  }
  if (out.empty()) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/" + std::string(name) + ": expected a string or a non-empty array of strings");
  }
  return out;
}

}  // namespace samlt::idp::mutators
