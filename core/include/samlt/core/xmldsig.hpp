// SPDX-License-Identifier: Apache-2.0
// Enveloped XML signatures (xmlsec1) in the one shape SAML uses (saml-core §5.4): signing as Entra
// does, and verification that trusts only the caller's keys and returns the node it verified.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::core {

enum class SignatureAlgorithm { rsa_sha256, rsa_sha1, rsa_sha384, rsa_sha512 };

// The SignatureMethod and the matching DigestMethod URI. Entra's SHA-1 option switches both.
std::string_view signature_method_uri(SignatureAlgorithm algorithm);
std::string_view digest_method_uri(SignatureAlgorithm algorithm);
std::string_view algorithm_name(SignatureAlgorithm algorithm);  // "rsa-sha256", ...

// Modern Entra writes `<Signature xmlns="…xmldsig#">`; 2015-era tokens used a `ds:` prefix.
enum class SignatureStyle { default_namespace, ds_prefix };

// What KeyInfo says about the signing key (written after signing: KeyInfo lies outside
// SignedInfo). Entra writes the certificate; the other forms are what other signers, or attackers,
// write (attack-catalogue §3): the public key as ds:RSAKeyValue or dsig11:DEREncodedKeyValue, a
// ds:KeyName (key_info_text, default the certificate's SHA-1 thumbprint), or a ds:RetrievalMethod
// (URI key_info_text, Type rawX509Certificate) pointing outside the document.
enum class KeyInfoForm { x509_certificate, none, rsa_key_value, der_encoded_key_value, key_name, retrieval_method };

struct SignOptions {
  SignatureAlgorithm algorithm = SignatureAlgorithm::rsa_sha256;
  SignatureStyle style = SignatureStyle::default_namespace;
  bool include_certificate = true;  // false: no KeyInfo at all, whatever key_info says
  KeyInfoForm key_info = KeyInfoForm::x509_certificate;
  std::string key_info_text;  // the KeyName text or the RetrievalMethod URI
};

// Signs `element` with an enveloped signature: exc-c14n, transforms enveloped-signature + exc-c14n
// (no InclusiveNamespaces), one Reference to "#" + element/@ID, SignatureValue on one line. The
// Signature goes right after the element's first child when that is an Issuer (saml-core schema
// order), else first. Returns the Signature element.
// REQUIRES: `element` belongs to `doc` and carries a non-empty ID attribute that no other element
// carries. Fails with signature.id_ambiguous or internal.error.
Result<xmlNode*> sign_enveloped(XmlDoc& doc, xmlNode* element, const Credential& signer,
                                const SignOptions& options = {});

// What a verifier accepts. Keys never come from the document: only `trusted` certificates are
// tried, and KeyInfo is at most a hint for choosing the failure reason.
struct VerifyOptions {
  std::vector<SignatureAlgorithm> allowed_algorithms = {
      SignatureAlgorithm::rsa_sha256, SignatureAlgorithm::rsa_sha384,
      SignatureAlgorithm::rsa_sha512};
  int min_rsa_bits = 2048;
};

// The outcome of a successful verification. `element` is the node the single Reference covers
// (the Signature's parent), the only node a caller may read identity data from.
struct VerifiedNode {
  xmlNode* element = nullptr;
  Certificate certificate;  // the trusted certificate whose key verified the signature
  SignatureAlgorithm algorithm = SignatureAlgorithm::rsa_sha256;
};

// The ds:Signature that is a direct child of `element`: nullptr when there is none.
// Fails with signature.multiple (two or more) or signature.misplaced (not right after Issuer when
// the element starts with an Issuer, not first otherwise).
Result<xmlNode*> enveloped_signature_of(const xmlNode* element);

// Verifies `signature` (a ds:Signature element in `doc`) as an enveloped signature over its parent:
//   profile (before any crypto): one SignedInfo; exc-c14n canonicalization (signature.c14n_forbidden);
//   allowed SignatureMethod and DigestMethod (signature.algorithm_forbidden); exactly one Reference
//   (signature.reference_count) whose URI is "#" + parent/@ID (signature.reference_not_parent);
//   transforms enveloped-signature [+ exc-c14n] only (signature.transform_forbidden); no ds:Object
//   (signature.object_forbidden); the ID carried by exactly one element (signature.id_ambiguous);
//   any other shape problem is signature.malformed;
//   crypto (xmlsec, same-document references only, manifests ignored): each trusted key in turn;
//   success needs xmlsec's status "succeeded". Otherwise: key.too_weak when the only candidate
//   keys are short, key.untrusted when KeyInfo carries a certificate none of `trusted` equals,
//   signature.digest_mismatch when the content no longer matches, signature.unverifiable when
//   xmlsec cannot process the Signature (undecodable value, canonicalization or verifier error),
//   else signature.invalid.
//   key.no_trusted_keys when `trusted` is empty.
// Registers parent/@ID as an ID of `doc` (on that node only).
Result<VerifiedNode> verify_enveloped(XmlDoc& doc, xmlNode* signature,
                                      std::span<const Certificate> trusted,
                                      const VerifyOptions& options = {});

}  // namespace samlt::core
