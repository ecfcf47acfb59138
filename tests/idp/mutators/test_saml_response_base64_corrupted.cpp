// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("saml_response.base64_corrupted breaks only the SAMLResponse encoding",
          "[mutator][saml_response.base64_corrupted]") {
  auto m = test::idp::mutate("saml_response.base64_corrupted");
  CHECK(m.differences.empty());  // the XML is untouched
  REQUIRE(m.mutated.form.size() == 2);
  CHECK(m.mutated.form[1] == m.base.form[1]);  // RelayState unchanged
  CHECK(m.base.form[0].second != m.mutated.form[0].second);
  CHECK(core::base64_decode(m.base.form[0].second));
  auto decoded = core::base64_decode(m.mutated.form[0].second);
  REQUIRE_FALSE(decoded);
  CHECK(decoded.error().reason == core::Reason::codec_base64_invalid);
  CHECK(samlt::idp::find_mutator("saml_response.base64_corrupted")->expected ==
        core::Reason::binding_base64_invalid);
}
