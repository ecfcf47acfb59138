// SPDX-License-Identifier: Apache-2.0
#include "support/entra_response.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

#include <chrono>

namespace samlt::test {
namespace {

namespace n = core::names;
using std::chrono::minutes;

std::vector<EntraAttribute> alex_claims() {
  return {
      {std::string(n::claim_tenant_id), {k_tenant}},
      {std::string(n::claim_object_id), {"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}},
      {std::string(n::claim_display_name), {"Alex Wilber"}},
      {std::string(n::claim_identity_provider), {k_idp_entity_id}},
      {std::string(n::claim_authn_methods), {std::string(n::amr_password)}},
      {std::string(n::claim_given_name), {"Alex"}},
      {std::string(n::claim_surname), {"Wilber"}},
      {std::string(n::claim_email), {k_user}},
      {std::string(n::claim_name), {k_user}},
  };
}

std::string at(core::TimePoint t) { return core::format_datetime(t); }

}  // namespace

EntraResponseSpec entra_spec(core::TimePoint t0) {
  EntraResponseSpec spec;
  spec.t0 = t0;
  return spec;
}

ResponseParts build_entra_response(const EntraResponseSpec& spec) {
  ResponseParts p{core::XmlDoc::create()};
  core::TimePoint t0 = spec.t0;
  std::string response_id = spec.response_id.empty() ? core::new_saml_id() : spec.response_id;
  std::string assertion_id = spec.assertion_id.empty() ? core::new_assertion_id() : spec.assertion_id;

  p.response = core::make_root(p.doc, n::ns_protocol, "samlp", "Response");
  core::set_attribute(p.response, "ID", response_id);
  core::set_attribute(p.response, "Version", "2.0");
  core::set_attribute(p.response, "IssueInstant", at(t0));
  if (spec.destination) {
    core::set_attribute(p.response, "Destination", *spec.destination);
  }
  if (spec.in_response_to) {
    core::set_attribute(p.response, "InResponseTo", *spec.in_response_to);
  }
  core::append_element(p.response, n::ns_assertion, "", "Issuer", spec.issuer);
  xmlNode* status = core::append_element(p.response, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value", spec.status);

  p.assertion = core::append_element(p.response, n::ns_assertion, "", "Assertion");
  core::set_attribute(p.assertion, "ID", assertion_id);
  core::set_attribute(p.assertion, "IssueInstant", at(t0));
  core::set_attribute(p.assertion, "Version", "2.0");
  core::append_element(p.assertion, n::ns_assertion, "", "Issuer", spec.assertion_issuer);
  p.subject = core::append_element(p.assertion, n::ns_assertion, "", "Subject");
  p.name_id = core::append_element(p.subject, n::ns_assertion, "", "NameID", spec.name_id);
  core::set_attribute(p.name_id, "Format", spec.name_id_format);
  p.confirmation = core::append_element(p.subject, n::ns_assertion, "", "SubjectConfirmation");
  core::set_attribute(p.confirmation, "Method", n::cm_bearer);
  p.confirmation_data = core::append_element(p.confirmation, n::ns_assertion, "", "SubjectConfirmationData");
  if (spec.in_response_to) {
    core::set_attribute(p.confirmation_data, "InResponseTo", *spec.in_response_to);
  }
  core::set_attribute(p.confirmation_data, "NotOnOrAfter", at(t0 + minutes(60)));
  core::set_attribute(p.confirmation_data, "Recipient", spec.recipient);
  p.conditions = core::append_element(p.assertion, n::ns_assertion, "", "Conditions");
  core::set_attribute(p.conditions, "NotBefore", at(t0 - minutes(5)));
  core::set_attribute(p.conditions, "NotOnOrAfter", at(t0 + minutes(60)));
  xmlNode* restriction = core::append_element(p.conditions, n::ns_assertion, "", "AudienceRestriction");
  for (const auto& audience : spec.audiences) {
    p.audience = core::append_element(restriction, n::ns_assertion, "", "Audience", audience);
  }
  auto attributes = spec.default_attributes && spec.attributes.empty() ? alex_claims() : spec.attributes;
  if (!attributes.empty()) {
    p.attributes = core::append_element(p.assertion, n::ns_assertion, "", "AttributeStatement");
    for (const auto& attribute : attributes) {
      xmlNode* node = core::append_element(p.attributes, n::ns_assertion, "", "Attribute");
      core::set_attribute(node, "Name", attribute.name);
      for (const auto& value : attribute.values) {
        core::append_element(node, n::ns_assertion, "", "AttributeValue", value);
      }
    }
  }
  p.authn = core::append_element(p.assertion, n::ns_assertion, "", "AuthnStatement");
  core::set_attribute(p.authn, "AuthnInstant", at(t0 - minutes(1)));
  core::set_attribute(p.authn, "SessionIndex", assertion_id);
  xmlNode* context = core::append_element(p.authn, n::ns_assertion, "", "AuthnContext");
  core::append_element(context, n::ns_assertion, "", "AuthnContextClassRef", spec.authn_context);

  if (spec.before_signing) {
    spec.before_signing(p);
  }
  const core::Credential& signer = test_credential(spec.signer_role);
  core::SignOptions options;
  options.algorithm = spec.algorithm;
  if (spec.signing == SignWith::assertion || spec.signing == SignWith::both) {
    REQUIRE(core::sign_enveloped(p.doc, p.assertion, signer, options));
  }
  if (spec.encrypt) {
    core::EncryptOptions encrypt;
    encrypt.content = spec.content;
    auto encrypted = core::encrypt_assertion(p.doc, p.assertion, test_credential("sp-encryption").certificate, encrypt);
    REQUIRE(encrypted);
    p.assertion = p.subject = p.name_id = p.confirmation = p.confirmation_data = nullptr;
    p.conditions = p.audience = p.attributes = p.authn = nullptr;
  }
  if (spec.signing == SignWith::response || spec.signing == SignWith::both) {
    REQUIRE(core::sign_enveloped(p.doc, p.response, signer, options));
  }
  if (spec.after_signing) {
    spec.after_signing(p);
  }
  return p;
}

core::FormFields post_form_of(const std::string& xml, const std::string& relay_state) {
  core::FormFields form{{"SAMLResponse", core::base64_encode(xml)}};
  if (!relay_state.empty()) {
    form.emplace_back("RelayState", relay_state);
  }
  return form;
}

core::FormFields post_form(const ResponseParts& parts, const std::string& relay_state) {
  return post_form_of(core::serialize(parts.doc), relay_state);
}

}  // namespace samlt::test
