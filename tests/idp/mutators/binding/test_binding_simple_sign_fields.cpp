// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/query_signature.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

const std::string k_rsa_sha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

std::string field(const core::FormFields& form, std::string_view name) {
  auto values = core::form_values(form, name);
  REQUIRE(values.size() == 1);
  return values[0];
}

// The SimpleSign signed string of `form` (decoded values) verifies with `role`'s certificate.
bool simple_sign_verifies(const core::FormFields& form, const std::string& xml, std::string_view role) {
  std::string octets = "SAMLResponse=" + xml + "&RelayState=" + field(form, "RelayState") + "&SigAlg=" +
                       field(form, "SigAlg");
  return core::verify_query_octets(test::test_credential(role).certificate, core::SignatureAlgorithm::rsa_sha256,
                                   octets, core::base64_decode(field(form, "Signature")).value());
}

}  // namespace

TEST_CASE("binding.simple_sign_fields: an unsigned message with SimpleSign fields by the attacker's key",
          "[mutator][binding.simple_sign_fields]") {
  auto m = test::idp::mutate("binding.simple_sign_fields");
  CHECK(m.differences.empty());  // out.xml is the signed message before the wire stage
  std::string xml = core::base64_decode(field(m.mutated.form, "SAMLResponse")).value();
  auto doc = core::parse_strict(xml);
  REQUIRE(doc);
  CHECK(core::descendants_named(doc->root(), n::ns_dsig, "Signature").empty());
  CHECK(test::idp::differences(test::idp::one(m.base_doc.root(), "Subject"), test::idp::one(doc->root(), "Subject"))
            .empty());
  CHECK(field(m.mutated.form, "SigAlg") == k_rsa_sha256);
  CHECK(simple_sign_verifies(m.mutated.form, xml, "idp-rogue"));
  CHECK_FALSE(simple_sign_verifies(m.mutated.form, xml, "idp-signing"));
  CHECK(core::form_values(m.mutated.form, "KeyInfo").empty());
  CHECK(samlt::idp::find_mutator("binding.simple_sign_fields")->expected == core::Reason::assertion_unsigned);

  SECTION("key_info_field: and a KeyInfo field naming the attacker's certificate") {
    auto k = test::idp::mutate("binding.simple_sign_fields", {{"form", "key_info_field"}});
    auto key_info = core::parse_strict(core::base64_decode(field(k.mutated.form, "KeyInfo")).value());
    REQUIRE(key_info);
    CHECK(core::is_element(key_info->root(), n::ns_dsig, "KeyInfo"));
    auto certificate = core::descendants_named(key_info->root(), n::ns_dsig, "X509Certificate");
    REQUIRE(certificate.size() == 1);
    CHECK(core::simple_text(certificate[0]) == core::base64_encode(test::test_credential("idp-rogue").certificate.der()));
  }
}

TEST_CASE("binding.simple_sign_fields: bytes moved across the SAMLResponse/RelayState boundary",
          "[mutator][binding.simple_sign_fields]") {
  auto m = test::idp::mutate("binding.simple_sign_fields", {{"form", "boundary_shift"}});
  std::string xml = core::base64_decode(field(m.mutated.form, "SAMLResponse")).value();
  CHECK(xml == m.base.xml.substr(0, m.base.xml.size() - 8));
  CHECK(field(m.mutated.form, "RelayState") == m.base.xml.substr(m.base.xml.size() - 8) + "relay");
  // The IdP's SimpleSign signature covers the message before the shift.
  core::FormFields original = m.mutated.form;
  for (auto& [name, value] : original) {
    if (name == "RelayState") {
      value = "relay";
    }
  }
  CHECK(simple_sign_verifies(original, m.base.xml, "idp-signing"));
}

TEST_CASE("binding.simple_sign_fields: a NUL and forged bytes after the XML", "[mutator][binding.simple_sign_fields]") {
  auto m = test::idp::mutate("binding.simple_sign_fields", {{"form", "nul_suffix"}});
  std::string bytes = core::base64_decode(field(m.mutated.form, "SAMLResponse")).value();
  CHECK(bytes.substr(0, m.base.xml.size()) == m.base.xml);
  CHECK(bytes[m.base.xml.size()] == '\0');
  CHECK(bytes.substr(m.base.xml.size() + 1).find("_forged") != std::string::npos);
  CHECK(core::form_values(m.mutated.form, "Signature").empty());
}
