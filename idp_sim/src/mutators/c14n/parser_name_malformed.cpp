// SPDX-License-Identifier: Apache-2.0
// parser.name_malformed — names and namespace declarations that are not namespace-well-formed and
// change when a lenient parser's tree is written out again (attack-catalogue PD-ROUNDTRIP:
// crewjam/saml TestSPRejectsMalformedResponse, goxmldsig CVE-2020-15216, moov-io/signedxml
// CVE-2023-34205; libxml2 only clears nsWellFormed for these). Namespaces in XML §3 and §7:
// a QName has at most one colon, a prefix is declared, `xmlns:` binds a non-empty prefix.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {
namespace {

core::Result<void> replace_once(std::string& xml, const std::string& from, const std::string& to) {
  auto at = xml.find(from);
  if (at == std::string::npos) {
    return core::fail(core::Reason::mutator_not_applicable, "'" + from + "' is not in the message");
  }
  xml.replace(at, from.size(), to);
  return {};
}

}  // namespace

// Params: form (attribute_double_colon: ::foo="bar" on the Response | element_multi_colon: an
// <a:b:c/> in samlp:Extensions after the Issuer | xmlns_empty_prefix: xmlns:="" on the Response |
// undeclared_prefix: the Assertion renamed saml2:Assertion, saml2 never declared; default
// attribute_double_colon).
core::Result<void> parser_name_malformed(Target& target) {
  auto form_param = string_param(target, "form");
  if (!form_param) {
    return core::fail(form_param.error());
  }
  std::string form = form_param->value_or("attribute_double_colon");
  std::string& xml = *target.xml;
  const std::string root = "<samlp:Response ";
  if (form == "attribute_double_colon") {
    return replace_once(xml, root, root + "::foo=\"bar\" ");
  }
  if (form == "xmlns_empty_prefix") {
    return replace_once(xml, root, root + "xmlns:=\"\" ");
  }
  if (form == "element_multi_colon") {
    auto end = xml.find("</Issuer>");
    if (end == std::string::npos) {
      return core::fail(core::Reason::mutator_not_applicable, "no Issuer");
    }
    xml.insert(end + 9, "<samlp:Extensions><a:b:c xmlns:a=\"urn:samlt:round-trip\"/></samlp:Extensions>");
    return {};
  }
  if (form == "undeclared_prefix") {
    if (auto ok = replace_once(xml, "<Assertion ", "<saml2:Assertion "); !ok) {
      return ok;
    }
    return replace_once(xml, "</Assertion>", "</saml2:Assertion>");
  }
  return core::fail(core::Reason::mutator_params_invalid,
                    "/form: expected attribute_double_colon, element_multi_colon, xmlns_empty_prefix or undeclared_prefix");
}

}  // namespace samlt::idp::mutators
