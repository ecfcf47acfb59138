// SPDX-License-Identifier: Apache-2.0
// Evidence: what earlier steps established (style §6.6). Each step adds its findings; the
// verified Assertion can only be set by the signature.assertion step. Diagnosis (issue 13) runs
// the same steps on DiagnosisEvidence, whose Assertion is only "examined": no admission step takes
// it, so no diagnosis can end in an acceptance.
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
struct DiagnosisEvidence;

namespace steps {
core::Result<void> signature_assertion(const Context& ctx, Evidence& ev);
}  // namespace steps

// What covered an Assertion: the trusted certificate whose key verified it, and how.
struct AssertionCover {
  core::Certificate certificate;
  core::SignatureAlgorithm algorithm;
  bool signed_itself;  // its own enveloped signature, not (only) the Response's
};

// The one Assertion node a verified signature covers: its own enveloped signature, or the
// verified Response signature of its parent. Only steps::signature_assertion can make one
// (private constructor, one friend), so no later step can read an Assertion that no signature
// covered: the C++ form of opensaml's "signed node is the consumed node" rule against XSW.
class VerifiedAssertion {
 public:
  xmlNode* node() const { return m_node; }
  // The trusted certificate whose key covered the Assertion.
  const core::Certificate& certificate() const { return m_cover.certificate; }
  core::SignatureAlgorithm algorithm() const { return m_cover.algorithm; }
  bool signed_itself() const { return m_cover.signed_itself; }

 private:
  VerifiedAssertion(xmlNode* node, AssertionCover cover) : m_node(node), m_cover(std::move(cover)) {}
  friend core::Result<void> steps::signature_assertion(const Context& ctx, Evidence& ev);

  xmlNode* m_node;
  AssertionCover m_cover;
};

// The Assertion a diagnosis reads on: covered by a verified signature or not, as signature.assertion
// found. Anyone may make one, and nothing that admits a sign-in takes one.
class ExaminedAssertion {
 public:
  ExaminedAssertion(xmlNode* node, std::optional<AssertionCover> cover)
      : m_node(node), m_cover(std::move(cover)) {}
  xmlNode* node() const { return m_node; }
  bool verified() const { return m_cover.has_value(); }
  // REQUIRES: verified().
  const core::Certificate& certificate() const { return m_cover->certificate; }
  core::SignatureAlgorithm algorithm() const { return m_cover->algorithm; }
  bool signed_itself() const { return m_cover && m_cover->signed_itself; }

 private:
  xmlNode* m_node;
  std::optional<AssertionCover> m_cover;
};

struct SamlAttribute {
  std::string name;
  std::vector<std::string> values;
};

// What the steps read from the message, shared by the ACS's Evidence and DiagnosisEvidence. The
// steps before signature.assertion take only this; those after it read the Assertion of their own
// evidence type.
struct MessageEvidence {
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
  // signature.assertion: after this step, read NOTHING but the evidence type's `assertion`.
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
};

// The ACS's evidence: admission takes only this.
struct Evidence : MessageEvidence {
  // signature.assertion: after this step, read NOTHING but `assertion`.
  std::optional<VerifiedAssertion> assertion;
  // admission
  std::optional<Account> account;
  std::string session_id;
};

// A diagnosis's evidence (issue 13): the same findings, an Assertion that is only examined, and no
// account or session.
struct DiagnosisEvidence : MessageEvidence {
  std::optional<ExaminedAssertion> assertion;
};

}  // namespace samlt::sp
