// SPDX-License-Identifier: Apache-2.0
// xsw.original_hidden with a forged Assertion: XSW-4, XSW-5, XSW-6, XSW-8, XSW-EXT-REV,
// XSW-WRAPPER and XSW-SIBLING. Each checks where the copy went, who each copy claims to be, and
// that the IdP's Signature still verifies over the copy its Reference names (xmlsec1).
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

test::idp::Mutation hidden(Json params) {
  return test::idp::mutate("xsw.original_hidden", params);
}

// The one Assertion (anywhere) that carries the original ID: the signature-less original copy.
xmlNode* original_copy(const test::idp::Mutation& m) {
  auto found = with_id(m.mutated_doc.root(), n::ns_assertion, "Assertion", id_of(assertion_of(m.base_doc.root())));
  REQUIRE(found.size() == 1);
  CHECK(name_id_of(found[0]) == k_attacker);
  return found[0];
}

// The IdP's Signature, now in the forged Assertion, verifies in the mutated message itself.
void check_signature_verifies(const test::idp::Mutation& m, const std::string& xpath) {
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, xpath);
  INFO(oracle.output);
  CHECK(oracle.verified);
}

}  // namespace

TEST_CASE("xsw.original_hidden: the signed Assertion nested in a forged one (XSW-4)", "[mutator][xsw.original_hidden]") {
  auto m = hidden({{"place", "inside_visible"}, {"signature", "hidden"}, {"ids", "fresh"}});
  auto top = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(top.size() == 1);
  CHECK(signature_of(top[0]) == nullptr);
  CHECK(name_id_of(top[0]) == k_victim);
  auto children = core::element_children(top[0]);
  xmlNode* nested = children.back();
  REQUIRE(core::is_element(nested, n::ns_assertion, "Assertion"));
  CHECK(test::idp::differences(assertion_of(m.base_doc.root()), nested).empty());  // complete, signed
  check_signature_verifies(m, "/*/*[local-name()='Assertion']/*[local-name()='Assertion']/*[local-name()='Signature']");
}

TEST_CASE("xsw.original_hidden: forged Assertion keeps the Signature, original appended (XSW-5)",
          "[mutator][xsw.original_hidden]") {
  auto m = hidden({{"place", "response_end"}, {"ids", "root_only"}, {"visible_id", "_evil_assertion_ID"}});
  auto top = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(top.size() == 2);
  CHECK(id_of(top[0]) == "_evil_assertion_ID");
  CHECK(name_id_of(top[0]) == k_victim);
  CHECK(signature_of(top[0]) != nullptr);
  CHECK(original_copy(m) == top[1]);
  check_signature_verifies(m, test::idp::assertion_signature(1));
}

TEST_CASE("xsw.original_hidden: the original inside the forged Assertion's Signature (XSW-6)",
          "[mutator][xsw.original_hidden]") {
  auto m = hidden({{"place", "signature"}, {"ids", "root_only"}, {"visible_id", "_evil_assertion_ID"}});
  xmlNode* visible = assertion_of(m.mutated_doc.root());
  CHECK(id_of(visible) == "_evil_assertion_ID");
  auto parts = core::element_children(signature_of(visible));
  REQUIRE(parts.size() == 4);
  CHECK(original_copy(m) == parts[3]);
  // xmlsec1 refuses an Assertion as a direct child of Signature, and the enveloped transform would
  // remove it anyway: the hidden copy with the IdP's Signature verifies on its own.
  auto extracted = test::idp::xmlsec1_verifies(
      test::idp::with_signature(parts[3], signature_of(assertion_of(m.base_doc.root()))), test::idp::k_root_signature);
  INFO(extracted.output);
  CHECK(extracted.verified);
}

TEST_CASE("xsw.original_hidden: an unchanged same-ID copy in a ds:Object (XSW-8)", "[mutator][xsw.original_hidden]") {
  auto place = GENERATE(as<std::string>{}, "object", "object_unqualified");
  auto m = hidden({{"place", place}, {"ids", "shared"}});
  xmlNode* visible = assertion_of(m.mutated_doc.root());
  xmlNode* base = assertion_of(m.base_doc.root());
  CHECK(id_of(visible) == id_of(base));  // edited in place: ID and Signature kept
  CHECK(name_id_of(visible) == k_victim);
  xmlNode* object = core::element_children(signature_of(visible)).back();
  CHECK(core::local_name(object) == "Object");
  CHECK(core::namespace_uri(object) == (place == "object" ? n::ns_dsig : ""));
  auto copies = core::children_named(object, n::ns_assertion, "Assertion");
  REQUIRE(copies.size() == 1);
  CHECK(test::idp::differences(base, copies[0]) == std::vector<std::string>{"Assertion: Signature"});
  // Two elements share the ID, so xmlsec1 cannot resolve it in place: the hidden copy with the
  // IdP's Signature verifies on its own.
  auto oracle = test::idp::xmlsec1_verifies(test::idp::with_signature(copies[0], signature_of(base)),
                                            test::idp::k_root_signature);
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("xsw.original_hidden: the original in samlp:Extensions, a forged Assertion carries its Signature "
          "(XSW-EXT-REV)",
          "[mutator][xsw.original_hidden]") {
  auto m = hidden({{"place", "extensions"}, {"ids", "fresh"}, {"visible_id", "the-attack-assertion"}});
  auto children = core::element_children(m.mutated_doc.root());
  REQUIRE(children.size() == 4);  // Issuer, Extensions, Status, the forged Assertion
  CHECK(core::is_element(children[1], n::ns_protocol, "Extensions"));
  CHECK(original_copy(m)->parent == children[1]);
  CHECK(id_of(children[3]) == "the-attack-assertion");
  check_signature_verifies(m, test::idp::assertion_signature(1));
}

TEST_CASE("xsw.original_hidden: the original wrapped in an unknown element (XSW-WRAPPER, XSW-SIBLING)",
          "[mutator][xsw.original_hidden]") {
  auto place = GENERATE(as<std::string>{}, "wrapper", "wrapper_before");
  auto m = hidden({{"place", place}, {"ids", "fresh"}, {"wrapper", "foo"}, {"visible_id", "unsigned-assertion"}});
  auto children = core::element_children(m.mutated_doc.root());
  REQUIRE(children.size() == 4);
  xmlNode* box = place == "wrapper" ? children[3] : children[2];
  xmlNode* visible = place == "wrapper" ? children[2] : children[3];
  CHECK(core::local_name(box) == "foo");
  CHECK(core::namespace_uri(box).empty());
  CHECK(original_copy(m)->parent == box);
  CHECK(id_of(visible) == "unsigned-assertion");
  CHECK(name_id_of(visible) == k_victim);
  check_signature_verifies(m, "/*/*[local-name()='Assertion']/*[local-name()='Signature']");
}

TEST_CASE("xsw.original_hidden: the original as a sibling of the forged Assertion (XSW-SIBLING)",
          "[mutator][xsw.original_hidden]") {
  auto place = GENERATE(as<std::string>{}, "sibling_before", "response_end");
  auto m = hidden({{"place", place}, {"ids", "fresh"}, {"visible_id", "unsigned-assertion"}});
  auto top = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(top.size() == 2);
  int visible = place == "sibling_before" ? 1 : 0;
  CHECK(id_of(top[static_cast<std::size_t>(visible)]) == "unsigned-assertion");
  CHECK(original_copy(m) == top[static_cast<std::size_t>(1 - visible)]);
  check_signature_verifies(m, test::idp::assertion_signature(visible + 1));
}
