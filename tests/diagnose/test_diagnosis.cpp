// SPDX-License-Identifier: Apache-2.0
// Captured sign-ins diagnosed: judged at the moment of capture, every failure with its element,
// value, expectation and fixes, and what could not be checked.
#include "samlt/core/codec.hpp"
#include "samlt/diagnose/diagnosis.hpp"
#include "samlt/diagnose/report.hpp"
#include "samlt/sp/validation/pipeline.hpp"
#include "support.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
using sp::FindingOutcome;

namespace {

diagnose::IdpSettings entra_trust() {
  diagnose::IdpSettings idp;
  idp.trust.push_back(sp::TrustedIdp{"entra", test::k_idp_entity_id, test::k_idp_sso_url, "",
                                     {test::test_credential("idp-signing").certificate}, true, false});
  idp.from = "the test";
  return idp;
}

diagnose::SpSettings reference_sp() {
  diagnose::SpSettings sp;
  sp.entity_id = test::k_sp_entity_id;
  sp.entity_id_from = "the test";
  sp.acs_url = test::k_acs_url;
  sp.acs_url_from = "the test";
  sp.base_url = test::k_sp_base_url;
  sp.decryption_keys.push_back(test::test_credential("sp-encryption").key);
  return sp;
}

diagnose::Capture capture_of(const std::string& bytes) {
  auto capture = diagnose::read_capture("capture", bytes);
  REQUIRE(capture);
  return std::move(*capture);
}

const diagnose::FindingReport& failure(const diagnose::MessageDiagnosis& diagnosis, Reason reason) {
  for (const auto& report : diagnosis.findings) {
    if (report.finding.outcome == FindingOutcome::failed && report.finding.reason == reason) {
      return report;
    }
  }
  FAIL("no failure " << core::id(reason));
  return diagnosis.findings.front();
}

std::vector<std::string> failed_ids(const diagnose::MessageDiagnosis& diagnosis) {
  std::vector<std::string> out;
  for (const auto& report : diagnosis.findings) {
    if (report.finding.outcome == FindingOutcome::failed) {
      out.emplace_back(core::id(report.finding.reason));
    }
  }
  return out;
}

// A HAR of an SP-initiated sign-in at t0: the AuthnRequest, then the posted Response 4 s later.
std::string old_sign_in(core::TimePoint t0, test::EntraResponseSpec spec) {
  std::string request = test::authn_request_xml("_req-1", t0);
  spec.in_response_to = "_req-1";
  std::string base64 = core::base64_encode(test::entra_response_xml(spec));
  auto idp = test::har_entry(t0, "GET", std::string(test::k_idp_sso_url) + "?" + test::redirect_query(request));
  auto acs = test::har_entry(t0 + std::chrono::seconds(4), "POST", test::k_acs_url);
  acs["request"]["postData"] = {{"mimeType", "application/x-www-form-urlencoded"},
                                {"text", "SAMLResponse=" + core::url_encode(base64)}};
  return test::har_of({idp, acs}).dump();
}

}  // namespace

TEST_CASE("diagnose: a HAR is judged at its own time, with the SP settings the capture shows", "[diagnose]") {
  // Signed now: the test certificates are only valid from about when they were generated.
  core::TimePoint t0 = test::test_now();
  auto captures = std::vector<diagnose::Capture>{capture_of(old_sign_in(t0, test::entra_spec(t0)))};
  auto diagnoses = diagnose::diagnose_capture(captures, {}, entra_trust(), {});
  REQUIRE(diagnoses.size() == 2);
  CHECK(diagnoses[0].kind == diagnose::MessageKind::authn_request);
  CHECK(diagnoses[0].notes == std::vector<std::string>{
                                  "Issuer (Entra: the app's Identifier): 'urn:samlt:sp:reference'",
                                  "AssertionConsumerServiceURL (Entra: a Reply URL of the app): "
                                  "'http://127.0.0.1:8081/saml/acs'",
                                  "query signature (Redirect binding): none",
                                  "the Responses' InResponseTo is matched against this request"});
  const auto& response = diagnoses[1];
  CHECK(response.judged_at_from == "the HAR entry's time");
  CHECK(core::format_datetime(response.judged_at) == core::format_datetime(t0 + std::chrono::seconds(4)));
  CHECK(failed_ids(response).empty());
  for (const auto& report : response.findings) {
    INFO(report.finding.step << ": " << report.finding.detail);
    CHECK(report.finding.outcome == FindingOutcome::passed);
  }
  CHECK_THAT(response.notes[0], Catch::Contains("SP entity ID 'urn:samlt:sp:reference' from the AuthnRequest's Issuer"));
  CHECK_FALSE(diagnose::any_failed(diagnoses));

  SECTION("--at three hours on: expired, with the element, value and fixes") {
    diagnose::DiagnoseOptions options;
    options.at = t0 + std::chrono::hours(3);
    auto later = diagnose::diagnose_capture(captures, {}, entra_trust(), options);
    CHECK(later[1].judged_at_from == "--at");
    // the AuthnRequest had expired too (policy.request_lifetime, 30 minutes)
    CHECK(failed_ids(later[1]) == std::vector<std::string>{"response.in_response_to_unknown",
                                                           "subject_confirmation.expired", "conditions.expired"});
    const auto& expired = failure(later[1], Reason::conditions_expired);
    CHECK(expired.element == "Assertion/Conditions/@NotOnOrAfter");
    CHECK(expired.value == core::format_datetime(t0 + std::chrono::hours(1)));
    CHECK_THAT(expired.expected, Catch::Contains(core::format_datetime(*options.at)) && Catch::Contains("180"));
    CHECK_FALSE(expired.sp.empty());
    CHECK(expired.sp.find('{') == std::string::npos);
  }
}

