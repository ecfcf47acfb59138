// SPDX-License-Identifier: Apache-2.0
// A small Entra-shaped Response with an Assertion, built node by node, for the XML-DSig and
// XML-Enc tests.
#pragma once

#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"

#include <string>

namespace samlt::test {

struct SampleResponse {
  core::XmlDoc doc;
  xmlNode* response = nullptr;
  xmlNode* assertion = nullptr;
  xmlNode* name_id = nullptr;
};

inline SampleResponse make_sample_response(const std::string& name = "alice@contoso.example") {
  namespace n = core::names;
  SampleResponse s{core::XmlDoc::create()};
  s.response = core::make_root(s.doc, n::ns_protocol, "samlp", "Response");
  core::set_attribute(s.response, "ID", "_r1");
  core::set_attribute(s.response, "Version", "2.0");
  core::set_attribute(s.response, "IssueInstant", "2025-03-04T10:15:30.812Z");
  core::append_element(s.response, n::ns_assertion, "", "Issuer", "https://sts.windows.net/t/");
  xmlNode* status = core::append_element(s.response, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value",
                      n::status_success);
  s.assertion = core::append_element(s.response, n::ns_assertion, "", "Assertion");
  core::set_attribute(s.assertion, "ID", "_a1");
  core::set_attribute(s.assertion, "IssueInstant", "2025-03-04T10:15:30.806Z");
  core::set_attribute(s.assertion, "Version", "2.0");
  core::append_element(s.assertion, n::ns_assertion, "", "Issuer", "https://sts.windows.net/t/");
  xmlNode* subject = core::append_element(s.assertion, n::ns_assertion, "", "Subject");
  s.name_id = core::append_element(subject, n::ns_assertion, "", "NameID", name);
  core::set_attribute(s.name_id, "Format", n::nameid_email);
  return s;
}

}  // namespace samlt::test
