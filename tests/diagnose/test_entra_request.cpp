// SPDX-License-Identifier: Apache-2.0
// AuthnRequests checked against an Entra app (--entra-app), and the AADSTS advice: every code
// idp_sim shows is explained, with causes and how to confirm them.
#include "samlt/core/fs.hpp"
#include "samlt/diagnose/aadsts_advice.hpp"
#include "samlt/diagnose/diagnosis.hpp"
#include "samlt/idp/aadsts.hpp"
#include "support.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

namespace {

// One apps[] entry alone, as a customer's app settings are written for --entra-app.
nlohmann::json reference_app() {
  return {{"app_id", "00001111-aaaa-2222-bbbb-3333cccc4444"},
          {"display_name", "Reference"},
          {"identifiers", {{{"value", test::k_sp_entity_id}, {"default", true}}}},
          {"reply_urls", {{{"url", test::k_acs_url}, {"index", 0}, {"default", true}}}}};
}

// `trusted`: the IdPs the file should give (a whole configuration's signing certificates).
diagnose::MessageDiagnosis request_diagnosis(const nlohmann::json& app, const std::string& capture_text,
                                             std::size_t trusted = 0) {
  test::TempDir dir;
  auto file = dir.path() / "app.json";
  REQUIRE(core::write_file_atomic(file, app.dump()));
  diagnose::DiagnoseOptions options;
  diagnose::IdpSettings idp;
  auto applied = diagnose::apply_entra_app(file.string(), options.entra, idp);
  INFO((applied ? "" : applied.error().detail));
  REQUIRE(applied);
  CHECK(idp.trust.size() == trusted);  // one app alone carries no signing certificate
  auto capture = diagnose::read_capture("capture", capture_text);
  REQUIRE(capture);
  auto diagnoses = diagnose::diagnose_capture({*capture}, {}, idp, options);
  REQUIRE(diagnoses.size() == 1);
  REQUIRE(diagnoses[0].entra);
  return diagnoses[0];
}

std::string request_with(const std::string& attributes, const std::string& children = "") {
  return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r1\" Version=\"2.0\" "
         "IssueInstant=\"" +
         core::format_datetime(test::test_now()) + "\" " + attributes +
         "><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + test::k_sp_entity_id +
         "</saml:Issuer>" + children + "</samlp:AuthnRequest>";
}

}  // namespace

TEST_CASE("diagnose --entra-app: each AuthnRequest gets the AADSTS code Entra would show", "[diagnose]") {
  std::string url = std::string(test::k_idp_sso_url) + "?";
  SECTION("the registered Reply URL: accepted, with where and for whom Entra would issue") {
    auto diagnosis = request_diagnosis(reference_app(), url + test::redirect_query(test::authn_request_xml(
                                                                 "_r1", test::test_now())));
    CHECK(diagnosis.entra->code == 0);
    CHECK(diagnosis.entra->acs_url == test::k_acs_url);
    CHECK(diagnosis.entra->audience == test::k_sp_entity_id);
    CHECK_FALSE(diagnose::any_failed(std::vector{diagnosis}));
  }
  SECTION("a Reply URL that differs by its trailing slash: 50011") {
    auto diagnosis = request_diagnosis(
        reference_app(),
        url + test::redirect_query(request_with("AssertionConsumerServiceURL=\"" + std::string(test::k_acs_url) + "/\"")));
    CHECK(diagnosis.entra->code == 50011);
    CHECK(core::id(diagnosis.entra->reason) == "authn_request.acs_mismatch");
    CHECK(diagnosis.entra->message.find(std::string(test::k_acs_url) + "/'") != std::string::npos);
    CHECK(diagnose::any_failed(std::vector{diagnosis}));
  }
  SECTION("another entity ID: 700016") {
    auto app = reference_app();
    app["identifiers"][0]["value"] = "https://sp.example.com/";
    auto diagnosis = request_diagnosis(app, url + test::redirect_query(request_with("")));
    CHECK(diagnosis.entra->code == 700016);
    CHECK(diagnosis.entra->app.empty());
    CHECK(diagnosis.entra->entra.find("(today: 'https://sp.example.com/')") != std::string::npos);
  }
  SECTION("the Artifact binding asked for: 75003") {
    auto diagnosis = request_diagnosis(
        reference_app(),
        url + test::redirect_query(request_with("ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact\"")));
    CHECK(diagnosis.entra->code == 75003);
  }
  SECTION("a Subject: 900236") {
    auto diagnosis = request_diagnosis(
        reference_app(),
        url + test::redirect_query(request_with(
                  "", "<saml:Subject xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:NameID>a@b</saml:NameID>"
                      "</saml:Subject>")));
    CHECK(diagnosis.entra->code == 900236);
  }
  SECTION("Comparison minimum: 900235") {
    auto diagnosis = request_diagnosis(
        reference_app(),
        url + test::redirect_query(request_with(
                  "", "<samlp:RequestedAuthnContext Comparison=\"minimum\"><saml:AuthnContextClassRef "
                      "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">urn:oasis:names:tc:SAML:2.0:ac:classes:"
                      "PasswordProtectedTransport</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>")));
    CHECK(diagnosis.entra->code == 900235);
  }
  SECTION("an ID that begins with a digit: 7500529") {
    std::string xml = request_with("");
    xml.replace(xml.find("_r1"), 3, "1r");
    auto diagnosis = request_diagnosis(reference_app(), url + test::redirect_query(xml));
    CHECK(diagnosis.entra->code == 7500529);
  }
  SECTION("signed requests required, the request unsigned: 76021, with the advice on the app's settings") {
    // The whole configuration: the verification certificate is named from its credentials.
    auto app = reference_app();
    app["request_verification"] = {{"required", true}, {"certificates", {"sp-signing"}}};
    nlohmann::json config{{"tenant_id", "aaaabbbb-0000-cccc-1111-dddd2222eeee"},
                          {"cert_set", test::test_cert_set().dir().string()},
                          {"signing_certificates", {{{"credential", "idp-signing"}, {"status", "active"}}}},
                          {"apps", nlohmann::json::array({app})}};
    auto diagnosis = request_diagnosis(config, url + test::redirect_query(request_with("")), 1);
    CHECK(diagnosis.entra->code == 76021);
    CHECK(core::id(diagnosis.entra->reason) == "authn_request.signature_required");
    CHECK(diagnosis.entra->app == "Reference (00001111-aaaa-2222-bbbb-3333cccc4444)");
    CHECK(diagnosis.entra->entra.find("Require verification certificates") != std::string::npos);
  }
  SECTION("one app alone can name no credential: the error says where") {
    test::TempDir dir;
    auto app = reference_app();
    app["request_verification"] = {{"required", true}, {"certificates", {"sp-signing"}}};
    auto file = dir.path() / "app.json";
    REQUIRE(core::write_file_atomic(file, app.dump()));
    diagnose::EntraSettings entra;
    diagnose::IdpSettings idp;
    auto applied = diagnose::apply_entra_app(file.string(), entra, idp);
    REQUIRE_FALSE(applied);
    CHECK(applied.error().detail.find("/request_verification/certificates/0") != std::string::npos);
  }
}

