// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/sp/sp_metadata.hpp"
#include "support/sp_harness.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("sp metadata: entity ID, endpoints, both certificates, signed", "[sp][sp_metadata]") {
  auto config = test::test_sp_config();
  auto xml = sp::build_sp_metadata(config);
  REQUIRE(xml);
  auto doc = core::parse_strict(*xml);
  REQUIRE(doc);
  xmlNode* entity = doc->root();
  CHECK(core::attribute(entity, "entityID") == test::k_sp_entity_id);
  xmlNode* role = core::child_named(entity, n::ns_metadata, "SPSSODescriptor");
  REQUIRE(role);
  CHECK(core::attribute(role, "AuthnRequestsSigned") == "true");
  CHECK(core::attribute(role, "WantAssertionsSigned") == "false");  // policy "either"
  auto acs = core::child_named(role, n::ns_metadata, "AssertionConsumerService");
  CHECK(core::attribute(acs, "Binding") == n::binding_post);
  CHECK(core::attribute(acs, "Location") == test::k_acs_url);
  CHECK(core::attribute(core::child_named(role, n::ns_metadata, "SingleLogoutService"), "Location") ==
        std::string(test::k_sp_base_url) + "/saml/slo");
  auto keys = core::children_named(role, n::ns_metadata, "KeyDescriptor");
  REQUIRE(keys.size() == 2);
  CHECK(core::attribute(keys[0], "use") == "signing");
  CHECK(core::attribute(keys[1], "use") == "encryption");
  auto signature = core::enveloped_signature_of(entity);
  REQUIRE(signature);
  REQUIRE(*signature);
  std::vector<core::Certificate> trusted{test::test_credential("sp-signing").certificate};
  CHECK(core::verify_enveloped(*doc, *signature, trusted));

  config.policy.required_signatures = sp::RequiredSignatures::both;
  auto strict = core::parse_strict(*sp::build_sp_metadata(config));
  CHECK(core::attribute(core::child_named(strict->root(), n::ns_metadata, "SPSSODescriptor"), "WantAssertionsSigned") == "true");
}
