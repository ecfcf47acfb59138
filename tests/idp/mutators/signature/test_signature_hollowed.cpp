// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("signature.hollowed: an empty or hollow Signature (SIG-EMPTY)", "[mutator][signature.hollowed]") {
  auto form = GENERATE(as<std::string>{}, "empty_element", "no_signed_info", "empty_signature_value",
                       "empty_digest_value");
  auto m = test::idp::mutate("signature.hollowed", {{"form", form}});
  xmlNode* signature = signature_of(assertion_of(m.mutated_doc.root()));
  REQUIRE(signature != nullptr);
  auto dsig = [&](const char* local) { return core::descendants_named(signature, n::ns_dsig, local); };
  if (form == "empty_element") {
    CHECK(signature->children == nullptr);
  } else if (form == "no_signed_info") {
    CHECK(dsig("SignedInfo").empty());
    CHECK(dsig("SignatureValue").size() == 1);
  } else {
    auto values = dsig(form == "empty_signature_value" ? "SignatureValue" : "DigestValue");
    REQUIRE(values.size() == 1);
    CHECK(core::simple_text(values[0]) == "");
    CHECK(dsig("SignedInfo").size() == 1);
  }
  CHECK(name_id_of(m.mutated_doc.root()) == k_attacker);
  CHECK(samlt::idp::find_mutator("signature.hollowed")->expected == core::Reason::signature_malformed);
}