TEST_CASE("diagnose --entra-app: files that are not an app get a specific error", "[diagnose]") {
  test::TempDir dir;
  diagnose::EntraSettings entra;
  diagnose::IdpSettings idp;
  auto write = [&](const std::string& name, const std::string& text) {
    auto file = dir.path() / name;
    REQUIRE(core::write_file_atomic(file, text));
    return file.string();
  };
  auto not_json = diagnose::apply_entra_app(write("a.json", "{\"apps\": ["), entra, idp);
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().detail.find("a.json: /: expected a JSON object") != std::string::npos);
  auto no_reply = diagnose::apply_entra_app(write("b.json", "{\"app_id\": \"x\"}"), entra, idp);
  REQUIRE_FALSE(no_reply);
  CHECK(no_reply.error().detail.find("b.json") != std::string::npos);
  CHECK(no_reply.error().detail.find("/app_id") != std::string::npos);
  auto missing = diagnose::apply_entra_app((dir.path() / "none.json").string(), entra, idp);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().detail.find("none.json") != std::string::npos);
  CHECK(entra.tenant == nullptr);
}

TEST_CASE("diagnose --explain: every AADSTS code idp_sim shows is explained", "[diagnose]") {
  for (int code : idp::aadsts_codes()) {
    INFO("AADSTS" << code);
    auto reasons = idp::aadsts_reasons(code);
    REQUIRE_FALSE(reasons.empty());
    for (core::Reason reason : reasons) {
      INFO(core::id(reason));
      const diagnose::AadstsAdvice* advice = diagnose::aadsts_advice(reason);
      REQUIRE(advice != nullptr);
      CHECK_FALSE(advice->meaning.empty());
      CHECK_FALSE(advice->causes[0].cause.empty());
      for (const auto& cause : advice->causes) {
        CHECK(cause.cause.empty() == cause.confirm.empty());
      }
      CHECK_FALSE((advice->entra.empty() && advice->sp.empty()));
    }
    auto text = diagnose::explain_aadsts("AADSTS" + std::to_string(code));
    REQUIRE(text);
    CHECK(text->find("Entra shows: AADSTS" + std::to_string(code) + ": ") != std::string::npos);
    CHECK(text->find("confirm: ") != std::string::npos);
    CHECK(text->find('{') == std::string::npos);  // every placeholder described
  }
  CHECK(diagnose::explain_aadsts("aadsts50011"));
  CHECK(diagnose::explain_aadsts("50011"));
  auto unknown = diagnose::explain_aadsts("AADSTS12345");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().detail.find("known: ") != std::string::npos);
  CHECK_FALSE(diagnose::explain_aadsts("AADSTS"));
  CHECK_FALSE(diagnose::explain_aadsts("5001x"));
  CHECK_FALSE(diagnose::explain_aadsts("99999999999999999999"));
}