TEST_CASE("diagnose: the Audience fault names Entra's Identifier and the SP's entity ID", "[diagnose]") {
  auto spec = test::entra_spec(test::test_now());
  spec.audiences = {"https://wrong.example/sp"};
  auto captures = std::vector<diagnose::Capture>{capture_of(core::base64_encode(test::entra_response_xml(spec)))};
  auto diagnoses = diagnose::diagnose_capture(captures, reference_sp(), entra_trust(), {});
  REQUIRE(diagnoses.size() == 1);
  CHECK(diagnoses[0].judged_at_from == "the IssueInstant");
  CHECK(failed_ids(diagnoses[0]) == std::vector<std::string>{"audience_restriction.audience_mismatch"});
  const auto& audience = failure(diagnoses[0], Reason::audience_restriction_audience_mismatch);
  CHECK(audience.element == "Assertion/Conditions/AudienceRestriction/Audience");
  CHECK(audience.value == "https://wrong.example/sp");
  CHECK_THAT(audience.expected, Catch::Contains(test::k_sp_entity_id));
  CHECK_THAT(audience.entra, Catch::Contains("Basic SAML Configuration") && Catch::Contains("Identifier (Entity ID)") &&
                                 Catch::Contains(test::k_sp_entity_id) && Catch::Contains("https://wrong.example/sp"));
}

TEST_CASE("diagnose: a comparison with an SP setting nobody gave is not checked", "[diagnose]") {
  auto spec = test::entra_spec(test::test_now());
  auto captures = std::vector<diagnose::Capture>{capture_of(core::base64_encode(test::entra_response_xml(spec)))};
  auto diagnoses = diagnose::diagnose_capture(captures, {}, entra_trust(), {});
  CHECK(failed_ids(diagnoses[0]).empty());
  int unknown = 0;
  for (const auto& report : diagnoses[0].findings) {
    if (report.finding.outcome == FindingOutcome::not_checked) {
      CHECK_THAT(report.finding.detail, Catch::Contains("give --sp-config or --sp-metadata"));
      ++unknown;
    }
  }
  CHECK(unknown == 3);  // Destination, Recipient, Audience
}

TEST_CASE("diagnose: a Response-level signature fault points at the Response's Signature", "[diagnose]") {
  auto spec = test::entra_spec(test::test_now());
  spec.signing = test::SignWith::response;
  spec.signer_role = "idp-rogue";
  auto captures = std::vector<diagnose::Capture>{capture_of(test::entra_response_xml(spec))};
  auto diagnoses = diagnose::diagnose_capture(captures, reference_sp(), entra_trust(), {});
  const auto& untrusted = failure(diagnoses[0], Reason::key_untrusted);
  CHECK(untrusted.finding.step == "signature.response");
  CHECK_THAT(untrusted.element, Catch::StartsWith("Response/Signature"));
}

TEST_CASE("diagnose: hostile XML is refused by the strict parser, and nothing hangs", "[diagnose]") {
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
      "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&d;&d;&d;&d;&d;&d;&d;&d;</samlp:Response>";
  auto captures = std::vector<diagnose::Capture>{capture_of(laughs)};
  auto diagnoses = diagnose::diagnose_capture(captures, reference_sp(), entra_trust(), {});
  REQUIRE(diagnoses.size() == 1);
  CHECK(failed_ids(diagnoses[0]) == std::vector<std::string>{"xml.doctype_forbidden"});
  CHECK(diagnoses[0].findings.back().finding.outcome == FindingOutcome::not_checked);
}

TEST_CASE("diagnose: the JSON report carries reason ids and fixes", "[diagnose]") {
  auto spec = test::entra_spec(test::test_now());
  spec.destination = "https://wrong.example/acs";
  auto captures = std::vector<diagnose::Capture>{capture_of(core::base64_encode(test::entra_response_xml(spec)))};
  auto diagnoses = diagnose::diagnose_capture(captures, reference_sp(), entra_trust(), {});
  auto json = nlohmann::json::parse(diagnose::json_report(diagnoses));
  CHECK(json["failed"] == true);
  const auto& findings = json["messages"][0]["findings"];
  REQUIRE(findings.size() == sp::pipeline_steps().size());
  auto failed = std::find_if(findings.begin(), findings.end(), [](const auto& f) { return f["outcome"] == "failed"; });
  REQUIRE(failed != findings.end());
  CHECK((*failed)["reason"] == "response.destination_mismatch");
  CHECK((*failed)["element"] == "Response/@Destination");
  CHECK((*failed)["value"] == "https://wrong.example/acs");
  CHECK_FALSE((*failed)["entra"].get<std::string>().empty());
  std::string text = diagnose::text_report(diagnoses, diagnose::Colour::off);
  CHECK_THAT(text, Catch::Contains("FAIL response.destination_mismatch") && Catch::Contains("Entra:"));
}

