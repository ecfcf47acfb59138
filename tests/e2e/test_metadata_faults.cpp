// SPDX-License-Identifier: Apache-2.0
// The metadata faults (attack-catalogue §14, metadata_document_mutators()) against the reference
// SP, in process: the IdP's own metadata with one fault, given to the SP as a refresh of the IdP
// it already trusts (the SP's admin Refresh, CLI refresh and startup seeding all take this path).
// Each row's expected reason is the refresh's answer, or, when the SP takes the document, the
// answer to the next sign-in made with the row's baseline app settings. Also the §3 cases that
// depend on metadata (KEY-ENC-CERT-SIGNS, POS-KEYDESCRIPTOR-NO-USE) and on a second trusted IdP
// (KEY-OTHER-IDP).
#include "federation.hpp"
#include "samlt/idp/metadata.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

namespace {

constexpr const char* k_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";

std::string faulty_metadata(test::Federation& federation, const std::vector<idp::MutatorUse>& faults) {
  const idp::App* app = federation.idp().find_app(k_app_id);
  REQUIRE(app != nullptr);
  auto xml = idp::federation_metadata(federation.idp(), idp::MetadataKind::app, app, "http://127.0.0.1:8080",
                                      federation.clock().now(), faults, "http://127.0.0.1:9/canary/x");
  INFO((xml ? "" : xml.error().detail));
  REQUIRE(xml);
  return *xml;
}

// The refresh's reason, or (when the SP took the document) the next sign-in's verdict.
std::string answer(test::Federation& federation, const std::vector<idp::MutatorUse>& faults,
                   const nlohmann::json& baseline, const std::vector<idp::MutatorUse>& response_mutators = {}) {
  auto refreshed = federation.sp().register_idp_from_metadata("entra", faulty_metadata(federation, faults));
  if (!refreshed) {
    INFO(refreshed.error().detail);
    return std::string(core::id(refreshed.error().reason));
  }
  test::SignIn request;
  request.app_overrides = baseline;
  request.mutators = response_mutators;
  auto exchange = federation.sign_in(request);
  INFO("step " << exchange.verdict.step << ": " << exchange.verdict.detail);
  return std::string(test::reason_id(exchange.verdict));
}

nlohmann::json baseline_of(const idp::Mutator& mutator) {
  return mutator.baseline.empty() ? nlohmann::json::object() : nlohmann::json::parse(mutator.baseline);
}

}  // namespace

TEST_CASE("the unmutated metadata refreshes, and the IdP still signs in", "[e2e][metadata]") {
  test::Federation federation;
  CHECK(answer(federation, {}, nlohmann::json::object()) == "accepted");
}

TEST_CASE("every metadata fault gets the reason it declares", "[e2e][metadata]") {
  REQUIRE(idp::metadata_document_mutators().size() >= 9);
  for (const auto& mutator : idp::metadata_document_mutators()) {
    DYNAMIC_SECTION(mutator.id) {
      test::Federation federation;
      CHECK(answer(federation, {{std::string(mutator.id), nlohmann::json::object()}}, baseline_of(mutator)) ==
            core::id(mutator.expected));
      // A refused refresh changes nothing: the IdP's own sign-in still works.
      CHECK(std::string(test::reason_id(federation.sign_in().verdict)) == "accepted");
    }
  }
}

TEST_CASE("metadata fault variants (MD-XSW, MD-VALIDITY, MD-DTD, MD-ENDPOINT-SCHEME, MD-ALG-DOWNGRADE)",
          "[e2e][metadata]") {
  auto with = [](std::string id, nlohmann::json params) {
    return std::vector<idp::MutatorUse>{{std::move(id), std::move(params)}};
  };
  struct Row {
    std::vector<idp::MutatorUse> faults;
    nlohmann::json baseline;
    std::string expected;
  };
  const nlohmann::json none = nlohmann::json::object();
  const std::vector<Row> rows = {
      {with("metadata.wrapped", {{"form", "root_wrapped"}}), none, "metadata.signature_missing"},
      {with("metadata.valid_until_set", {{"value", "absent"}}), none, "accepted"},
      {with("metadata.valid_until_set", {{"value", "far_future"}}), none, "accepted"},
      {with("metadata.doctype_added", {{"payload", "benign"}}), none, "xml.doctype_forbidden"},
      {with("metadata.endpoint_scheme_set", {{"service", "slo"}}), none, "metadata.invalid"},
      {with("metadata.endpoint_scheme_set", {{"location", "data:text/html,x"}}), none, "metadata.invalid"},
      {with("metadata.signing_methods_advertised", {{"methods", "md5"}}), {{"algorithm", "sha1"}},
       "signature.algorithm_forbidden"},
      {with("metadata.signing_methods_advertised", {{"methods", "sha1"}}), none, "accepted"},
      {with("metadata.signed_by", {{"credential", "idp-signing-next"}}), none, "accepted"},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    DYNAMIC_SECTION(rows[i].faults[0].id << " " << rows[i].faults[0].params.dump()) {
      test::Federation federation;
      CHECK(answer(federation, rows[i].faults, rows[i].baseline) == rows[i].expected);
    }
  }
}

