// SPDX-License-Identifier: Apache-2.0
// The signature profile, checked on the DOM before any crypto (saml-core §5.4.1–§5.4.4).
#include "samlt/core/saml_names.hpp"
#include "xmlsec_internal.hpp"

#include <libxml/valid.h>

#include <algorithm>

namespace samlt::core::detail {
namespace {

constexpr std::string_view k_ns_exc_c14n = "http://www.w3.org/2001/10/xml-exc-c14n#";

std::string algorithm_of(const xmlNode* node) { return attribute(node, "Algorithm").value_or(""); }

// An exc-c14n method element may carry one InclusiveNamespaces (PrefixList) child, nothing else
// (attack-catalogue POS-INCLUSIVE-NS: legitimate and must verify).
bool exc_c14n_children_ok(const xmlNode* method) {
  auto kids = element_children(method);
  return kids.empty() ||
         (kids.size() == 1 && is_element(kids[0], k_ns_exc_c14n, "InclusiveNamespaces"));
}

struct AllowedMethods {
  SignatureAlgorithm signature = SignatureAlgorithm::rsa_sha256;
  SignatureAlgorithm digest = SignatureAlgorithm::rsa_sha256;  // the allowed algorithm whose DigestMethod it is
};

// SignatureMethod and DigestMethod are checked apart: a SHA-256 signature over a SHA-512 digest is
// legitimate (attack-catalogue POS-ALG-MODERN), as long as each is allowed on its own.
Result<AllowedMethods> allowed_methods(const xmlNode* method, const xmlNode* digest, const VerifyOptions& options) {
  std::string sig_uri = algorithm_of(method);
  std::string digest_uri = algorithm_of(digest);
  bool signature_ok = false;
  bool digest_ok = false;
  AllowedMethods found;
  for (auto algorithm : options.allowed_algorithms) {
    if (signature_method_uri(algorithm) == sig_uri) {
      signature_ok = true;
      found.signature = algorithm;
    }
    if (digest_method_uri(algorithm) == digest_uri) {
      digest_ok = true;
      found.digest = algorithm;
    }
  }
  if (!signature_ok || !element_children(method).empty()) {
    return fail(Reason::signature_algorithm_forbidden, "SignatureMethod '" + sig_uri + "' is not allowed");
  }
  if (!digest_ok) {
    return fail(Reason::signature_algorithm_forbidden, "DigestMethod '" + digest_uri + "' is not allowed");
  }
  return found;
}

Result<void> check_transforms(const xmlNode* transforms) {
  // Exactly enveloped-signature, optionally followed by exc-c14n (saml-core §5.4.3, §5.4.4).
  auto list = transforms ? element_children(transforms) : std::vector<xmlNode*>{};
  bool shape_ok = !list.empty() && list.size() <= 2;
  for (std::size_t i = 0; shape_ok && i < list.size(); ++i) {
    std::string algorithm = algorithm_of(list[i]);
    shape_ok = is_element(list[i], names::ns_dsig, "Transform") &&
               ((i == 0 && algorithm == names::alg_enveloped && element_children(list[i]).empty()) ||
                (i == 1 && algorithm == names::alg_exc_c14n && exc_c14n_children_ok(list[i])));
  }
  if (!shape_ok) {
    return fail(Reason::signature_transform_forbidden,
                "Transforms must be enveloped-signature optionally followed by exc-c14n");
  }
  return {};
}

}  // namespace

Result<SignatureProfile> check_signature_profile(XmlDoc& doc, xmlNode* signature,
                                                 const VerifyOptions& options) {
  auto malformed = [](std::string why) { return fail(Reason::signature_malformed, std::move(why)); };
  if (!is_element(signature, names::ns_dsig, "Signature") || signature->parent == nullptr ||
      signature->parent->type != XML_ELEMENT_NODE) {
    return malformed("not a ds:Signature inside an element");
  }
  SignatureProfile profile;
  profile.signed_element = signature->parent;
  profile.id = attribute(profile.signed_element, "ID").value_or("");
  if (profile.id.empty()) {
    return fail(Reason::signature_reference_not_parent, "the signed element carries no ID");
  }

  auto parts = element_children(signature);
  if (!children_named(signature, names::ns_dsig, "Object").empty()) {
    return fail(Reason::signature_object_forbidden, "Signature carries ds:Object");
  }
  if (parts.size() < 2 || parts.size() > 3 || !is_element(parts[0], names::ns_dsig, "SignedInfo") ||
      !is_element(parts[1], names::ns_dsig, "SignatureValue") ||
      (parts.size() == 3 && !is_element(parts[2], names::ns_dsig, "KeyInfo"))) {
    return malformed("Signature must hold SignedInfo, SignatureValue and an optional KeyInfo");
  }
  auto info = element_children(parts[0]);
  if (info.size() < 2 || !is_element(info[0], names::ns_dsig, "CanonicalizationMethod") ||
      !is_element(info[1], names::ns_dsig, "SignatureMethod")) {
    return malformed("SignedInfo must start with CanonicalizationMethod and SignatureMethod");
  }
  if (algorithm_of(info[0]) != names::alg_exc_c14n || !exc_c14n_children_ok(info[0])) {
    return fail(Reason::signature_c14n_forbidden, "CanonicalizationMethod '" + algorithm_of(info[0]) + "'");
  }
  auto references = children_named(parts[0], names::ns_dsig, "Reference");
  if (references.size() != 1) {
    return fail(Reason::signature_reference_count,
                std::to_string(references.size()) + " Reference elements in SignedInfo");
  }
  if (info.size() != 3 || info[2] != references[0]) {
    return malformed("SignedInfo holds elements other than its methods and one Reference");
  }
  xmlNode* reference = references[0];
  if (attribute(reference, "URI").value_or("") != "#" + profile.id) {
    return fail(Reason::signature_reference_not_parent,
                "Reference URI '" + attribute(reference, "URI").value_or("(none)") + "' is not '#" +
                    profile.id + "'");
  }
  auto ref_parts = element_children(reference);
  xmlNode* transforms = child_named(reference, names::ns_dsig, "Transforms");
  std::size_t expected_parts = transforms ? 3 : 2;
  if (ref_parts.size() != expected_parts ||
      !is_element(ref_parts[expected_parts - 2], names::ns_dsig, "DigestMethod") ||
      !is_element(ref_parts[expected_parts - 1], names::ns_dsig, "DigestValue") ||
      (transforms && ref_parts[0] != transforms)) {
    return malformed("Reference must hold [Transforms,] DigestMethod and DigestValue");
  }
  if (auto ok = check_transforms(transforms); !ok) {
    return fail(ok.error());
  }
  auto methods = allowed_methods(info[1], ref_parts[expected_parts - 2], options);
  if (!methods) {
    return fail(methods.error());
  }
  profile.algorithm = methods->signature;
  profile.digest = methods->digest;

  auto ids = id_like_values(xmlDocGetRootElement(doc.get()));
  if (std::count(ids.begin(), ids.end(), profile.id) != 1) {
    return fail(Reason::signature_id_ambiguous, "ID '" + profile.id + "' is not carried by exactly one element");
  }
  xmlAttr* id_attr = xmlHasNsProp(profile.signed_element, BAD_CAST "ID", nullptr);
  xmlAttr* registered = xmlGetID(doc.get(), BAD_CAST profile.id.c_str());
  if (registered != nullptr && registered != id_attr) {
    return fail(Reason::signature_id_ambiguous, "ID '" + profile.id + "' is registered on another node");
  }
  if (registered == nullptr && xmlAddID(nullptr, doc.get(), BAD_CAST profile.id.c_str(), id_attr) == nullptr) {
    return fail(Reason::internal_error, "cannot register ID '" + profile.id + "'");
  }

  if (parts.size() == 3) {
    profile.key_info = parts[2];
    for (xmlNode* data : children_named(parts[2], names::ns_dsig, "X509Data")) {
      for (xmlNode* cert : children_named(data, names::ns_dsig, "X509Certificate")) {
        // Kept as text: decoding a certificate costs more than the RSA verification itself, and
        // the hint matters only when verification fails.
        profile.key_info_certificates.push_back(simple_text(cert).value_or(""));
      }
    }
  }
  return profile;
}

}  // namespace samlt::core::detail
