// SPDX-License-Identifier: Apache-2.0
// The stages of style §6.7 run in their order whatever order the mutators are named in; with token
// encryption the signed_xml stage runs before encryption.
#include "support/test_certs.hpp"
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmlenc.hpp"
#include "signature_check.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("mutators run stage by stage: spec, unsigned_xml, signed_xml, wire", "[idp][pipeline]") {
  const auto& idp = test::idp::default_idp();
  std::vector<idp::MutatorUse> uses{{"saml_response.base64_corrupted", {}},
                                    {"signature.digest_tampered", {}},
                                    {"audience.wrong", {}}};
  auto out =
      idp::run_response_pipeline(test::idp::baseline_spec(), uses, std::nullopt,
                                 {test::idp::now(), idp.tenant_id(), idp.config().credentials});
  REQUIRE(out);
  CHECK(out->mutators_applied == std::vector<std::string>{"audience.wrong",
                                                          "signature.digest_tampered",
                                                          "saml_response.base64_corrupted"});
  CHECK(out->spec.audiences == std::vector<std::string>{"https://other-sp.example/"});
}

TEST_CASE("app faults and request mutators both apply, app faults first", "[idp][pipeline]") {
  auto request = test::idp::sp_request();
  request.app_overrides = {{"faults", {"issuer.v2_endpoint"}}};
  request.mutators = {{"audience.entra_global", {}}};
  auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
  CHECK(issued.mutators_applied ==
        std::vector<std::string>{"issuer.v2_endpoint", "audience.entra_global"});
}

TEST_CASE("unknown mutators and failing mutators are Result failures of issue_response",
          "[idp][pipeline]") {
  auto request = test::idp::sp_request();
  request.mutators = {{"no.such_mutator", {}}};
  auto outcome = idp::issue_response(test::idp::default_idp(), request, test::idp::now());
  REQUIRE_FALSE(outcome);
  CHECK(outcome.error().reason == core::Reason::control_unknown_mutator);
  request.mutators = {{"audience.wrong", {{"audience", false}}}};
  outcome = idp::issue_response(test::idp::default_idp(), request, test::idp::now());
  REQUIRE_FALSE(outcome);
  CHECK(outcome.error().reason == core::Reason::mutator_params_invalid);
}

TEST_CASE("with encryption, signed_xml faults land inside the EncryptedAssertion",
          "[idp][pipeline][xmlenc]") {
  auto request = test::idp::sp_request();
  request.app_overrides = {{"signing", "both"}, {"token_encryption", {{"enabled", true}}}};
  request.mutators = {{"signature.digest_tampered", {}}};
  auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
  CHECK(
      test::idp::xmlsec1_verifies(issued.xml, "Response", "idp-signing"));  // made after encryption
  auto doc = test::idp::parse(issued.xml);
  auto* encrypted = core::child_named(doc.root(), n::ns_assertion, "EncryptedAssertion");
  auto assertion =
      core::decrypt_assertion(doc, encrypted, test::test_credential("sp-encryption").key);
  REQUIRE(assertion);
  auto verified = test::idp::core_verifies(doc, *assertion, "idp-signing");
  REQUIRE_FALSE(verified);
  CHECK(verified.error().reason == core::Reason::signature_digest_mismatch);
}
