// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/algorithms/resign.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

std::string declared(const xmlNode* element, const char* prefix) {
  for (const xmlNs* ns = element->nsDef; ns != nullptr; ns = ns->next) {
    if (ns->prefix != nullptr && xmlStrEqual(ns->prefix, BAD_CAST prefix)) {
      return reinterpret_cast<const char*>(ns->href);
    }
  }
  return "(none)";
}

}  // namespace

TEST_CASE("c14n.namespace_unprocessable declares a relative namespace URI on the signed Assertion; "
          "canonicalization fails, xmlsec1 included",
          "[mutator][c14n.namespace_unprocessable]") {
  auto m = test::idp::mutate("c14n.namespace_unprocessable");
  CHECK(m.differences == Strings{});  // an unused declaration: no element, attribute or text changed
  xmlNode* assertion = test::idp::one(m.mutated_doc.root(), "Assertion");
  CHECK(declared(assertion, "v") == "rel");
  auto octets = idp::mutators::canonical_octets(m.mutated_doc.get(), assertion, nullptr, true, false);
  CHECK_FALSE(octets);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK_FALSE(oracle.verified);
  CHECK(idp::find_mutator("c14n.namespace_unprocessable")->expected == core::Reason::signature_unverifiable);
}

TEST_CASE("c14n.namespace_unprocessable: a URI without authority on the NameID; an invalid URI",
          "[mutator][c14n.namespace_unprocessable]") {
  SECTION("no_authority on the NameID") {
    auto m = test::idp::mutate("c14n.namespace_unprocessable", {{"uri", "no_authority"}, {"on", "name_id"}});
    xmlNode* name_id = test::idp::one(m.mutated_doc.root(), "NameID");
    CHECK(declared(name_id, "v") == "mailto:x@y");
    xmlNode* assertion = test::idp::one(m.mutated_doc.root(), "Assertion");
    CHECK_FALSE(idp::mutators::canonical_octets(m.mutated_doc.get(), assertion, nullptr, true, false));
    CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature()).verified);
  }
  SECTION("invalid: not a URI at all, so libxml2's parser already reports a namespace error") {
    auto m = test::idp::mutate_raw({{"c14n.namespace_unprocessable", {{"uri", "invalid"}}}});
    CHECK(m.mutated.xml.find("xmlns:v=\"http://example.com\xC2\x80\"") != std::string::npos);
    CHECK(core::parse_strict(m.mutated.xml).error().reason == core::Reason::xml_namespace_invalid);
  }
  SECTION("bad params") {
    CHECK(test::idp::mutate_error("c14n.namespace_unprocessable", {{"uri", "urn"}}).reason ==
          core::Reason::mutator_params_invalid);
    CHECK(test::idp::mutate_error("c14n.namespace_unprocessable", {{"on", "response"}}).reason ==
          core::Reason::mutator_params_invalid);
  }
}
