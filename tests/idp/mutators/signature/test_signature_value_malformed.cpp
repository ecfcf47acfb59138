// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xsw/xsw_checks.hpp"
#include "samlt/core/codec.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("signature.value_malformed: a SignatureValue verification errors on (SIG-VERIFY-ERROR)",
          "[mutator][signature.value_malformed]") {
  auto form = GENERATE(as<std::string>{}, "non_base64", "one_byte", "wrong_length", "method_ecdsa");
  auto m = test::idp::mutate("signature.value_malformed", {{"form", form}});
  xmlNode* signature = signature_of(assertion_of(m.mutated_doc.root()));
  std::string value = signature_value(signature);
  std::string base_value = signature_value(signature_of(assertion_of(m.base_doc.root())));
  auto decoded = core::base64_decode(value);
  if (form == "non_base64") {
    CHECK_FALSE(decoded);
  } else if (form == "one_byte" || form == "wrong_length") {
    REQUIRE(decoded);
    CHECK(decoded->size() == (form == "one_byte" ? 1U : 255U));
  } else {
    CHECK(value == base_value);
    auto method = core::descendants_named(signature, n::ns_dsig, "SignatureMethod");
    CHECK(core::attribute(method.front(), "Algorithm") == "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
  }
  CHECK(samlt::idp::find_mutator("signature.value_malformed")->expected == core::Reason::signature_unverifiable);
}
