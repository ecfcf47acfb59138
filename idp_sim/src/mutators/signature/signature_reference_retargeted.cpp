// SPDX-License-Identifier: Apache-2.0
// signature.reference_retargeted — a Reference URI that names no element, or points outside the
// document (Perl XML::Sig CPANSA-XML-Sig-2026-18568; pysaml2 --enabled-reference-uris; SIG-REF-
// DANGLING, SIG-REF-EXTERNAL): a verifier that skips what it cannot resolve and then succeeds, or
// that dereferences a URL or file while digesting, before any SignatureValue check. saml-core
// §5.4.2: the URI is "#" + the ID of the signed element; nothing else is ever fetched.
#include "mutators/signature/signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: uri (dangling: "#nope" | http: the canary URL | file: file:///etc/hostname | xpointer:
// "#xpointer(/)"), scope (one: the target's Signature | all: every Signature), target.
core::Result<void> signature_reference_retargeted(Target& target) {
  auto uri = xsw::choice_param(target, "uri", "dangling|http|file|xpointer", "dangling");
  auto scope = uri ? xsw::choice_param(target, "scope", "one|all", "one") : uri;
  if (!scope) {
    return core::fail(scope.error());
  }
  std::string canary = target.canary_url.empty() ? "http://127.0.0.1:9/canary" : std::string(target.canary_url);
  std::string value = *uri == "dangling" ? "#nope"
                      : *uri == "http"   ? canary + "/reference"
                      : *uri == "file"   ? "file:///etc/hostname"
                                         : "#xpointer(/)";
  std::vector<xmlNode*> signatures;
  if (*scope == "all") {
    signatures = core::descendants_named(target.doc->root(), core::names::ns_dsig, "Signature");
  } else if (auto one = sig::chosen_signature(target)) {
    signatures.push_back(*one);
  } else {
    return core::fail(one.error());
  }
  if (signatures.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "the message carries no Signature");
  }
  for (xmlNode* signature : signatures) {
    for (xmlNode* reference : core::descendants_named(signature, core::names::ns_dsig, "Reference")) {
      core::set_attribute(reference, "URI", value);
    }
  }
  return {};
}

}  // namespace samlt::idp::mutators
