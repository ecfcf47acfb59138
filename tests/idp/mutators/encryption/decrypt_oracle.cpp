// SPDX-License-Identifier: Apache-2.0
#include "mutators/encryption/decrypt_oracle.hpp"

#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

namespace samlt::test::idp {

Decrypted xmlsec1_decrypts(const std::string& xml, const std::string& role) {
  TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "message.xml", xml));
  auto result = run_command({"xmlsec1", "--decrypt", "--privkey-pem", test_cert_set().key_path(role).string(),
                             "--output", (dir / "plain.xml").string(), (dir / "message.xml").string()});
  Decrypted out;
  out.output = result.output;
  if (result.exit_code == 0) {
    auto plain = core::read_file(dir / "plain.xml");
    out.ok = plain.has_value();
    out.xml = plain.value_or("");
  }
  return out;
}

std::string decrypted_assertion_signature(int n) {
  return "/*/*[local-name()='EncryptedAssertion']/*[local-name()='Assertion'][" + std::to_string(n) +
         "]/*[local-name()='Signature']";
}

}  // namespace samlt::test::idp
