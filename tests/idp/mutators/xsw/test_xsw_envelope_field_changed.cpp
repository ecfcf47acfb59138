// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
using Strings = std::vector<std::string>;

TEST_CASE("xsw.envelope_field_changed: one field of the unsigned envelope edited (XSW-UNSIGNED-RESP-FIELDS)",
          "[mutator][xsw.envelope_field_changed]") {
  struct Field {
    std::string name;
    Strings differences;
  };
  auto field = GENERATE(values<Field>({{"in_response_to_unknown", {"Response: @InResponseTo"}},
                                       {"status_responder", {"Response/Status/StatusCode: @Value"}},
                                       {"destination_other", {"Response: @Destination"}},
                                       {"issuer_unknown", {"Response/Issuer: text"}}}));
  auto m = test::idp::mutate("xsw.envelope_field_changed", {{"field", field.name}});
  CHECK(m.differences == field.differences);  // the signed Assertion is untouched
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("xsw.envelope_field_changed: needs an unsigned envelope", "[mutator][xsw.envelope_field_changed]") {
  CHECK(test::idp::mutate_error("xsw.envelope_field_changed", {}, {{"signing", "both"}}).reason ==
        core::Reason::mutator_not_applicable);
  CHECK(samlt::idp::find_mutator("xsw.envelope_field_changed")->expected ==
        core::Reason::response_in_response_to_unknown);
}
