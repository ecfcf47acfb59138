// SPDX-License-Identifier: Apache-2.0
#include "entra_response.hpp"

#include "samlt/core/saml_names.hpp"

#include <utility>

namespace samlt::bench {
namespace n = core::names;

EntraResponse make_entra_response() {
  const std::string issuer = "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/";
  const std::string acs = "https://sp.example.com/saml/acs";
  EntraResponse r{core::XmlDoc::create()};
  xmlNode* response = core::make_root(r.doc, n::ns_protocol, "samlp", "Response");
  for (auto [name, value] : {std::pair{"ID", "_6e3b9c2a-1d4f-4a8e-9b7c-2f5e8d1a0c33"}, {"Version", "2.0"},
                             {"IssueInstant", "2025-03-04T10:15:30.812Z"}, {"Destination", acs.c_str()},
                             {"InResponseTo", "_a1b2c3d4e5f60718293a4b5c6d7e8f90"}}) {
    core::set_attribute(response, name, value);
  }
  core::append_element(response, n::ns_assertion, "", "Issuer", issuer);
  xmlNode* status = core::append_element(response, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value", n::status_success);
  xmlNode* a = r.assertion = core::append_element(response, n::ns_assertion, "", "Assertion");
  core::set_attribute(a, "ID", "_4f2d8c1b-7a9e-4c3d-b5f6-0e1a2b3c0d00");
  core::set_attribute(a, "IssueInstant", "2025-03-04T10:15:30.806Z");
  core::set_attribute(a, "Version", "2.0");
  auto add = [](xmlNode* parent, const char* name, std::string_view text = {}) {
    return core::append_element(parent, n::ns_assertion, "", name, text);
  };
  add(a, "Issuer", issuer);
  xmlNode* subject = add(a, "Subject");
  core::set_attribute(add(subject, "NameID", "alex.wilber@contoso.example"), "Format", n::nameid_email);
  xmlNode* confirmation = add(subject, "SubjectConfirmation");
  core::set_attribute(confirmation, "Method", n::cm_bearer);
  xmlNode* data = add(confirmation, "SubjectConfirmationData");
  core::set_attribute(data, "InResponseTo", "_a1b2c3d4e5f60718293a4b5c6d7e8f90");
  core::set_attribute(data, "NotOnOrAfter", "2025-03-04T11:15:30.655Z");
  core::set_attribute(data, "Recipient", acs);
  xmlNode* conditions = add(a, "Conditions");
  core::set_attribute(conditions, "NotBefore", "2025-03-04T10:10:30.655Z");
  core::set_attribute(conditions, "NotOnOrAfter", "2025-03-04T11:15:30.655Z");
  add(add(conditions, "AudienceRestriction"), "Audience", "https://sp.example.com/saml/metadata");
  xmlNode* statement = add(a, "AttributeStatement");
  const std::pair<std::string_view, std::vector<std::string_view>> claims[] = {
      {n::claim_tenant_id, {"aaaabbbb-0000-cccc-1111-dddd2222eeee"}},
      {n::claim_object_id, {"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}},
      {n::claim_display_name, {"Alex Wilber"}},
      {n::claim_identity_provider, {issuer}},
      {n::claim_authn_methods, {n::amr_password, n::amr_multiple}},
      {n::claim_given_name, {"Alex"}},
      {n::claim_surname, {"Wilber"}},
      {n::claim_email, {"alex.wilber@contoso.example"}},
      {n::claim_name, {"alex.wilber@contoso.example"}}};
  for (const auto& [name, values] : claims) {
    xmlNode* attribute = add(statement, "Attribute");
    core::set_attribute(attribute, "Name", name);
    for (auto value : values) {
      add(attribute, "AttributeValue", value);
    }
  }
  xmlNode* authn = add(a, "AuthnStatement");
  core::set_attribute(authn, "AuthnInstant", "2025-03-04T09:02:11.287Z");
  core::set_attribute(authn, "SessionIndex", "_4f2d8c1b-7a9e-4c3d-b5f6-0e1a2b3c0d00");
  add(add(authn, "AuthnContext"), "AuthnContextClassRef", n::ac_password);
  return r;
}

}  // namespace samlt::bench
