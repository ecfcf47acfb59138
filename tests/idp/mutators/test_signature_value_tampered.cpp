// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <numeric>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("signature.value_tampered changes one character of the SignatureValue only", "[mutator][signature.value_tampered]") {
  auto m = test::idp::mutate("signature.value_tampered");
  CHECK(m.differences == Strings{});
  auto before = core::descendants_named(m.base_doc.root(), core::names::ns_dsig, "SignatureValue");
  auto after = core::descendants_named(m.mutated_doc.root(), core::names::ns_dsig, "SignatureValue");
  REQUIRE(before.size() == 1);
  REQUIRE(after.size() == 1);
  auto a = core::simple_text(before[0]).value();
  auto b = core::simple_text(after[0]).value();
  REQUIRE(a.size() == b.size());
  CHECK(std::inner_product(a.begin(), a.end(), b.begin(), 0, std::plus<>(), std::not_equal_to<>()) == 1);
  CHECK(samlt::idp::find_mutator("signature.value_tampered")->expected == core::Reason::signature_invalid);
}
