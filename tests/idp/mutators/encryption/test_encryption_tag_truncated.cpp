// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/decrypt_oracle.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

std::size_t cipher_bytes(const core::XmlDoc& doc) {
  xmlNode* data = core::child_named(test::idp::encrypted_assertion_of(doc), n::ns_xenc, "EncryptedData");
  xmlNode* value = core::child_named(core::child_named(data, n::ns_xenc, "CipherData"), n::ns_xenc, "CipherValue");
  auto bytes = core::base64_decode(core::simple_text(value).value_or(""));
  REQUIRE(bytes);
  return bytes->size();
}

}  // namespace

TEST_CASE("encryption.tag_truncated leaves fewer than 16 tag bytes", "[mutator][encryption.tag_truncated]") {
  auto short_input = test::idp::mutate("encryption.tag_truncated", {}, test::idp::enc_baseline());
  CHECK(cipher_bytes(short_input.mutated_doc) == 13);
  CHECK_FALSE(test::idp::xmlsec1_decrypts(short_input.mutated.xml).ok);
  auto one_byte = test::idp::mutate("encryption.tag_truncated", {{"form", "one_byte_tag"}}, test::idp::enc_baseline());
  CHECK(cipher_bytes(one_byte.mutated_doc) == cipher_bytes(one_byte.base_doc) - 15);
  CHECK_FALSE(test::idp::xmlsec1_decrypts(one_byte.mutated.xml).ok);
  CHECK(test::idp::mutate_error("encryption.tag_truncated", {}, test::idp::enc_baseline("aes256-cbc")).reason ==
        core::Reason::mutator_not_applicable);
}
