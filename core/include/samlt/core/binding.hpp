// SPDX-License-Identifier: Apache-2.0
// The one codec of the SAML bindings (saml-bindings §3.4 HTTP-Redirect, §3.5 HTTP-POST): what
// arrives is decoded into a BindingMessage, what is sent is encoded here. idp_sim, the reference SP
// and the runner all use it, so the binding rules (which names, how often, which sizes) live once.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xmldsig.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samlt::core {

enum class Binding { redirect, post };
std::string_view binding_name(Binding binding);  // "HTTP-Redirect", "HTTP-POST"

// The parameter that carries the message (saml-bindings §3.4.4, §3.5.4).
enum class MessageParameter { saml_request, saml_response };
std::string_view parameter_name(MessageParameter parameter);  // "SAMLRequest", "SAMLResponse"

// Which message parameter an endpoint takes.
enum class Accepts { saml_request, saml_response, either };

// saml-bindings §3.4.3, §3.5.3: RelayState MUST NOT exceed 80 bytes.
inline constexpr std::size_t k_relay_state_max_bytes = 80;

// What a decoder refuses, each checked before the work it bounds. The sizes default to 0 (refuse
// everything), so every caller states its own.
struct BindingLimits {
  std::size_t max_input_bytes = 0;     // the raw query string or form body: binding.too_large
  std::size_t max_encoded_bytes = 0;   // the message's base64 text: binding.too_large
  std::size_t max_inflated_bytes = 0;  // Redirect: the inflated XML: codec.inflate_too_large
  std::size_t max_relay_state_bytes = k_relay_state_max_bytes;  // binding.relay_state_invalid
};

// A SAML message as a binding carried it, decoded. Only decode_redirect and decode_post make one
// (private constructor, two friends): whoever holds a BindingMessage knows that every binding rule
// was applied, so a later step cannot read a form field nobody checked.
class BindingMessage {
 public:
  Binding binding() const { return m_binding; }
  MessageParameter parameter() const { return m_parameter; }
  // The message: inflated (Redirect) or base64-decoded (POST); not parsed.
  const std::string& xml() const { return m_xml; }
  // Decoded; nullopt when absent, "" when sent empty.
  const std::optional<std::string>& relay_state() const { return m_relay_state; }
  // Redirect only (§3.4.4.1), both or neither: the SigAlg URI and the raw signature bytes.
  const std::optional<std::string>& sig_alg() const { return m_sig_alg; }
  const std::optional<std::string>& signature() const { return m_signature; }
  bool is_signed() const { return m_signature.has_value(); }
  // Redirect only: "SAMLx=…[&RelayState=…][&SigAlg=…]" from the values exactly as received, still
  // URL-encoded (§3.4.4.1: never a re-encoding). Empty for POST.
  const std::string& signed_octets() const { return m_signed_octets; }
  // Every parameter the binding does not define, decoded, in order (login_hint, a cache buster,
  // on POST also SimpleSign's SigAlg/Signature). Nothing here is covered by a signature.
  const FormFields& other_fields() const { return m_other_fields; }

 private:
  BindingMessage() = default;
  friend Result<BindingMessage> decode_redirect(std::string_view, Accepts, const BindingLimits&);
  friend Result<BindingMessage> decode_post(std::string_view, Accepts, const BindingLimits&);

  Binding m_binding = Binding::post;
  MessageParameter m_parameter = MessageParameter::saml_response;
  std::string m_xml;
  std::optional<std::string> m_relay_state;
  std::optional<std::string> m_sig_alg;
  std::optional<std::string> m_signature;
  std::string m_signed_octets;
  FormFields m_other_fields;
};

// decode_redirect: the raw query string of an HTTP-Redirect request ('?' allowed); base64 of raw
// DEFLATE (§3.4.4.1). decode_post: an application/x-www-form-urlencoded body; base64 only
// (§3.5.4). Each binding name must appear at most once and be spelled exactly: a name that only
// percent-decodes to one (%53AMLRequest) is refused, never folded. Fail with
//   binding.too_large            input or base64 text over its limit
//   binding.saml_response_missing  Accepts::saml_response and no (or a blank) SAMLResponse
//   binding.message_missing      otherwise no (or a blank) accepted message parameter
//   binding.saml_response_duplicated, binding.relay_state_invalid (duplicated or too long)
//   binding.parameter_invalid    a look-alike name, SAMLRequest and SAMLResponse together, a
//                                duplicated SAMLRequest/SigAlg/Signature, SigAlg without Signature
//   codec.url_invalid, binding.base64_invalid (message or Signature), codec.inflate_failed,
//   codec.inflate_too_large.
Result<BindingMessage> decode_redirect(std::string_view raw_query, Accepts accepts,
                                       const BindingLimits& limits);
Result<BindingMessage> decode_post(std::string_view form_body, Accepts accepts,
                                   const BindingLimits& limits);

// True for application/x-www-form-urlencoded, the type of an HTML form post (§3.5.4), whatever
// the case and parameters (RFC 9110 §8.3.1).
bool is_form_content_type(std::string_view content_type);

// The HTTP-POST form fields (§3.5.4): `parameter` = base64(xml), never DEFLATEd, then RelayState
// when given. This is what an auto-POST form carries and what wire-stage mutators edit.
FormFields encode_post(MessageParameter parameter, std::string_view xml,
                       std::optional<std::string_view> relay_state);

// Who signs a Redirect message. `key` must outlive the call.
struct RedirectSigner {
  const PrivateKey& key;
  SignatureAlgorithm algorithm = SignatureAlgorithm::rsa_sha256;
};

// The HTTP-Redirect query string (§3.4.4.1): parameter=url(base64(deflate(xml)))
// [&RelayState=url(…)], and with a signer &SigAlg=…&Signature=… computed over exactly those
// octets. `hex_case`: the percent-escapes' hex digits (Entra writes lower case). Fails with
// internal.error only when OpenSSL cannot sign.
Result<std::string> encode_redirect(MessageParameter parameter, std::string_view xml,
                                    std::optional<std::string_view> relay_state,
                                    const RedirectSigner* signer,
                                    HexCase hex_case = HexCase::upper);

// `endpoint` with `query` appended after '?', or after '&' when it has a query already.
std::string redirect_url(std::string_view endpoint, std::string_view query);

// True when `message` is a signed Redirect message whose Signature `certificate`'s RSA key
// verifies with `algorithm` over exactly signed_octets(). Which SigAlg and which certificates to
// accept is the caller's policy.
bool redirect_signature_verifies(const BindingMessage& message, const Certificate& certificate,
                                 SignatureAlgorithm algorithm);

}  // namespace samlt::core
