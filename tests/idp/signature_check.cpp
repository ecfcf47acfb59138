// SPDX-License-Identifier: Apache-2.0
#include "signature_check.hpp"

#include "support/test_certs.hpp"
#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

namespace samlt::test::idp {

bool xmlsec1_verifies(const std::string& xml, std::string_view element,
                      std::string_view cert_role) {
  TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "message.xml", xml));
  std::string ns = element == "Assertion"          ? "urn:oasis:names:tc:SAML:2.0:assertion"
                   : element == "EntityDescriptor" ? "urn:oasis:names:tc:SAML:2.0:metadata"
                                                   : "urn:oasis:names:tc:SAML:2.0:protocol";
  std::string e(element);
  auto result = run_command({"xmlsec1", "--verify", "--pubkey-cert-pem",
                             test::test_cert_set().certificate_path(cert_role).string(), "--id-attr:ID",
                             ns + ":" + e, "--node-xpath",
                             "//*[local-name()='" + e + "']/*[local-name()='Signature']",
                             (dir / "message.xml").string()});
  INFO(result.output);
  return result.exit_code == 0;
}

core::Result<core::VerifiedNode> core_verifies(core::XmlDoc& doc, xmlNode* element,
                                               std::string_view cert_role, bool allow_sha1) {
  auto signature = core::enveloped_signature_of(element);
  REQUIRE(signature);
  REQUIRE(*signature != nullptr);
  core::VerifyOptions options;
  if (allow_sha1) {
    options.allowed_algorithms.push_back(core::SignatureAlgorithm::rsa_sha1);
  }
  std::vector<core::Certificate> trusted{test::test_credential(cert_role).certificate};
  return core::verify_enveloped(doc, *signature, trusted, options);
}

}  // namespace samlt::test::idp
