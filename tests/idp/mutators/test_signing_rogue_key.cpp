// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "support/test_certs.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("signing.rogue_key signs with the rogue key and changes nothing else", "[mutator][signing.rogue_key]") {
  auto m = test::idp::mutate("signing.rogue_key");
  CHECK(m.differences == Strings{});
  const auto& rogue = test::test_credential("idp-rogue").certificate;
  CHECK(m.mutated.xml.find(rogue.base64()) != std::string::npos);
  CHECK(m.base.xml.find(rogue.base64()) == std::string::npos);
  CHECK(samlt::idp::find_mutator("signing.rogue_key")->expected == core::Reason::key_untrusted);
}
