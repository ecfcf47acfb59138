// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("assertion.decrypt: one plain Assertion passes as is", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  REQUIRE(f.run_to("assertion.decrypt", ev));
  CHECK(core::is_element(ev.assertion_candidate, n::ns_assertion, "Assertion"));
  CHECK_FALSE(ev.assertion_was_encrypted);
}

TEST_CASE("assertion.decrypt: AES-256-CBC (Entra) and AES-256-GCM decrypt in place", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.encrypt = true;
  spec.content = GENERATE(core::ContentEncryption::aes256_cbc, core::ContentEncryption::aes256_gcm);
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to("assertion.decrypt", ev));
  CHECK(ev.assertion_was_encrypted);
  CHECK(ev.assertion_candidate->parent == ev.response);
  CHECK(core::child_named(ev.response, n::ns_assertion, "EncryptedAssertion") == nullptr);
}

TEST_CASE("assertion.decrypt: exactly one assertion (ASSERT-NONE, ASSERT-MULTI, XSW-3)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("none") {
    spec.after_signing = [](auto& p) { core::remove_node(p.assertion); };
    f.post(spec);
    CHECK(f.reason_at("assertion.decrypt") == Reason::assertion_missing);
  }
  SECTION("an unsigned evil copy before the signed one") {
    spec.after_signing = [](auto& p) {
      xmlNode* evil = xmlCopyNode(p.assertion, 1);
      core::set_attribute(evil, "ID", "_evil");
      xmlAddPrevSibling(p.assertion, evil);
    };
    f.post(spec);
    CHECK(f.reason_at("assertion.decrypt") == Reason::assertion_multiple);
  }
  SECTION("a plain and an encrypted one") {
    spec.encrypt = true;
    spec.after_signing = [](auto& p) {
      xmlNode* extra = core::append_element(p.response, n::ns_assertion, "", "Assertion");
      core::set_attribute(extra, "ID", "_extra");
    };
    f.post(spec);
    CHECK(f.reason_at("assertion.decrypt") == Reason::assertion_multiple);
  }
}

TEST_CASE("assertion.decrypt: every decryption failure is the same reason and detail", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.encrypt = true;
  std::vector<std::string> details;
  auto failure = [&](const std::function<void(test::ResponseParts&)>& change) {
    spec.after_signing = change;
    f.post(spec);
    sp::Evidence ev;
    auto result = f.run_to("assertion.decrypt", ev);
    REQUIRE_FALSE(result);
    CHECK(result.error().reason == Reason::encryption_decrypt_failed);
    details.push_back(result.error().detail);
  };
  auto cipher_value = [](test::ResponseParts& p) {
    xmlNode* data = core::descendants_named(p.response, n::ns_xenc, "EncryptedData").at(0);
    return core::child_named(core::child_named(data, n::ns_xenc, "CipherData"), n::ns_xenc, "CipherValue");
  };
  failure([&](auto& p) {  // corrupt ciphertext: bad padding or garbage plaintext (ENC-CBC-ORACLE)
    xmlNode* value = cipher_value(p);
    std::string text = *core::simple_text(value);
    text[text.size() / 2] = text[text.size() / 2] == 'A' ? 'B' : 'A';
    core::set_text(value, text);
  });
  failure([&](auto& p) {  // truncated ciphertext
    xmlNode* value = cipher_value(p);
    core::set_text(value, core::simple_text(value)->substr(0, 24));
  });
  failure([&](auto& p) {  // a key wrapped for someone else
    for (xmlNode* key : core::descendants_named(p.response, n::ns_xenc, "EncryptedKey")) {
      xmlNode* value = core::child_named(core::child_named(key, n::ns_xenc, "CipherData"), n::ns_xenc, "CipherValue");
      core::set_text(value, core::base64_encode(std::string(256, 'x')));
    }
  });
  REQUIRE(details.size() == 3);
  CHECK(details[0] == details[1]);
  CHECK(details[1] == details[2]);
}

TEST_CASE("assertion.decrypt: content encryption follows the policy allow-list", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.encrypt = true;
  spec.content = core::ContentEncryption::aes256_cbc;
  f.policy.allowed_content_encryption = {core::ContentEncryption::aes256_gcm};
  f.post(spec);
  CHECK(f.reason_at("assertion.decrypt") == Reason::encryption_algorithm_forbidden);
}

TEST_CASE("assertion.decrypt: decrypted content must not duplicate an ID (ENC-DECRYPT-THEN-XSW)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.encrypt = true;
  spec.before_signing = [](auto& p) { core::set_attribute(p.subject, "ID", *core::attribute(p.response, "ID")); };
  f.post(spec);
  CHECK(f.reason_at("assertion.decrypt") == Reason::xml_id_duplicated);
}
