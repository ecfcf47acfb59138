// SPDX-License-Identifier: Apache-2.0
#include "support/test_certs.hpp"
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "signature_check.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("signing.certificate_expired signs with the expired certificate and changes nothing else",
          "[mutator][signing.certificate_expired]") {
  auto m = test::idp::mutate("signing.certificate_expired");
  CHECK(m.differences.empty());  // the content is identical; only the signature differs
  const auto& expired = test::test_credential("idp-signing-expired").certificate;
  CHECK(m.mutated.xml.find(expired.base64()) != std::string::npos);  // in KeyInfo
  CHECK(m.base.xml.find(expired.base64()) == std::string::npos);
  CHECK(test::idp::xmlsec1_verifies(m.mutated.xml, "Assertion", "idp-signing-expired"));
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, "Assertion", "idp-signing"));
  CHECK(expired.not_after() < test::idp::now());
  CHECK(samlt::idp::find_mutator("signing.certificate_expired")->expected ==
        core::Reason::key_certificate_expired);
}

TEST_CASE("signing.certificate_expired refuses a credential that has not expired",
          "[mutator][signing.certificate_expired]") {
  auto error =
      test::idp::mutate_error("signing.certificate_expired", {{"credential", "idp-signing-next"}});
  CHECK(error.reason == core::Reason::mutator_params_invalid);
  error = test::idp::mutate_error("signing.certificate_expired", {{"credential", "nope"}});
  CHECK(error.reason == core::Reason::mutator_not_applicable);
}
