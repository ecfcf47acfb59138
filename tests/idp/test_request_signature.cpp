// SPDX-License-Identifier: Apache-2.0
// "SAML Request Signature Verification" (entra-spec §3.4, D11): Redirect query signatures and
// POST embedded signatures, only when the app requires them.
#include "idp_fixture.hpp"
#include "samlt/core/binding.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

nlohmann::json required(bool allow_sha1 = false, nlohmann::json certs = {"sp-signing"}) {
  return {{"request_verification",
           {{"required", true}, {"certificates", certs}, {"allow_sha1", allow_sha1}}}};
}

idp::IssueRequest redirect(std::string query, nlohmann::json overrides = required()) {
  idp::IssueRequest request;
  request.user = test::idp::k_alex;
  request.redirect_query = std::move(query);
  request.app_overrides = std::move(overrides);
  return request;
}

idp::IssueRequest post(std::string xml, nlohmann::json overrides = required()) {
  idp::IssueRequest request;
  request.user = test::idp::k_alex;
  request.saml_request_xml = std::move(xml);
  request.app_overrides = std::move(overrides);
  return request;
}

void require_reason(const idp::IssueRequest& request, Reason reason) {
  auto error = test::idp::issue_error(test::idp::default_idp(), request);
  INFO(error.message);
  CHECK(error.code == 76021);
  CHECK(error.reason == reason);
}

}  // namespace

TEST_CASE("Redirect: a query-string signature by the SP's key is accepted",
          "[idp][request_signature]") {
  auto xml = test::idp::authn_request_xml();
  test::idp::issue_ok(test::idp::default_idp(),
                      redirect(test::idp::redirect_query(xml, "state", "sp-signing")));
  // Signatures are not checked at all unless required (D11 note).
  test::idp::issue_ok(test::idp::default_idp(),
                      redirect(test::idp::redirect_query(xml, "state", "idp-rogue"), {}));
}

TEST_CASE("Redirect: unsigned, wrong key, tampered, SHA-1 and missing certificates are refused",
          "[idp][request_signature]") {
  auto xml = test::idp::authn_request_xml();
  require_reason(redirect(test::idp::redirect_query(xml)),
                 Reason::authn_request_signature_required);
  require_reason(redirect(test::idp::redirect_query(xml, std::nullopt, "idp-rogue")),
                 Reason::authn_request_signature_invalid);
  auto query = test::idp::redirect_query(xml, "state", "sp-signing");
  auto at = query.find("RelayState=state");
  query.replace(at, 16, "RelayState=other");
  require_reason(redirect(query), Reason::authn_request_signature_invalid);
  auto sha1 = test::idp::redirect_query(xml, std::nullopt, "sp-signing", true);
  require_reason(redirect(sha1), Reason::authn_request_signature_algorithm_forbidden);
  test::idp::issue_ok(test::idp::default_idp(), redirect(sha1, required(true)));
  require_reason(redirect(test::idp::redirect_query(xml, std::nullopt, "sp-signing"),
                          required(false, nlohmann::json::array())),
                 Reason::authn_request_verification_certificate_missing);
}

TEST_CASE("Redirect: an embedded signature is in the wrong place for the binding (76021)",
          "[idp][request_signature]") {
  auto signed_xml = test::idp::signed_request_xml(test::idp::authn_request_xml(), "sp-signing");
  require_reason(redirect(test::idp::redirect_query(signed_xml)),
                 Reason::authn_request_signature_required);
}

TEST_CASE("POST: the embedded signature is verified with core::verify_enveloped",
          "[idp][request_signature]") {
  auto xml = test::idp::authn_request_xml();
  test::idp::issue_ok(test::idp::default_idp(),
                      post(test::idp::signed_request_xml(xml, "sp-signing")));
  require_reason(post(xml), Reason::authn_request_signature_required);
  require_reason(post(test::idp::signed_request_xml(xml, "idp-rogue")),
                 Reason::authn_request_signature_invalid);
  auto sha1 = test::idp::signed_request_xml(xml, "sp-signing", core::SignatureAlgorithm::rsa_sha1);
  require_reason(post(sha1), Reason::authn_request_signature_algorithm_forbidden);
  test::idp::issue_ok(test::idp::default_idp(), post(sha1, required(true)));
  auto tampered = test::idp::signed_request_xml(xml, "sp-signing");
  auto at = tampered.find("_req-0001");
  tampered.replace(at, 9, "_req-0002");
  require_reason(post(tampered), Reason::authn_request_signature_invalid);
}

TEST_CASE("IdP-initiated sign-in is impossible while signed requests are enforced",
          "[idp][request_signature]") {
  idp::IssueRequest request;
  request.user = test::idp::k_alex;
  request.app_overrides = required();
  require_reason(request, Reason::authn_request_signature_required);
}

TEST_CASE("an AuthnRequest decoded once by the caller (the runner) is checked like the raw query",
          "[idp][request_signature]") {
  auto decoded = [](const std::string& query) {
    idp::IssueRequest request;
    request.user = test::idp::k_alex;
    request.saml_request =
        core::decode_redirect(query, core::Accepts::saml_request, {1 << 20, 1 << 20, 1 << 20, 1 << 20})
            .value();
    request.app_overrides = required();
    return request;
  };
  auto xml = test::idp::authn_request_xml();
  auto issued = test::idp::issue_ok(test::idp::default_idp(),
                                    decoded(test::idp::redirect_query(xml, "state", "sp-signing")));
  CHECK(issued.relay_state == "state");
  require_reason(decoded(test::idp::redirect_query(xml, "state", "idp-rogue")),
                 Reason::authn_request_signature_invalid);
  require_reason(decoded(test::idp::redirect_query(xml)), Reason::authn_request_signature_required);
}
