// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("signature.reference_retargeted: a Reference to nothing or outside the document (SIG-REF-DANGLING, "
          "SIG-REF-EXTERNAL)",
          "[mutator][signature.reference_retargeted]") {
  auto uri = GENERATE(as<std::string>{}, "dangling", "http", "file", "xpointer");
  auto m = test::idp::mutate("signature.reference_retargeted", {{"uri", uri}});
  auto references = core::descendants_named(m.mutated_doc.root(), n::ns_dsig, "Reference");
  REQUIRE(references.size() == 1);
  std::string value = core::attribute(references[0], "URI").value_or("");
  if (uri == "dangling") {
    CHECK(value == "#nope");
  } else if (uri == "http") {
    CHECK(value.rfind("http://", 0) == 0);
  } else if (uri == "file") {
    CHECK(value == "file:///etc/hostname");
  } else {
    CHECK(value == "#xpointer(/)");
  }
  CHECK(m.differences.empty());  // only the Signature changed
}

TEST_CASE("signature.reference_retargeted: every Signature dangling", "[mutator][signature.reference_retargeted]") {
  auto m = test::idp::mutate("signature.reference_retargeted", {{"scope", "all"}}, {{"signing", "both"}});
  auto references = core::descendants_named(m.mutated_doc.root(), n::ns_dsig, "Reference");
  REQUIRE(references.size() == 2);
  for (xmlNode* reference : references) {
    CHECK(core::attribute(reference, "URI") == "#nope");
  }
  CHECK(samlt::idp::find_mutator("signature.reference_retargeted")->expected ==
        core::Reason::signature_reference_not_parent);
}
