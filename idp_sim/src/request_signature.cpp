// SPDX-License-Identifier: Apache-2.0
#include "request_signature.hpp"

#include "samlt/core/binding.hpp"
#include "samlt/core/query_signature.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/idp/aadsts.hpp"

#include <memory>
#include <span>

namespace samlt::idp {
namespace {

using core::Reason;
namespace n = core::names;

// D11: "the two most recently added certificates" are tried when no key identifier is given.
std::span<const core::Certificate> candidates(const RequestVerification& v) {
  std::span<const core::Certificate> all = v.certificates;
  return all.size() > 2 ? all.subspan(all.size() - 2) : all;
}

core::Result<void> verify_redirect(const App& app, const core::BindingMessage& message) {
  const auto& v = app.request_verification;
  if (v.certificates.empty()) {
    return aadsts_fail(Reason::authn_request_verification_certificate_missing, {});
  }
  if (!message.sig_alg() || message.sig_alg()->empty()) {
    return aadsts_fail(Reason::authn_request_signature_algorithm_forbidden,
                       {.value = "", .diagnostic = "request signed but algorithm missing"});
  }
  auto algorithm = core::signature_algorithm_from_uri(*message.sig_alg());
  bool allowed = algorithm == core::SignatureAlgorithm::rsa_sha256 ||
                 (algorithm == core::SignatureAlgorithm::rsa_sha1 && v.allow_sha1);
  if (!allowed) {
    return aadsts_fail(Reason::authn_request_signature_algorithm_forbidden,
                       {.value = *message.sig_alg()});
  }
  for (const auto& cert : candidates(v)) {
    if (core::redirect_signature_verifies(message, cert, *algorithm)) {
      return {};
    }
  }
  return aadsts_fail(Reason::authn_request_signature_invalid, {});
}

core::Result<void> verify_post(const App& app, core::XmlDoc& doc, xmlNode* signature) {
  const auto& v = app.request_verification;
  if (v.certificates.empty()) {
    return aadsts_fail(Reason::authn_request_verification_certificate_missing, {});
  }
  core::VerifyOptions options;
  options.allowed_algorithms = {core::SignatureAlgorithm::rsa_sha256};
  if (v.allow_sha1) {
    options.allowed_algorithms.push_back(core::SignatureAlgorithm::rsa_sha1);
  }
  auto span = candidates(v);
  std::vector<core::Certificate> trusted(span.begin(), span.end());
  auto verified = core::verify_enveloped(doc, signature, trusted, options);
  if (verified) {
    return {};
  }
  if (verified.error().reason == Reason::signature_algorithm_forbidden) {
    return aadsts_fail(Reason::authn_request_signature_algorithm_forbidden,
                       {.value = "", .diagnostic = verified.error().detail});
  }
  return aadsts_fail(Reason::authn_request_signature_invalid,
                     {.diagnostic = std::string(core::id(verified.error().reason))});
}

}  // namespace

core::Result<void> verify_request_signature(const App& app, core::XmlDoc& doc,
                                            const core::BindingMessage& message) {
  auto embedded = core::enveloped_signature_of(doc.root());
  if (message.binding() == core::Binding::redirect) {
    if (!message.is_signed()) {
      // D20-76021: an embedded signature on the Redirect binding is in the wrong place.
      bool misplaced = embedded && *embedded != nullptr;
      return aadsts_fail(
          Reason::authn_request_signature_required,
          {.diagnostic = misplaced ? "embedded Signature sent on the Redirect binding" : ""});
    }
    return verify_redirect(app, message);
  }
  if (!embedded) {
    return aadsts_fail(Reason::authn_request_signature_invalid,
                       {.diagnostic = std::string(core::id(embedded.error().reason))});
  }
  if (*embedded == nullptr) {
    // The codec keeps SimpleSign's fields as ordinary fields: only to name the misplacement.
    bool misplaced = !core::form_values(message.other_fields(), "Signature").empty();
    return aadsts_fail(
        Reason::authn_request_signature_required,
        {.diagnostic = misplaced ? "query-string Signature sent on the POST binding" : ""});
  }
  return verify_post(app, doc, *embedded);
}

}  // namespace samlt::idp
