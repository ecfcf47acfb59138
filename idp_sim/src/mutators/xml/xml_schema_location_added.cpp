// SPDX-License-Identifier: Apache-2.0
// xml.schema_location_added — an xsi:schemaLocation hint naming the run's canary (attack-catalogue
// XML-SCHEMALOCATION; OWASP SAML Security Cheat Sheet: never download schemas). XML Schema Part 1
// §4.3.2: schemaLocation is only a hint; an SP validates against local schemas and fetches
// nothing. On the unsigned Response envelope (param on: response) the message stays valid; by
// default it goes on the signed Assertion, so a verifier that schema-validates before checking the
// digest is the one that fetches.
#include "mutators/mutators.hpp"
#include "mutators/xml/xml.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

std::string canary_of(const Target& target) {
  return target.canary_url.empty() ? std::string("http://127.0.0.1:9/canary") : std::string(target.canary_url);
}

// Params: on (assertion | response, default assertion).
core::Result<void> xml_schema_location_added(Target& target) {
  namespace n = core::names;
  auto on = string_param(target, "on");
  if (!on) {
    return core::fail(on.error());
  }
  std::string where = on->value_or("assertion");
  if (where != "assertion" && where != "response") {
    return core::fail(core::Reason::mutator_params_invalid, "/on: expected assertion or response");
  }
  xmlNode* element = where == "response" ? target.doc->root() : first_in_assertion(target, "Assertion");
  if (element == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no Assertion");
  }
  std::string hint = where == "response" ? std::string(n::ns_protocol) + " " + canary_of(target) + "/p.xsd"
                                         : std::string(n::ns_assertion) + " " + canary_of(target) + "/a.xsd";
  core::set_attribute_ns(element, n::ns_xsi, "xsi", "schemaLocation", hint);
  return {};
}

}  // namespace samlt::idp::mutators
