// SPDX-License-Identifier: Apache-2.0
// The HTTP-Redirect binding (saml-bindings §3.4.4): encoding, and the query string signature over
// the octets exactly as they travel (§3.4.4.1), never over re-encoded values.
#include "samlt/sp/redirect_binding.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/query_signature.hpp"
#include "samlt/core/saml_names.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>

namespace samlt::sp {
namespace {

namespace n = core::names;

std::string_view parameter_name(RedirectParameter parameter) {
  return parameter == RedirectParameter::saml_request ? "SAMLRequest" : "SAMLResponse";
}

// The names this binding defines. A raw name that decodes to one of them but is spelled
// differently (e.g. %53AMLResponse) is refused, not folded (BIND-REDIRECT-PARAM-CONFUSION).
constexpr std::array<std::string_view, 5> k_names = {"SAMLRequest", "SAMLResponse", "RelayState",
                                                     "SigAlg", "Signature"};

}  // namespace

std::string redirect_url(std::string_view endpoint, RedirectParameter parameter, std::string_view xml,
                         std::string_view relay_state, const core::Credential* signer) {
  std::string query = std::string(parameter_name(parameter)) + "=" +
                      core::url_encode(core::base64_encode(core::deflate_raw(xml)));
  if (!relay_state.empty()) {
    query += "&RelayState=" + core::url_encode(relay_state);
  }
  if (signer != nullptr) {
    query += "&SigAlg=" + core::url_encode(n::alg_rsa_sha256);
    // Signing with a loaded key only fails if OpenSSL itself fails; an unsigned URL is then what
    // the IdP sees, and it refuses it (the request stays outstanding, nothing is weakened).
    auto signature = core::sign_query_octets(signer->key, core::SignatureAlgorithm::rsa_sha256, query);
    query += "&Signature=" + core::url_encode(core::base64_encode(signature.value_or("")));
  }
  return std::string(endpoint) + (endpoint.find('?') == std::string_view::npos ? "?" : "&") + query;
}

core::Result<RedirectMessage> parse_redirect_query(std::string_view raw_query, std::size_t max_xml_bytes) {
  auto invalid = [](std::string why) { return core::fail(core::Reason::binding_parameter_invalid, std::move(why)); };
  if (!raw_query.empty() && raw_query.front() == '?') {
    raw_query.remove_prefix(1);
  }
  std::array<std::optional<std::string>, k_names.size()> raw;  // still URL-encoded
  while (!raw_query.empty()) {
    std::size_t amp = raw_query.find('&');
    std::string_view pair = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view() : raw_query.substr(amp + 1);
    std::size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    auto decoded_name = core::url_decode(name);
    bool matched = false;
    for (std::size_t i = 0; i < k_names.size(); ++i) {
      if (name == k_names[i]) {
        if (raw[i]) {
          return i == 1 ? core::fail(core::Reason::binding_saml_response_duplicated, "SAMLResponse appears twice")
                        : invalid(std::string(k_names[i]) + " appears twice");
        }
        raw[i] = std::string(value);
        matched = true;
      } else if (decoded_name && *decoded_name == k_names[i]) {
        return invalid("parameter name '" + std::string(name) + "' is an encoded " + std::string(k_names[i]));
      }
    }
    (void)matched;  // other parameters (e.g. a cache buster) are ignored and never signed
  }
  if (raw[0].has_value() == raw[1].has_value()) {
    return invalid(raw[0] ? "both SAMLRequest and SAMLResponse are present"
                          : "neither SAMLRequest nor SAMLResponse is present");
  }
  if (raw[3].has_value() != raw[4].has_value()) {
    return invalid("SigAlg and Signature must come together");
  }
  RedirectMessage message;
  message.parameter = raw[0] ? RedirectParameter::saml_request : RedirectParameter::saml_response;
  const std::string& encoded = raw[0] ? *raw[0] : *raw[1];
  // §3.4.4.1: the signed octets are the parameters as received, in this fixed order.
  message.signed_octets = std::string(parameter_name(message.parameter)) + "=" + encoded;
  if (raw[2]) {
    message.signed_octets += "&RelayState=" + *raw[2];
  }
  if (raw[3]) {
    message.signed_octets += "&SigAlg=" + *raw[3];
  }
  auto base64 = core::url_decode(encoded);
  if (!base64) {
    return core::fail(base64.error());
  }
  auto deflated = core::base64_decode(*base64);
  if (!deflated) {
    return core::fail(core::Reason::binding_base64_invalid, deflated.error().detail);
  }
  auto xml = core::inflate_raw(*deflated, max_xml_bytes);
  if (!xml) {
    return core::fail(xml.error());
  }
  message.xml = std::move(*xml);
  for (auto [index, target] : {std::pair{2, &message.relay_state}, std::pair{3, &message.sig_alg}}) {
    if (raw[static_cast<std::size_t>(index)]) {
      auto decoded = core::url_decode(*raw[static_cast<std::size_t>(index)]);
      if (!decoded) {
        return core::fail(decoded.error());
      }
      *target = std::move(*decoded);
    }
  }
  if (raw[4]) {
    auto text = core::url_decode(*raw[4]);
    auto bytes = text ? core::base64_decode(*text) : core::Result<std::string>(core::fail(text.error()));
    if (!bytes) {
      return core::fail(core::Reason::binding_base64_invalid, "Signature: " + bytes.error().detail);
    }
    message.signature = std::move(*bytes);
  }
  return message;
}

core::Result<core::Certificate> verify_redirect_signature(const RedirectMessage& message,
                                                          std::span<const core::Certificate> trusted,
                                                          const Policy& policy) {
  if (message.sig_alg.empty()) {
    return core::fail(core::Reason::signature_missing, "the Redirect message carries no SigAlg/Signature");
  }
  auto algorithm = core::signature_algorithm_from_uri(message.sig_alg);
  bool allowed = algorithm == core::SignatureAlgorithm::rsa_sha256 ||
                 (algorithm == core::SignatureAlgorithm::rsa_sha1 &&
                  policy.min_signature_algorithm == MinSignatureAlgorithm::sha1);
  if (!allowed) {
    return core::fail(core::Reason::signature_algorithm_forbidden, "SigAlg '" + message.sig_alg + "' is not allowed");
  }
  if (trusted.empty()) {
    return core::fail(core::Reason::key_no_trusted_keys, "no trusted certificate for this IdP");
  }
  for (const auto& cert : trusted) {
    EVP_PKEY* key = cert.public_key();
    if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || cert.key_bits() < policy.min_rsa_bits) {
      continue;
    }
    if (core::verify_query_octets(cert, *algorithm, message.signed_octets, message.signature)) {
      return cert;
    }
  }
  return core::fail(core::Reason::signature_invalid, "the query signature does not verify with any trusted key");
}

}  // namespace samlt::sp
