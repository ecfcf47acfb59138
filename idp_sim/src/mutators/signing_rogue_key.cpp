// SPDX-License-Identifier: Apache-2.0
// signing.rogue_key — an attacker re-signs a forged response with their own key and puts their
// certificate (same subject as the IdP's) in KeyInfo (attack-catalogue KEY-SELF-SIGNED). The SP
// must verify with the keys it trusts, never with KeyInfo (xmldsig-core §4.4: KeyInfo is a hint;
// saml-metadata §2.4.1.1: the keys are the metadata's). Params: `credential` (who signs:
// idp-ca-issued KEY-CA-ISSUED, idp-encryption KEY-ENC-CERT-SIGNS, idp2-signing KEY-OTHER-IDP, the
// IdP's own idp-signing for the no-key and positive twins), `key_info` (what KeyInfo says:
// KEY-NO-KEYINFO-ATTACKER, KEY-KEYVALUE, KEY-RETRIEVAL-SSRF, POS-KEYINFO-RSAKEYVALUE), `victim`.
#include "mutators/keys/keys.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {
namespace {

struct Form {
  std::string_view name;
  core::KeyInfoForm form;
};

constexpr Form k_forms[] = {
    {"certificate", core::KeyInfoForm::x509_certificate},
    {"none", core::KeyInfoForm::none},
    {"rsa_key_value", core::KeyInfoForm::rsa_key_value},
    {"der_encoded_key_value", core::KeyInfoForm::der_encoded_key_value},
    {"key_name", core::KeyInfoForm::key_name},
    {"retrieval_method_http", core::KeyInfoForm::retrieval_method},
    {"retrieval_method_file", core::KeyInfoForm::retrieval_method},
};

}  // namespace

core::Result<void> signing_rogue_key(Target& target) {
  auto name = string_param(target, "credential");
  auto form_name = string_param(target, "key_info");
  if (!name || !form_name) {
    return core::fail(!name ? name.error() : form_name.error());
  }
  std::string credential_name = name->value_or("idp-rogue");
  const core::Credential* signer = target.credential(credential_name);
  if (signer == nullptr || !signer->key) {
    return core::fail(core::Reason::mutator_not_applicable,
                      "no credential '" + credential_name + "' with a private key is configured");
  }
  std::string wanted = form_name->value_or("certificate");
  const Form* form = nullptr;
  for (const auto& candidate : k_forms) {
    form = candidate.name == wanted ? &candidate : form;
  }
  if (form == nullptr) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/key_info: expected certificate, none, rsa_key_value, der_encoded_key_value, key_name, "
                      "retrieval_method_http or retrieval_method_file");
  }
  if (auto victim = keys::victim_into_spec(target); !victim) {
    return victim;
  }
  target.spec.signer = *signer;
  target.spec.sign_options.include_certificate = form->form != core::KeyInfoForm::none;
  target.spec.sign_options.key_info = form->form;
  if (wanted == "retrieval_method_http") {
    target.spec.sign_options.key_info_text = keys::canary(target, "/key.cer");
  } else if (wanted == "retrieval_method_file") {
    target.spec.sign_options.key_info_text = "file:///etc/ssl/certs/ca-certificates.crt";
  }
  return {};
}

}  // namespace samlt::idp::mutators
