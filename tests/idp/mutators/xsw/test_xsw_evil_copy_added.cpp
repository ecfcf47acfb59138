// SPDX-License-Identifier: Apache-2.0
// xsw.evil_copy_added: a forged, unsigned copy of the signed Assertion beside the intact original
// (XSW-3, XSW-7, XSW-ID-DUP, XSW-ID-XMLID). The original still verifies (xmlsec1).
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>
#include <libxml/parser.h>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;
using Json = nlohmann::json;

namespace {

// The signed Assertion (the one with a Signature) and the forged copy, wherever they are.
struct Pair {
  xmlNode* original = nullptr;
  xmlNode* forged = nullptr;
};

Pair find_pair(const xmlNode* root) {
  Pair p;
  for (xmlNode* a : core::descendants_named(root, n::ns_assertion, "Assertion")) {
    (signature_of(a) ? p.original : p.forged) = a;
  }
  REQUIRE(p.original != nullptr);
  REQUIRE(p.forged != nullptr);
  return p;
}

// The message without the forged copy: the original Assertion's Signature verifies there, so it
// was left intact (and the copy is the only change).
void check_original_verifies(const core::XmlDoc& mutated, const std::string& xpath) {
  auto doc = mutated.clone();
  core::remove_node(find_pair(doc.root()).forged);
  auto oracle = test::idp::xmlsec1_verifies(core::serialize(doc), xpath);
  INFO(oracle.output);
  CHECK(oracle.verified);
}

}  // namespace

TEST_CASE("xsw.evil_copy_added: an unsigned forged Assertion ahead of the signed one (XSW-3)",
          "[mutator][xsw.evil_copy_added]") {
  auto m = test::idp::mutate("xsw.evil_copy_added", {{"id", "_evil_assertion_ID"}});
  auto top = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(top.size() == 2);
  CHECK(id_of(top[0]) == "_evil_assertion_ID");
  CHECK(signature_of(top[0]) == nullptr);
  CHECK(name_id_of(top[0]) == k_victim);
  CHECK(test::idp::differences(assertion_of(m.base_doc.root()), top[1]).empty());
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(2));
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(samlt::idp::find_mutator("xsw.evil_copy_added")->expected == core::Reason::assertion_multiple);
}

TEST_CASE("xsw.evil_copy_added: a same-ID forged copy in Extensions (XSW-7)", "[mutator][xsw.evil_copy_added]") {
  auto place = GENERATE(as<std::string>{}, "extensions", "extensions_unqualified");
  auto m = test::idp::mutate("xsw.evil_copy_added", {{"place", place}, {"ids", "shared"}});
  auto children = core::element_children(m.mutated_doc.root());
  REQUIRE(children.size() == 4);  // Issuer, Extensions, Status, Assertion
  CHECK(core::local_name(children[1]) == "Extensions");
  CHECK(core::namespace_uri(children[1]) == (place == "extensions" ? n::ns_protocol : ""));
  auto pair = find_pair(m.mutated_doc.root());
  CHECK(pair.forged->parent == children[1]);
  CHECK(id_of(pair.forged) == id_of(pair.original));
  CHECK(name_id_of(pair.forged) == k_victim);
  CHECK(test::idp::differences(assertion_of(m.base_doc.root()), pair.original).empty());
  check_original_verifies(m.mutated_doc, test::idp::assertion_signature(1));
}

TEST_CASE("xsw.evil_copy_added: a forged copy sharing the ID, before or after (XSW-ID-DUP)",
          "[mutator][xsw.evil_copy_added]") {
  auto place = GENERATE(as<std::string>{}, "before", "after");
  auto m = test::idp::mutate("xsw.evil_copy_added", {{"place", place}, {"ids", "shared"}});
  auto top = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(top.size() == 2);
  auto pair = find_pair(m.mutated_doc.root());
  CHECK(pair.forged == top[place == "before" ? 0 : 1]);
  CHECK(id_of(pair.forged) == id_of(pair.original));
  CHECK(name_id_of(pair.forged) == k_victim);
  check_original_verifies(m.mutated_doc, test::idp::assertion_signature(1));
}

TEST_CASE("xsw.evil_copy_added: the copy carries the ID in a competing attribute (XSW-ID-XMLID)",
          "[mutator][xsw.evil_copy_added]") {
  auto attribute = GENERATE(as<std::string>{}, "xml:id", "Id", "id", "wsu:Id");
  auto place = GENERATE(as<std::string>{}, "before", "extensions");
  // xml:id is refused by the strict parser the fixture uses, so read the bytes with libxml2.
  auto raw = test::idp::mutate_raw({{"xsw.evil_copy_added", {{"id_attribute", attribute}, {"place", place}}}});
  core::XmlDoc doc(xmlReadMemory(raw.mutated.xml.data(), static_cast<int>(raw.mutated.xml.size()), nullptr, nullptr,
                                 XML_PARSE_NONET));
  REQUIRE(doc);
  auto pair = find_pair(doc.root());
  CHECK_FALSE(core::attribute(pair.forged, "ID").has_value());
  auto colon = attribute.find(':');
  std::string local = colon == std::string::npos ? attribute : attribute.substr(colon + 1);
  xmlChar* value = xmlGetProp(pair.forged, BAD_CAST local.c_str());
  REQUIRE(value != nullptr);
  CHECK(std::string(reinterpret_cast<char*>(value)) == id_of(pair.original));
  xmlFree(value);
  CHECK(name_id_of(pair.forged) == k_victim);
  CHECK(core::local_name(pair.forged->parent) == (place == "before" ? "Response" : "Extensions"));
  check_original_verifies(doc, test::idp::assertion_signature(1));
}
