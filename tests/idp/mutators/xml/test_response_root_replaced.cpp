// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

const std::string k_root_signature = "/*/*[local-name()='Signature']";

}  // namespace

TEST_CASE("response.root_replaced posts the signed Assertion alone; its signature still verifies",
          "[mutator][response.root_replaced]") {
  auto m = test::idp::mutate_raw({{"response.root_replaced", nlohmann::json::object()}});
  auto doc = test::idp::parse(m.mutated.xml);
  CHECK(core::is_element(doc.root(), n::ns_assertion, "Assertion"));
  CHECK(m.mutated.xml.rfind("<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"", 0) == 0);
  auto base = test::idp::parse(m.base.xml);
  CHECK(core::attribute(doc.root(), "ID") ==
        core::attribute(core::child_named(base.root(), n::ns_assertion, "Assertion"), "ID"));
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, k_root_signature);
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("response.root_replaced")->expected == core::Reason::response_not_a_response);
}

TEST_CASE("response.root_replaced posts IdP-signed objects made for other purposes, or no SAML",
          "[mutator][response.root_replaced]") {
  SECTION("logout_response") {
    auto m = test::idp::mutate_raw({{"response.root_replaced", {{"root", "logout_response"}}}});
    auto doc = test::idp::parse(m.mutated.xml);
    CHECK(core::is_element(doc.root(), n::ns_protocol, "LogoutResponse"));
    CHECK(test::idp::child_names(doc.root()) == std::vector<std::string>{"Issuer", "Signature", "Status"});
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, k_root_signature);
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
  SECTION("entity_descriptor") {
    auto m = test::idp::mutate_raw({{"response.root_replaced", {{"root", "entity_descriptor"}}}});
    auto doc = test::idp::parse(m.mutated.xml);
    CHECK(core::is_element(doc.root(), n::ns_metadata, "EntityDescriptor"));
    CHECK(core::attribute(doc.root(), "entityID") == "https://sts.windows.net/" + std::string(test::idp::k_tenant) + "/");
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, k_root_signature);
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
  SECTION("hello") {
    auto m = test::idp::mutate_raw({{"response.root_replaced", {{"root", "hello"}}}});
    CHECK(m.mutated.xml == "<hello>World!</hello>");
  }
  SECTION("bad params") {
    CHECK(test::idp::mutate_error("response.root_replaced", {{"root", "other"}}).reason ==
          core::Reason::mutator_params_invalid);
  }
}
