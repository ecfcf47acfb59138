// SPDX-License-Identifier: Apache-2.0
// assertion.decrypt
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmlenc.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {
namespace {

// The one detail every decryption failure gets in traces and logs: with AES-CBC allowed, a detail
// that told "bad padding" from "bad XML" would be a padding oracle (ENC-CBC-ORACLE).
constexpr std::string_view k_uniform_detail = "the EncryptedAssertion could not be decrypted";

}  // namespace

// saml-profiles §4.1.4.2 (as this SP applies it): the Response carries exactly one Assertion or
// EncryptedAssertion as a direct child (ASSERT-NONE, ASSERT-MULTI, XSW-3). An EncryptedAssertion
// is decrypted in place with the SP's key (saml-core §2.3.4; the plaintext is re-parsed strictly
// by core), so everything after this step follows one path. IDs are checked again because the
// decrypted content joins the document (ENC-DECRYPT-THEN-XSW).
core::Result<void> assertion_decrypt(const Context& ctx, MessageEvidence& ev) {
  namespace n = core::names;
  auto plain = core::children_named(ev.response, n::ns_assertion, "Assertion");
  auto encrypted = core::children_named(ev.response, n::ns_assertion, "EncryptedAssertion");
  std::size_t count = plain.size() + encrypted.size();
  if (count == 0) {
    return core::fail(core::Reason::assertion_missing, "no Assertion or EncryptedAssertion in the Response");
  }
  if (count > 1) {
    return core::fail(core::Reason::assertion_multiple, std::to_string(plain.size()) + " Assertion and " +
                                                            std::to_string(encrypted.size()) + " EncryptedAssertion");
  }
  if (!plain.empty()) {
    ev.assertion_candidate = plain[0];
    return {};
  }
  core::Error last{core::Reason::encryption_decrypt_failed, std::string(k_uniform_detail)};
  for (const auto& key : ctx.decryption_keys) {
    auto decrypted = core::decrypt_assertion(ev.doc, encrypted[0], key, decrypt_options(ctx.policy));
    if (decrypted) {
      ev.assertion_candidate = *decrypted;
      ev.assertion_was_encrypted = true;
      return read::check_unique_ids(ev.doc.root());
    }
    last = decrypted.error();
    if (last.reason == core::Reason::encryption_algorithm_forbidden) {
      return core::fail(last);  // decided by the algorithm names alone, before any key is used
    }
  }
  return core::fail(core::Reason::encryption_decrypt_failed, std::string(k_uniform_detail));
}

}  // namespace samlt::sp::steps
