// SPDX-License-Identifier: Apache-2.0
// Evidence: what earlier steps established (style §6.6). Each step adds its findings; the
// verified Assertion can only be set by the signature.assertion step.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/sp/store.hpp"
#include "samlt/sp/trust.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samlt::sp {

struct Context;
struct Evidence;

namespace steps {
core::Result<void> signature_assertion(const Context& ctx, Evidence& ev);
}  // namespace steps

// The one Assertion node a verified signature covers: its own enveloped signature, or the
// verified Response signature of its parent. Only steps::signature_assertion can make one
// (private constructor, one friend), so no later step can read an Assertion that no signature
// covered: the C++ form of opensaml's "signed node is the consumed node" rule against XSW.
class VerifiedAssertion {
 public:
  xmlNode* node() const { return m_node; }
  // The trusted certificate whose key covered the Assertion.
  const core::Certificate& certificate() const { return m_certificate; }
  core::SignatureAlgorithm algorithm() const { return m_algorithm; }
  bool signed_itself() const { return m_signed_itself; }

 private:
  VerifiedAssertion(xmlNode* node, core::Certificate certificate,
                    core::SignatureAlgorithm algorithm, bool signed_itself)
      : m_node(node), m_certificate(std::move(certificate)), m_algorithm(algorithm),
        m_signed_itself(signed_itself) {}
  friend core::Result<void> steps::signature_assertion(const Context& ctx, Evidence& ev);

  xmlNode* m_node;
  core::Certificate m_certificate;
  core::SignatureAlgorithm m_algorithm;
  bool m_signed_itself;
};

struct SamlAttribute {
  std::string name;
  std::vector<std::string> values;
};

struct Evidence {
  // binding.post_form: the SAMLResponse as core's binding codec decoded it (only a decoder can
  // make a BindingMessage, so nothing later reads a form field no binding check covered)
  std::optional<core::BindingMessage> message;
  std::string relay_state;  // the message's RelayState, checked against the allow-list
  // xml.parse
  core::XmlDoc doc;
  // response.shape
  xmlNode* response = nullptr;
  std::string response_id;
  // response.issuer: the IdP this Response claims to come from (keys come from here)
  std::optional<TrustedIdp> idp;
  // response.in_response_to: the request answered; nullopt = unsolicited
  std::optional<OutstandingRequest> request;
  // signature.response: the Response signature, when there is one and it verified
  std::optional<core::VerifiedNode> response_signature;
  // assertion.decrypt: the one Assertion (decrypted in place when it was encrypted). Read only
  // to reject until signature.assertion has covered it.
  xmlNode* assertion_candidate = nullptr;
  bool assertion_was_encrypted = false;
  // signature.assertion: after this step, read NOTHING but `assertion`.
  std::optional<VerifiedAssertion> assertion;
  std::string assertion_id;
  // subject.name_id
  std::string name_id;
  std::string name_id_format;
  // subject_confirmation.bearer
  std::optional<core::TimePoint> confirmation_not_on_or_after;
  // conditions.time
  std::optional<core::TimePoint> conditions_not_on_or_after;
  // authn_statement.*
  std::string session_index;
  std::optional<core::TimePoint> session_not_on_or_after;
  // attribute.email
  std::vector<SamlAttribute> attributes;
  std::string email;
  std::string display_name;
  // admission
  std::optional<Account> account;
  std::string session_id;
};

}  // namespace samlt::sp
