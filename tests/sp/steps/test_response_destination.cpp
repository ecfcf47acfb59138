// SPDX-License-Identifier: Apache-2.0
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

TEST_CASE("response.destination: must be this ACS URL exactly", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  for (std::string wrong : {"https://other-sp.test/acs", "", "http://127.0.0.1:8081/saml/acs/", "https://127.0.0.1:8081/saml/acs"}) {
    spec.destination = wrong;
    f.post(spec);
    INFO(wrong);
    CHECK(f.reason_at("response.destination") == Reason::response_destination_mismatch);
  }
}

TEST_CASE("response.destination: a signed Response must carry one", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.destination.reset();
  spec.signing = test::SignWith::response;
  f.post(spec);
  CHECK(f.reason_at("response.destination") == Reason::response_destination_missing_when_signed);
}

TEST_CASE("response.destination: an unsigned Response may omit it (POS-DEST-ABSENT-UNSIGNED)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.destination.reset();
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("response.destination", ev));
}
