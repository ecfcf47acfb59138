// SPDX-License-Identifier: Apache-2.0
#include "saml/messages.hpp"

#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"

namespace samlt::sp::messages {
namespace {

namespace n = core::names;

xmlNode* start(core::XmlDoc& doc, std::string_view local, const std::string& id, core::TimePoint at,
               const std::string& destination) {
  xmlNode* root = core::make_root(doc, n::ns_protocol, "samlp", local);
  core::set_attribute(root, "ID", id);
  core::set_attribute(root, "Version", "2.0");
  core::set_attribute(root, "IssueInstant", core::format_datetime(at));
  if (!destination.empty()) {
    core::set_attribute(root, "Destination", destination);
  }
  return root;
}

}  // namespace

std::string authn_request(const AuthnRequestFields& f) {
  auto doc = core::XmlDoc::create();
  xmlNode* root = start(doc, "AuthnRequest", f.id, f.issue_instant, f.destination);
  core::set_attribute(root, "AssertionConsumerServiceURL", f.acs_url);
  core::set_attribute(root, "ProtocolBinding", n::binding_post);
  core::append_element(root, n::ns_assertion, "saml", "Issuer", f.issuer);
  if (!f.name_id_format.empty()) {
    xmlNode* policy = core::append_element(root, n::ns_protocol, "samlp", "NameIDPolicy");
    core::set_attribute(policy, "Format", f.name_id_format);
  }
  return core::serialize(doc);
}

std::string logout_request(const LogoutRequestFields& f) {
  auto doc = core::XmlDoc::create();
  xmlNode* root = start(doc, "LogoutRequest", f.id, f.issue_instant, f.destination);
  core::append_element(root, n::ns_assertion, "saml", "Issuer", f.issuer);
  xmlNode* name_id = core::append_element(root, n::ns_assertion, "saml", "NameID", f.name_id);
  if (!f.name_id_format.empty()) {
    core::set_attribute(name_id, "Format", f.name_id_format);
  }
  if (!f.session_index.empty()) {
    core::append_element(root, n::ns_protocol, "samlp", "SessionIndex", f.session_index);
  }
  return core::serialize(doc);
}

std::string logout_response(const LogoutResponseFields& f) {
  auto doc = core::XmlDoc::create();
  xmlNode* root = start(doc, "LogoutResponse", f.id, f.issue_instant, f.destination);
  core::set_attribute(root, "InResponseTo", f.in_response_to);
  core::append_element(root, n::ns_assertion, "saml", "Issuer", f.issuer);
  xmlNode* status = core::append_element(root, n::ns_protocol, "samlp", "Status");
  xmlNode* code = core::append_element(status, n::ns_protocol, "samlp", "StatusCode");
  core::set_attribute(code, "Value", f.status);
  return core::serialize(doc);
}

}  // namespace samlt::sp::messages
