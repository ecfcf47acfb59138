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

TEST_CASE("saml_response.base64_corrupted: each form of bad base64, and the valid RFC 2045 forms",
          "[mutator][saml_response.base64_corrupted]") {
  struct Form {
    const char* name;
    bool decodes;
  };
  for (auto [name, decodes] : {Form{"garbage", false}, Form{"truncated_padding", false}, Form{"url_safe", false},
                               Form{"nul_then_data", false}, Form{"line_wrapped", true},
                               Form{"space_padded", true}}) {
    INFO(name);
    auto m = test::idp::mutate("saml_response.base64_corrupted", {{"form", name}});
    CHECK(m.differences.empty());
    const std::string& base = m.base.form[0].second;
    const std::string& value = m.mutated.form[0].second;
    CHECK(value != base);
    auto decoded = core::base64_decode(value);
    CHECK(decoded.has_value() == decodes);
    if (decoded) {
      CHECK(*decoded == m.base.xml);  // the same message, encoded differently
    }
    std::string form = name;
    if (form == "garbage") {
      CHECK(value == "???");
    } else if (form == "truncated_padding") {
      CHECK(value == base.substr(0, base.size() - 1));
    } else if (form == "url_safe") {
      CHECK(value.find_first_of("+/") == std::string::npos);
      CHECK(value.find_first_of("-_") != std::string::npos);
      CHECK(value.size() == base.size());
    } else if (form == "nul_then_data") {
      CHECK(value.substr(0, base.size()) == base);
      CHECK(value[base.size()] == '\0');
    } else if (form == "line_wrapped") {
      CHECK(value.substr(0, 76) == base.substr(0, 76));
      CHECK(value.substr(76, 2) == "\r\n");
      CHECK(value.find("\r\n", 78) == 76 + 78);
    } else {
      CHECK(value == "  " + base + "  ");
    }
  }
  CHECK(test::idp::mutate_error("saml_response.base64_corrupted", {{"form", "rot13"}}).reason ==
        core::Reason::mutator_params_invalid);
}