TEST_CASE("diagnose: the HTML page marks the elements at fault and shows a HAR's timeline", "[diagnose]") {
  core::TimePoint t0 = test::test_now();
  auto spec = test::entra_spec(t0);
  spec.recipient = "https://wrong.example/acs";
  spec.audiences = {"urn:other:sp"};
  auto captures = std::vector<diagnose::Capture>{capture_of(old_sign_in(t0, spec))};
  auto diagnoses = diagnose::diagnose_capture(captures, reference_sp(), entra_trust(), {});
  std::string html = diagnose::html_report(diagnoses);
  // Each failure's element is marked in the pretty-printed message, titled with its reason.
  CHECK_THAT(html, Catch::Contains("<mark title=\"subject_confirmation.recipient_mismatch\"><span class=\"attr\">"
                                   "Recipient</span>=\"<span class=\"value\">https://wrong.example/acs</span>\"</mark>"));
  CHECK_THAT(html, Catch::Contains("<mark title=\"audience_restriction.audience_mismatch\">"));
  std::size_t marks = 0;
  for (auto at = html.find("<mark"); at != std::string::npos; at = html.find("<mark", at + 1)) {
    ++marks;
  }
  CHECK(marks == 2);  // the two faults, nothing else
  CHECK(std::count(html.begin(), html.end(), '\n') > 40);  // pretty-printed, one element a line
  // The timeline: the AuthnRequest, then the Response 4 s later, linked to their sections.
  CHECK_THAT(html, Catch::Contains("<h2>Timeline</h2>") && Catch::Contains("<td>4.000</td><td><a href=\"#m1\">Response"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);  // nothing fetched
}

// A Response Entra really sent, quoted complete in a public source: MasonTorres/AnAuthenticationLab,
// 2-On-Premise-Apps-AD-Auth/OnPremApp-SAML-Response.md ("Example SAML Response", commit 1ab5e26,
// 2021), kept byte for byte in fixtures/entra-sample-response.xml. Its author pretty-printed it
// ("Use XML tools plugin to prettify to xml"), and the app signed with SHA-1.
TEST_CASE("diagnose: a real Entra Response from a public source: SHA-1, and edited after signing", "[diagnose]") {
  auto file = std::filesystem::path(__FILE__).parent_path() / "fixtures" / "entra-sample-response.xml";
  auto capture = diagnose::read_capture_file(file.string());
  REQUIRE(capture);
  REQUIRE(capture->kind == diagnose::CaptureKind::xml);
  // The SP the source names (its Destination and Audience); the IdP certificate is the one its
  // KeyInfo carries, Entra's "Microsoft Azure Federated SSO Certificate" (valid 2021-03-02 to
  // 2024-03-02), as the app's federation metadata would list it.
  diagnose::SpSettings sp;
  sp.entity_id = "spn:9b749cc9-004a-419b-a532-31da51bff999";
  sp.acs_url = "https://aadsaml.coprtech4.com";
  std::string xml = capture->messages.at(0).message->xml();
  auto begin = xml.find("<X509Certificate>") + 17;
  auto certificate = core::Certificate::from_base64(xml.substr(begin, xml.find('<', begin) - begin));
  REQUIRE(certificate);
  CHECK(certificate->key_bits() == 2048);
  diagnose::IdpSettings idp;
  idp.trust.push_back(sp::TrustedIdp{"entra", "https://sts.windows.net/808b7ce5-9924-441e-ae53-3e42fd8a6d43/",
                                     "", "", {*certificate}, true, false});
  idp.from = "the sample's KeyInfo";

  auto diagnosis = diagnose::diagnose_capture({*capture}, sp, idp, {});
  REQUIRE(diagnosis.size() == 1);
  CHECK(diagnosis[0].judged_at_from == "the IssueInstant");
  // The reference SP's default policy refuses SHA-1 first; everything else Entra wrote holds.
  CHECK(failed_ids(diagnosis[0]) == std::vector<std::string>{"signature.algorithm_forbidden"});
  const auto& sha1 = failure(diagnosis[0], Reason::signature_algorithm_forbidden);
  CHECK(sha1.value == "http://www.w3.org/2000/09/xmldsig#rsa-sha1");
  CHECK_THAT(sha1.entra, Catch::Contains("Signing Algorithm to `SHA-256`"));

  // With SHA-1 allowed, the signature is checked, and the prettified whitespace breaks its digest.
  sp.policy.min_signature_algorithm = sp::MinSignatureAlgorithm::sha1;
  auto allowed = diagnose::diagnose_capture({*capture}, sp, idp, {});
  CHECK(failed_ids(allowed[0]) == std::vector<std::string>{"signature.digest_mismatch"});
  CHECK_FALSE(failure(allowed[0], Reason::signature_digest_mismatch).entra.empty());
}
