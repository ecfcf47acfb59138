// SPDX-License-Identifier: Apache-2.0
// signature.assertion
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {
namespace {

// saml-profiles §4.1.4.2 leaves to the SP which signatures it requires; policy.required_signatures
// names the choice. An unmet Assertion-level requirement is assertion.unsigned: with "either" the
// Assertion is covered by neither its own nor the Response's signature (SIG-NONE,
// ENC-UNSIGNED-INNER); with "assertion" or "both" its own is absent. An unmet Response-level
// requirement ("response", "both") is signature.missing.
core::Result<void> check_required(RequiredSignatures required, bool own, bool response) {
  auto missing = [](const char* why) { return core::fail(core::Reason::signature_missing, why); };
  auto unsigned_assertion = [](const char* why) { return core::fail(core::Reason::assertion_unsigned, why); };
  bool need_response = required == RequiredSignatures::response || required == RequiredSignatures::both;
  if (need_response && !response) {
    return missing("policy requires a Response signature");
  }
  switch (required) {
    case RequiredSignatures::either:
      if (!own && !response) {
        return unsigned_assertion("neither the Assertion nor the Response is signed");
      }
      break;
    case RequiredSignatures::assertion:
    case RequiredSignatures::both:
      if (!own) {
        return unsigned_assertion("policy requires the Assertion's own signature");
      }
      break;
    case RequiredSignatures::response:
      break;
  }
  return {};
}

// saml-core §5.4 and attack-catalogue §0.4 invariants 1 and 2: the Assertion's own enveloped
// signature, when present, is profile-checked and verified with the IdP's trusted keys. The
// Assertion is covered when that verified, or when it is a direct child of the verified Response.
// Then the policy decides whether that coverage is enough.
core::Result<AssertionCover> cover_of(const Context& ctx, MessageEvidence& ev) {
  xmlNode* candidate = ev.assertion_candidate;
  auto signature = core::enveloped_signature_of(candidate);
  if (!signature) {
    return core::fail(signature.error());
  }
  std::optional<core::VerifiedNode> own;
  if (*signature != nullptr) {
    auto verified = core::verify_enveloped(ev.doc, *signature, ev.idp->signing_certificates,
                                           verify_options(ctx.policy));
    if (!verified) {
      return core::fail(verified.error());
    }
    if (verified->element != candidate) {
      return core::fail(core::Reason::internal_error, "the verified node is not the Assertion");
    }
    own = std::move(*verified);
  }
  bool response_covers = ev.response_signature && candidate->parent == ev.response_signature->element;
  if (auto ok = check_required(ctx.policy.required_signatures, own.has_value(), response_covers); !ok) {
    return core::fail(ok.error());
  }
  const core::VerifiedNode& cover = own ? *own : *ev.response_signature;
  return AssertionCover{cover.certificate, cover.algorithm, own.has_value()};
}

}  // namespace

// Only here is a VerifiedAssertion made; from now on no step reads anything but ev.assertion (XSW
// by construction).
core::Result<void> signature_assertion(const Context& ctx, Evidence& ev) {
  auto cover = cover_of(ctx, ev);
  if (!cover) {
    return core::fail(cover.error());
  }
  ev.assertion = VerifiedAssertion(ev.assertion_candidate, std::move(*cover));
  ev.assertion_id = core::attribute(ev.assertion_candidate, "ID").value_or("");
  return {};
}

// A diagnosis reads on past a failure, so the Assertion is examined either way, and only marked
// verified when the check passed.
core::Result<void> signature_assertion(const Context& ctx, DiagnosisEvidence& ev) {
  auto cover = cover_of(ctx, ev);
  ev.assertion = ExaminedAssertion(ev.assertion_candidate,
                                   cover ? std::optional<AssertionCover>(*cover) : std::nullopt);
  ev.assertion_id = core::attribute(ev.assertion_candidate, "ID").value_or("");
  if (!cover) {
    return core::fail(cover.error());
  }
  return {};
}

}  // namespace samlt::sp::steps