TEST_CASE("KEY-ENC-CERT-SIGNS: a key listed for encryption only never verifies a signature", "[e2e][metadata][keys]") {
  test::Federation federation;
  auto faults = std::vector<idp::MutatorUse>{{"metadata.key_descriptor_set", nlohmann::json::object()}};
  REQUIRE(federation.sp().register_idp_from_metadata("entra", faulty_metadata(federation, faults)));
  test::SignIn request;
  request.mutators = {{"signing.rogue_key", {{"credential", "idp-encryption"}}}};
  CHECK(std::string(test::reason_id(federation.sign_in(request).verdict)) == "key.untrusted");
  // The same key listed for signing is trusted: the refusal above is about `use`, not the key.
  auto as_signing = std::vector<idp::MutatorUse>{{"metadata.key_descriptor_set", {{"use", "signing"}}}};
  REQUIRE(federation.sp().register_idp_from_metadata("entra", faulty_metadata(federation, as_signing)));
  CHECK(std::string(test::reason_id(federation.sign_in(request).verdict)) == "accepted");
}

TEST_CASE("POS-KEYDESCRIPTOR-NO-USE: a signing key without use is trusted, and signatures stay mandatory",
          "[e2e][metadata][keys]") {
  test::Federation federation;
  auto no_use = std::vector<idp::MutatorUse>{
      {"metadata.key_descriptor_set", {{"credential", "idp-signing"}, {"use", "omitted"}}}};
  std::string xml = faulty_metadata(federation, no_use);
  CHECK(xml.find("<KeyDescriptor><KeyInfo") != std::string::npos);
  CHECK(xml.find("<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>" +
                 test::test_credential("idp-signing").certificate.base64()) == std::string::npos);
  REQUIRE(federation.sp().remove_idp("entra"));  // a first import of that document
  REQUIRE(federation.sp().register_idp_from_metadata("entra", xml));
  CHECK(std::string(test::reason_id(federation.sign_in().verdict)) == "accepted");
  test::SignIn stripped;
  stripped.mutators = {{"signature.removed", nlohmann::json::object()}};
  CHECK(std::string(test::reason_id(federation.sign_in(stripped).verdict)) == "assertion.unsigned");
}

TEST_CASE("KEY-OTHER-IDP: a second trusted IdP cannot sign in the first one's name", "[e2e][keys]") {
  test::Federation federation;
  const std::string idp_b = "https://sts.windows.net/f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e/";
  REQUIRE(federation.sp().register_idp_manual("entra-b", idp_b, "http://127.0.0.1:8080/b/saml2",
                                              test::test_credential("idp2-signing").certificate.pem()));
  SECTION("IdP-B's key, IdP-A's Issuers, the victim's identity") {
    test::SignIn request;
    request.mutators = {{"signing.rogue_key", {{"credential", "idp2-signing"}, {"victim", "megan.bowen@contoso.example"}}}};
    CHECK(std::string(test::reason_id(federation.sign_in(request).verdict)) == "key.untrusted");
  }
  SECTION("Response Issuer IdP-B (verified with IdP-B's key), Assertion Issuer IdP-A") {
    test::SignIn request;
    request.app_overrides = {{"signing", "response"}};
    request.mutators = {{"issuer.other_tenant", {{"tenant_id", "f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e"}}},
                        {"issuer.assertion_other", {{"issuer", "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/"}}},
                        {"signing.rogue_key", {{"credential", "idp2-signing"}, {"victim", "megan.bowen@contoso.example"}}}};
    request.idp_initiated = true;
    CHECK(std::string(test::reason_id(federation.sign_in(request).verdict)) == "assertion.issuer_mismatch");
    request.idp_initiated = false;
    auto sp_initiated = std::string(test::reason_id(federation.sign_in(request).verdict));
    CHECK((sp_initiated == "response.in_response_to_unknown" || sp_initiated == "assertion.issuer_mismatch"));
  }
}
