// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("binding.parameter_confused puts a look-alike SAMLResponse, unsigned, before the genuine one",
          "[mutator][binding.parameter_confused]") {
  struct Form {
    const char* form;
    std::string name;
  };
  for (const auto& [form, name] : {Form{"leading_space", " SAMLResponse"}, Form{"nul_in_name", std::string("SAMLResponse") + '\0'},
                                   Form{"brackets", "SAMLResponse[]"}, Form{"other_case", "samlresponse"}}) {
    INFO(form);
    auto m = test::idp::mutate("binding.parameter_confused", {{"form", form}});
    CHECK(m.differences.empty());
    REQUIRE(m.mutated.form.size() == 3);
    CHECK(m.mutated.form[0].first == name);
    CHECK(m.mutated.form[1] == m.base.form[0]);  // the genuine field, unchanged
    CHECK(m.mutated.form[2] == m.base.form[1]);  // RelayState
    auto forged = core::parse_strict(core::base64_decode(m.mutated.form[0].second).value());
    REQUIRE(forged);
    CHECK(core::descendants_named(forged->root(), n::ns_dsig, "Signature").empty());
    CHECK(core::descendants_named(forged->root(), n::ns_assertion, "Assertion").size() == 1);
  }
  // The browser form encodes the odd names; none of them is spelled SAMLResponse on the wire.
  auto m = test::idp::mutate("binding.parameter_confused", {{"form", "nul_in_name"}});
  CHECK(core::encode_form(m.mutated.form).rfind("SAMLResponse%00=", 0) == 0);
  CHECK(samlt::idp::find_mutator("binding.parameter_confused")->expected == core::Reason::binding_parameter_invalid);
}

TEST_CASE("binding.parameter_confused: a second RelayState", "[mutator][binding.parameter_confused]") {
  auto m = test::idp::mutate("binding.parameter_confused", {{"form", "duplicate_relay_state"}});
  CHECK(core::form_values(m.mutated.form, "RelayState") == std::vector<std::string>{"relay", "https://attacker.test/"});
  CHECK(test::idp::mutate_error("binding.parameter_confused", {{"form", "encoded_name"}}).reason ==
        core::Reason::mutator_params_invalid);
}
