// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

std::vector<xmlNode*> named_assertion(const xmlNode* response) {
  std::vector<xmlNode*> out;
  for (xmlNode* child : core::element_children(response)) {
    if (core::local_name(child) == "Assertion") {
      out.push_back(child);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("parser.namespace_wrong puts a forged victim Assertion in urn:evil before the signed one",
          "[mutator][parser.namespace_wrong]") {
  for (std::string form : {"assertion_foreign_ns", "assertion_saml1_ns"}) {
    DYNAMIC_SECTION(form) {
      auto m = test::idp::mutate("parser.namespace_wrong", {{"form", form}});
      auto assertions = named_assertion(m.mutated_doc.root());
      REQUIRE(assertions.size() == 2);
      std::string ns = form == "assertion_foreign_ns" ? "urn:evil" : "urn:oasis:names:tc:SAML:1.0:assertion";
      CHECK(core::namespace_uri(assertions[0]) == ns);
      CHECK(core::namespace_uri(assertions[1]) == n::ns_assertion);
      CHECK(core::attribute(assertions[0], "ID") == *core::attribute(assertions[1], "ID") + "_evil");
      CHECK(core::child_named(assertions[0], ns, "Signature") == nullptr);
      CHECK(core::child_named(assertions[0], n::ns_dsig, "Signature") == nullptr);
      auto name_id = core::descendants_named(assertions[0], ns, "NameID");
      REQUIRE(name_id.size() == 1);
      CHECK(core::simple_text(name_id[0]) == "megan.bowen@contoso.example");
      // The signed original, second by local name, still verifies.
      auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(2));
      INFO(oracle.output);
      CHECK(oracle.verified);
    }
  }
  CHECK(idp::find_mutator("parser.namespace_wrong")->expected == core::Reason::response_schema_invalid);
}

TEST_CASE("parser.namespace_wrong moves the Signature into urn:evil, or renames the root",
          "[mutator][parser.namespace_wrong]") {
  SECTION("signature_foreign_ns") {
    auto m = test::idp::mutate("parser.namespace_wrong", {{"form", "signature_foreign_ns"}});
    xmlNode* assertion = test::idp::one(m.mutated_doc.root(), "Assertion");
    CHECK(core::child_named(assertion, n::ns_dsig, "Signature") == nullptr);
    xmlNode* moved = core::child_named(assertion, "urn:evil", "Signature");
    REQUIRE(moved != nullptr);
    CHECK(core::child_named(moved, "urn:evil", "SignedInfo") != nullptr);
  }
  SECTION("fake_response_root") {
    auto m = test::idp::mutate("parser.namespace_wrong", {{"form", "fake_response_root"}});
    CHECK(core::is_element(m.mutated_doc.root(), n::ns_protocol, "FakeResponse"));
    CHECK(m.mutated.xml.rfind("<samlp:FakeResponse ", 0) == 0);
  }
  SECTION("bad params") {
    CHECK(test::idp::mutate_error("parser.namespace_wrong", {{"form", "other"}}).reason ==
          core::Reason::mutator_params_invalid);
    CHECK(test::idp::mutate_error("parser.namespace_wrong", {{"form", "signature_foreign_ns"}}, {{"signing", "response"}})
              .reason == core::Reason::mutator_not_applicable);
  }
}
