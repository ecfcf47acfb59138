// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("status.requester turns the Response into an error Response without an assertion", "[mutator][status.requester]") {
  auto m = test::idp::mutate("status.requester");
  CHECK(m.differences == Strings{"Response: children", "Response/Status: children", "Response/Status/StatusCode: @Value",
                                   "Response/Status/StatusCode: children"});
  auto codes = core::descendants_named(m.mutated_doc.root(), core::names::ns_protocol, "StatusCode");
  REQUIRE(codes.size() == 2);
  CHECK(core::attribute(codes[0], "Value") == std::string(core::names::status_requester));
  CHECK(core::attribute(codes[1], "Value") == std::string(core::names::status_request_denied));
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_assertion, "Assertion").empty());
  CHECK(samlt::idp::find_mutator("status.requester")->expected == core::Reason::status_not_success);
}
