// SPDX-License-Identifier: Apache-2.0
// xsw.original_hidden with a forged Response (XSW-1, XSW-2) and its parameter handling; the
// Assertion forms are in test_xsw_original_hidden_assertion.cpp, the container matrix in
// test_xsw_original_hidden_container.cpp.
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;
using Json = nlohmann::json;

namespace {

const Json k_response_signed = {{"signing", "response"}};

// The hidden copy must be the signed Response exactly, minus its Signature: then the Reference
// still digests to the signed value wherever the copy sits.
void check_hidden_is_original(const test::idp::Mutation& m, const xmlNode* hidden) {
  CHECK(test::idp::differences(m.base_doc.root(), hidden) == std::vector<std::string>{"Response: Signature"});
  CHECK(signature_of(hidden) == nullptr);
  CHECK(name_id_of(hidden) == k_attacker);
}

}  // namespace

TEST_CASE("xsw.original_hidden: a Response copy inside its own Signature (XSW-1)", "[mutator][xsw.original_hidden]") {
  auto ids = GENERATE(as<std::string>{}, "fresh", "root_only");
  auto m = test::idp::mutate("xsw.original_hidden",
                             {{"target", "response"}, {"place", "signature"}, {"ids", ids}, {"visible_id", "_evil"}},
                             k_response_signed);
  xmlNode* root = m.mutated_doc.root();
  CHECK(id_of(root) == "_evil");
  CHECK(name_id_of(assertion_of(root)) == k_victim);
  xmlNode* signature = signature_of(root);
  auto parts = core::element_children(signature);
  REQUIRE(parts.size() == 4);
  REQUIRE(core::is_element(parts[3], n::ns_protocol, "Response"));
  CHECK(id_of(parts[3]) == id_of(m.base_doc.root()));
  check_hidden_is_original(m, parts[3]);
  CHECK(signature_value(signature) == signature_value(signature_of(m.base_doc.root())));
  bool assertion_renamed = id_of(assertion_of(root)) != id_of(assertion_of(m.base_doc.root()));
  CHECK(assertion_renamed == (ids == "fresh"));

  // The Reference resolves to the hidden copy, whose content is what the IdP signed.
  auto extracted = test::idp::xmlsec1_verifies(
      test::idp::with_signature(parts[3], signature_of(m.base_doc.root())), test::idp::k_root_signature);
  INFO(extracted.output);
  CHECK(extracted.verified);
  // No in-place check: the copy sits inside the Signature, which the enveloped-signature
  // transform removes with everything in it (xmldsig-core §6.6.4), so xmlsec1 digests nothing there.
}

TEST_CASE("xsw.original_hidden: a Response copy right before the Signature (XSW-2)", "[mutator][xsw.original_hidden]") {
  auto m = test::idp::mutate("xsw.original_hidden",
                             {{"target", "response"}, {"place", "before_signature"}, {"ids", "fresh"}},
                             k_response_signed);
  xmlNode* root = m.mutated_doc.root();
  CHECK(id_of(root) != id_of(m.base_doc.root()));
  auto children = core::element_children(root);
  REQUIRE(children.size() == 5);  // Issuer, the hidden Response, Signature, Status, Assertion
  CHECK(core::is_element(children[2], n::ns_dsig, "Signature"));
  REQUIRE(core::is_element(children[1], n::ns_protocol, "Response"));
  check_hidden_is_original(m, children[1]);
  CHECK(name_id_of(assertion_of(root)) == k_victim);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("xsw.original_hidden: the forged Response holds the signed one (signature hidden)",
          "[mutator][xsw.original_hidden]") {
  auto m = test::idp::mutate("xsw.original_hidden",
                             {{"target", "response"}, {"place", "inside_visible"}, {"signature", "hidden"}},
                             k_response_signed);
  xmlNode* root = m.mutated_doc.root();
  CHECK(signature_of(root) == nullptr);
  auto inner = core::children_named(root, n::ns_protocol, "Response");
  REQUIRE(inner.size() == 1);
  CHECK(test::idp::differences(m.base_doc.root(), inner[0]).empty());
  CHECK(name_id_of(assertion_of(root)) == k_victim);
}

TEST_CASE("xsw.original_hidden: default parameters and refusals", "[mutator][xsw.original_hidden]") {
  auto m = test::idp::mutate("xsw.original_hidden");
  auto assertions = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(assertions.size() == 1);
  CHECK(name_id_of(assertions[0]) == k_victim);
  xmlNode* extensions = core::child_named(m.mutated_doc.root(), n::ns_protocol, "Extensions");
  REQUIRE(extensions != nullptr);
  CHECK(id_of(assertion_of(extensions)) == id_of(assertion_of(m.base_doc.root())));
  CHECK(samlt::idp::find_mutator("xsw.original_hidden")->expected == core::Reason::signature_reference_not_parent);

  CHECK(test::idp::mutate_error("xsw.original_hidden", {{"place", "nowhere"}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("xsw.original_hidden", {{"target", "response"}}).reason ==
        core::Reason::mutator_not_applicable);  // the default app signs only the Assertion
  CHECK(test::idp::mutate_error("xsw.original_hidden", {{"target", "response"}, {"place", "sibling_before"}},
                                k_response_signed)
            .reason == core::Reason::mutator_not_applicable);
}
