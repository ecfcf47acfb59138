// SPDX-License-Identifier: Apache-2.0
// signature.algorithm_set — the SignatureMethod, DigestMethod or CanonicalizationMethod of a
// signature set to another algorithm: deprecated (MD5, attack-catalogue ALG-MD5; SAML2int
// IIP-ALG08), unknown or not a canonicalization at all (ALG-UNKNOWN: samlify fee4ff1 fell back to
// RSA-SHA1, xmlseclibs 4.0 rejects unknown CanonicalizationMethods), or current ones a correct SP
// takes (POS-ALG-MODERN: SAML2int IIP-ALG01–03). xmldsig-core §6.1: an algorithm the verifier
// does not implement and allow is a failure, never a fallback. With resign the IdP key signs the
// new algorithms (relabel only without).
#include "mutators/algorithms/algorithms.hpp"
#include "mutators/algorithms/resign.hpp"
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

struct Alias {
  std::string_view name;
  std::string_view uri;
};

// Short names for the URIs of xmldsig-core §6, RFC 6931 and RFC 9231; anything with a ':' is taken
// as a URI as it stands.
constexpr Alias k_aliases[] = {
    {"rsa-md5", "http://www.w3.org/2001/04/xmldsig-more#rsa-md5"},
    {"rsa-sha1", n::alg_rsa_sha1},
    {"rsa-sha256", n::alg_rsa_sha256},
    {"rsa-sha384", n::alg_rsa_sha384},
    {"rsa-sha512", n::alg_rsa_sha512},
    {"rsa-pss-sha256", "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"},
    {"ecdsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"},
    {"md5", "http://www.w3.org/2001/04/xmldsig-more#md5"},
    {"sha1", n::alg_sha1},
    {"sha256", n::alg_sha256},
    {"sha384", n::alg_sha384},
    {"sha512", n::alg_sha512},
    {"exc-c14n", n::alg_exc_c14n},
    {"c14n", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"},
    {"xslt", "http://www.w3.org/TR/1999/REC-xslt-19991116"},
    {"xpath", "http://www.w3.org/TR/1999/REC-xpath-19991116"},
    {"bogus", "urn:bogus"},
};

core::Result<std::optional<std::string>> algorithm_param(const Target& target, std::string_view name) {
  auto value = string_param(target, name);
  if (!value || !*value || (*value)->find(':') != std::string::npos) {
    return value;
  }
  for (const auto& alias : k_aliases) {
    if (alias.name == **value) {
      return std::optional<std::string>(std::string(alias.uri));
    }
  }
  return core::fail(core::Reason::mutator_params_invalid, "/" + std::string(name) + ": '" + **value +
                                                              "' is neither a URI nor a known algorithm name");
}

}  // namespace

core::Result<xmlNode*> edited_signature(const Target& target) {
  auto which = string_param(target, "target");
  if (!which) {
    return core::fail(which.error());
  }
  xmlNode* response = target.doc->root();
  xmlNode* assertion = core::child_named(response, n::ns_assertion, "Assertion");
  xmlNode* of_assertion = core::child_named(assertion, n::ns_dsig, "Signature");
  xmlNode* of_response = core::child_named(response, n::ns_dsig, "Signature");
  std::string name = which->value_or(of_assertion ? "assertion" : "response");
  if (name != "assertion" && name != "response") {
    return core::fail(core::Reason::mutator_params_invalid, "/target: expected assertion or response");
  }
  xmlNode* chosen = name == "assertion" ? of_assertion : of_response;
  if (chosen == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + name + " is not signed");
  }
  return chosen;
}

xmlNode* enclosing_signature(const xmlNode* signature) {
  const xmlNode* signed_element = signature->parent;
  const xmlNode* outer = signed_element ? signed_element->parent : nullptr;
  return outer != nullptr && outer->type == XML_ELEMENT_NODE ? core::child_named(outer, n::ns_dsig, "Signature")
                                                             : nullptr;
}

// Params: signature_method, digest_method, canonicalization_method (a URI or a short name:
// rsa-md5, rsa-sha1 … rsa-sha512, rsa-pss-sha256, ecdsa-sha256, md5, sha1 … sha512, exc-c14n,
// c14n, xslt, xpath, bogus; absent: unchanged; default when all three are absent: rsa-md5 + md5),
// resign (default true), credential (the certificate-set role that re-signs, default the app's
// signer), target (assertion | response).
core::Result<void> signature_algorithm_set(Target& target) {
  auto method = algorithm_param(target, "signature_method");
  auto digest = algorithm_param(target, "digest_method");
  auto c14n = algorithm_param(target, "canonicalization_method");
  auto credential_name = string_param(target, "credential");
  auto resign_after = bool_param(target, "resign", true);
  auto signature = edited_signature(target);
  for (const core::Error* error : {!method ? &method.error() : nullptr, !digest ? &digest.error() : nullptr,
                                   !c14n ? &c14n.error() : nullptr,
                                   !credential_name ? &credential_name.error() : nullptr,
                                   !resign_after ? &resign_after.error() : nullptr,
                                   !signature ? &signature.error() : nullptr}) {
    if (error != nullptr) {
      return core::fail(*error);
    }
  }
  if (!*method && !*digest && !*c14n) {
    *method = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";
    *digest = "http://www.w3.org/2001/04/xmldsig-more#md5";
  }
  xmlNode* signed_info = core::child_named(*signature, n::ns_dsig, "SignedInfo");
  if (*method) {
    core::set_attribute(core::child_named(signed_info, n::ns_dsig, "SignatureMethod"), "Algorithm", **method);
  }
  if (*c14n) {
    core::set_attribute(core::child_named(signed_info, n::ns_dsig, "CanonicalizationMethod"), "Algorithm", **c14n);
  }
  if (*digest) {
    for (xmlNode* digest_method : core::descendants_named(signed_info, n::ns_dsig, "DigestMethod")) {
      core::set_attribute(digest_method, "Algorithm", **digest);
    }
  }
  if (!*resign_after) {
    return {};
  }
  const core::Credential* signer = &target.spec.signer;
  if (*credential_name) {
    signer = target.credential(**credential_name);
    if (signer == nullptr) {
      return core::fail(core::Reason::mutator_params_invalid, "/credential: no credential '" + **credential_name + "'");
    }
  }
  SigningKey key{signer->key.get(), {}};
  if (auto ok = resign(*target.doc, *signature, key); !ok) {
    return ok;
  }
  if (xmlNode* outer = enclosing_signature(*signature)) {
    return resign(*target.doc, outer, SigningKey{target.spec.signer.key.get(), {}});
  }
  return {};
}

}  // namespace samlt::idp::mutators
