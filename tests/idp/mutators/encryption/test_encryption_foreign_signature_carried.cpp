// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("encryption.foreign_signature_carried: a detached IdP signature over F in StatusDetail",
          "[mutator][encryption.foreign_signature_carried]") {
  auto m = test::idp::mutate("encryption.foreign_signature_carried", {}, test::idp::enc_baseline());
  xmlNode* response = m.mutated_doc.root();
  xmlNode* signature = core::next_element_sibling(core::child_named(response, n::ns_assertion, "Issuer"));
  REQUIRE(core::is_element(signature, n::ns_dsig, "Signature"));
  xmlNode* detail = core::child_named(core::child_named(response, n::ns_protocol, "Status"), n::ns_protocol, "StatusDetail");
  xmlNode* foreign = core::child_named(detail, n::ns_metadata, "EntityDescriptor");
  REQUIRE(foreign != nullptr);
  xmlNode* reference = core::child_named(core::child_named(signature, n::ns_dsig, "SignedInfo"), n::ns_dsig, "Reference");
  CHECK(core::attribute(reference, "URI") == "#" + core::attribute(foreign, "ID").value_or("?"));
  auto transforms = core::element_children(core::child_named(reference, n::ns_dsig, "Transforms"));
  REQUIRE(transforms.size() == 1);
  CHECK(core::attribute(transforms[0], "Algorithm") == n::alg_exc_c14n);
  CHECK(test::idp::encrypted_assertion_of(m.mutated_doc) != nullptr);
  // The oracle: the IdP's signature over F verifies as it stands.
  auto verdict = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
  INFO(verdict.output);
  CHECK(verdict.verified);
}

TEST_CASE("encryption.foreign_signature_carried object=logout_response", "[mutator][encryption.foreign_signature_carried]") {
  auto m = test::idp::mutate("encryption.foreign_signature_carried", {{"object", "logout_response"}},
                             test::idp::enc_baseline());
  auto found = core::descendants_named(m.mutated_doc.root(), n::ns_protocol, "LogoutResponse");
  REQUIRE(found.size() == 1);
  test::TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "m.xml", m.mutated.xml));
  auto result = test::run_command({"xmlsec1", "--verify", "--pubkey-cert-pem",
                                   test::test_cert_set().certificate_path("idp-signing").string(), "--id-attr:ID",
                                   "urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse", "--node-xpath",
                                   test::idp::k_response_signature, (dir / "m.xml").string()});
  INFO(result.output);
  CHECK(result.exit_code == 0);
}
