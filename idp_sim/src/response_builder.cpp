// SPDX-License-Identifier: Apache-2.0
// The Response as Entra lays it out (entra-spec §1.2): attribute order is creation order, and the
// serialiser writes namespace declarations last, as Entra does.
#include "samlt/idp/response_builder.hpp"

#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/core/xmlenc.hpp"

namespace samlt::idp {
namespace {

namespace n = core::names;
using core::append_element;
using core::set_attribute;

void build_status(xmlNode* response, const ResponseSpec& spec) {
  xmlNode* status = append_element(response, n::ns_protocol, "samlp", "Status");
  xmlNode* code = append_element(status, n::ns_protocol, "samlp", "StatusCode");
  set_attribute(code, "Value", spec.status_code);
  if (spec.second_status_code) {
    set_attribute(append_element(code, n::ns_protocol, "samlp", "StatusCode"), "Value",
                  *spec.second_status_code);
  }
  if (spec.status_message) {
    append_element(status, n::ns_protocol, "samlp", "StatusMessage", *spec.status_message);
  }
}

// saml-profiles §4.1.4.2: bearer SubjectConfirmationData with InResponseTo (SP-initiated only),
// NotOnOrAfter and Recipient, in that order (entra-spec §1.8); no NotBefore, no Address.
void build_subject(xmlNode* assertion, const ResponseSpec& spec) {
  xmlNode* subject = append_element(assertion, n::ns_assertion, "", "Subject");
  xmlNode* name_id = append_element(subject, n::ns_assertion, "", "NameID", spec.name_id);
  set_attribute(name_id, "Format", spec.name_id_format);
  if (spec.sp_name_qualifier) {
    set_attribute(name_id, "SPNameQualifier", *spec.sp_name_qualifier);
  }
  xmlNode* confirmation = append_element(subject, n::ns_assertion, "", "SubjectConfirmation");
  set_attribute(confirmation, "Method", n::cm_bearer);
  xmlNode* data = append_element(confirmation, n::ns_assertion, "", "SubjectConfirmationData");
  if (spec.in_response_to) {
    set_attribute(data, "InResponseTo", *spec.in_response_to);
  }
  set_attribute(data, "NotOnOrAfter", core::format_datetime(spec.subject_not_on_or_after));
  set_attribute(data, "Recipient", spec.recipient);
}

void build_conditions(xmlNode* assertion, const ResponseSpec& spec) {
  xmlNode* conditions = append_element(assertion, n::ns_assertion, "", "Conditions");
  set_attribute(conditions, "NotBefore", core::format_datetime(spec.not_before));
  set_attribute(conditions, "NotOnOrAfter", core::format_datetime(spec.not_on_or_after));
  xmlNode* restriction = append_element(conditions, n::ns_assertion, "", "AudienceRestriction");
  for (const auto& audience : spec.audiences) {
    append_element(restriction, n::ns_assertion, "", "Audience", audience);
  }
}

void build_attributes(xmlNode* assertion, const ResponseSpec& spec) {
  if (spec.attributes.empty()) {
    return;
  }
  xmlNode* statement = append_element(assertion, n::ns_assertion, "", "AttributeStatement");
  for (const auto& attribute : spec.attributes) {
    xmlNode* element = append_element(statement, n::ns_assertion, "", "Attribute");
    set_attribute(element, "Name", attribute.name);
    if (attribute.name_format) {
      set_attribute(element, "NameFormat", *attribute.name_format);
    }
    for (const auto& value : attribute.values) {
      append_element(element, n::ns_assertion, "", "AttributeValue", value);
    }
  }
}

void build_assertion(xmlNode* response, const ResponseSpec& spec) {
  xmlNode* assertion = append_element(response, n::ns_assertion, "", "Assertion");
  set_attribute(assertion, "ID", spec.assertion_id);
  set_attribute(assertion, "IssueInstant", core::format_datetime(spec.assertion_issue_instant));
  set_attribute(assertion, "Version", "2.0");
  append_element(assertion, n::ns_assertion, "", "Issuer", spec.assertion_issuer);
  build_subject(assertion, spec);
  build_conditions(assertion, spec);
  build_attributes(assertion, spec);  // entra-spec §1.2: before AuthnStatement
  xmlNode* authn = append_element(assertion, n::ns_assertion, "", "AuthnStatement");
  set_attribute(authn, "AuthnInstant", core::format_datetime(spec.authn_instant));
  set_attribute(authn, "SessionIndex", spec.session_index);
  xmlNode* context = append_element(authn, n::ns_assertion, "", "AuthnContext");
  append_element(context, n::ns_assertion, "", "AuthnContextClassRef", spec.authn_context_class);
}

}  // namespace

core::XmlDoc build_response(const ResponseSpec& spec) {
  core::XmlDoc doc = core::XmlDoc::create();
  xmlNode* response = core::make_root(doc, n::ns_protocol, "samlp", "Response");
  set_attribute(response, "ID", spec.response_id);
  set_attribute(response, "Version", "2.0");
  set_attribute(response, "IssueInstant", core::format_datetime(spec.response_issue_instant));
  if (spec.destination) {
    set_attribute(response, "Destination", *spec.destination);
  }
  if (spec.in_response_to) {
    set_attribute(response, "InResponseTo", *spec.in_response_to);
  }
  append_element(response, n::ns_assertion, "", "Issuer", spec.response_issuer);
  build_status(response, spec);
  if (spec.include_assertion) {
    build_assertion(response, spec);
  }
  return doc;
}

xmlNode* response_assertion(const core::XmlDoc& doc) {
  return core::child_named(doc.root(), n::ns_assertion, "Assertion");
}

core::Result<void> sign_assertion(core::XmlDoc& doc, const ResponseSpec& spec) {
  if (spec.signing != Signing::assertion && spec.signing != Signing::both) {
    return {};
  }
  xmlNode* assertion = response_assertion(doc);
  if (assertion == nullptr) {
    return {};  // an error Response carries nothing to sign but itself
  }
  auto signature = core::sign_enveloped(doc, assertion, spec.signer, spec.sign_options);
  if (!signature) {
    return core::fail(signature.error());
  }
  return {};
}

core::Result<void> sign_response_element(core::XmlDoc& doc, const ResponseSpec& spec) {
  if (spec.signing != Signing::response && spec.signing != Signing::both) {
    return {};
  }
  auto signature = core::sign_enveloped(doc, doc.root(), spec.signer, spec.sign_options);
  if (!signature) {
    return core::fail(signature.error());
  }
  return {};
}

core::Result<void> encrypt_response_assertion(core::XmlDoc& doc, const ResponseSpec& spec) {
  xmlNode* assertion = response_assertion(doc);
  if (!spec.encrypt_for || assertion == nullptr) {
    return {};
  }
  auto encrypted = core::encrypt_assertion(doc, assertion, *spec.encrypt_for, spec.encrypt_options);
  if (!encrypted) {
    return core::fail(encrypted.error());
  }
  return {};
}

}  // namespace samlt::idp
