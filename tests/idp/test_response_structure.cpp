// SPDX-License-Identifier: Apache-2.0
// The Response's shape, asserted on the DOM: element and attribute order (entra-spec §1.2),
// IDs (§1.3), timestamps and lifetimes (§1.4), Subject (§1.7, §1.8), Audience (§1.9), claims
// (§1.10) and AuthnStatement (§1.11).
#include "idp_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace samlt;
using test::idp::attribute_names;
using test::idp::child_names;
using test::idp::one;
using Names = std::vector<std::string>;
namespace n = core::names;

namespace {

std::string attr(const xmlNode* node, std::string_view name) {
  return core::attribute(node, name).value_or("<absent>");
}

core::TimePoint time_of(const xmlNode* node, std::string_view name) {
  auto t = core::parse_datetime(attr(node, name));
  REQUIRE(t);
  return *t;
}

Names claim_names(const xmlNode* root) {
  Names out;
  for (xmlNode* a : core::descendants_named(root, n::ns_assertion, "Attribute")) {
    out.push_back(attr(a, "Name"));
  }
  return out;
}

std::vector<std::string> values_of(const xmlNode* root, std::string_view claim) {
  for (xmlNode* a : core::descendants_named(root, n::ns_assertion, "Attribute")) {
    if (attr(a, "Name") == claim) {
      std::vector<std::string> out;
      for (xmlNode* v : core::children_named(a, n::ns_assertion, "AttributeValue")) {
        out.push_back(core::simple_text(v).value_or(""));
      }
      return out;
    }
  }
  return {};
}

}  // namespace

TEST_CASE("element and attribute order are Entra's (§1.2)", "[idp][response]") {
  auto issued = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request());
  CHECK(issued.xml.rfind("<samlp:Response ID=\"_", 0) == 0);  // §1.1: no declaration, no BOM
  CHECK(issued.xml.find("><") != std::string::npos);
  CHECK(issued.xml.find(">\n<") == std::string::npos);  // compact
  auto doc = test::idp::parse(issued.xml);
  const xmlNode* response = doc.root();
  CHECK(attribute_names(response) ==
        Names{"ID", "Version", "IssueInstant", "Destination", "InResponseTo"});
  CHECK(issued.xml.find("InResponseTo=\"_req-0001\" xmlns:samlp=") !=
        std::string::npos);  // xmlns last
  CHECK(child_names(response) == Names{"Issuer", "Status", "Assertion"});
  const xmlNode* assertion = core::child_named(response, n::ns_assertion, "Assertion");
  CHECK(attribute_names(assertion) == Names{"ID", "IssueInstant", "Version"});
  CHECK(child_names(assertion) == Names{"Issuer", "Signature", "Subject", "Conditions",
                                        "AttributeStatement", "AuthnStatement"});
  CHECK(child_names(one(response, "Subject")) == Names{"NameID", "SubjectConfirmation"});
  CHECK(attribute_names(one(response, "NameID")) == Names{"Format"});
  CHECK(attribute_names(one(response, "SubjectConfirmationData")) ==
        Names{"InResponseTo", "NotOnOrAfter", "Recipient"});
  CHECK(attribute_names(one(response, "Conditions")) == Names{"NotBefore", "NotOnOrAfter"});
  CHECK(core::descendants_named(response, n::ns_assertion, "Audience").size() == 1);
  CHECK(attribute_names(one(response, "AuthnStatement")) == Names{"AuthnInstant", "SessionIndex"});
  CHECK(issued.xml.find("xsi:") == std::string::npos);
  CHECK(issued.xml.find("saml:") == std::string::npos);
  CHECK(issued.xml.find("<samlp:StatusCode Value=\"" + std::string(n::status_success) + "\"/>") !=
        std::string::npos);
}

TEST_CASE("values: issuer, destination, recipient, audience, NameID, SessionIndex",
          "[idp][response]") {
  auto issued = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request());
  auto doc = test::idp::parse(issued.xml);
  const xmlNode* r = doc.root();
  std::string issuer = "https://sts.windows.net/" + std::string(test::idp::k_tenant) + "/";
  CHECK(core::simple_text(core::child_named(r, n::ns_assertion, "Issuer")) == issuer);
  CHECK(core::simple_text(core::child_named(one(r, "Assertion"), n::ns_assertion, "Issuer")) ==
        issuer);
  CHECK(attr(r, "Destination") == test::idp::k_acs);
  CHECK(attr(one(r, "SubjectConfirmationData"), "Recipient") == test::idp::k_acs);
  CHECK(attr(one(r, "SubjectConfirmationData"), "InResponseTo") == "_req-0001");
  CHECK(attr(one(r, "SubjectConfirmation"), "Method") == n::cm_bearer);
  CHECK(core::simple_text(one(r, "Audience")) == test::idp::k_entity_id);
  CHECK(core::simple_text(one(r, "NameID")) == test::idp::k_alex);
  CHECK(attr(one(r, "NameID"), "Format") == n::nameid_email);
  CHECK(attr(one(r, "AuthnStatement"), "SessionIndex") == attr(one(r, "Assertion"), "ID"));
  CHECK(core::simple_text(one(r, "AuthnContextClassRef")) == n::ac_password);
}

TEST_CASE("IDs: _ + lower-case GUID, the assertion ID ends in 00 (§1.3)", "[idp][response]") {
  std::regex guid_id("_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 5; ++i) {
    auto doc = test::idp::parse(
        test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request()).xml);
    std::string response_id = attr(doc.root(), "ID");
    std::string assertion_id = attr(one(doc.root(), "Assertion"), "ID");
    CHECK(std::regex_match(response_id, guid_id));
    CHECK(std::regex_match(assertion_id, guid_id));
    CHECK(assertion_id.substr(assertion_id.size() - 2) == "00");
    CHECK(seen.insert(response_id).second);
    CHECK(seen.insert(assertion_id).second);
  }
}

TEST_CASE("timestamps: three fractional digits and the observed lifetimes (§1.4)",
          "[idp][response]") {
  // A FixedClock inside the test certificates' validity; the IdP session started 7 hours earlier.
  core::FixedClock clock(test::idp::now());
  const auto fixed = clock.now();
  auto request = test::idp::sp_request();
  request.authn_instant = fixed - std::chrono::hours(7);
  auto doc =
      test::idp::parse(test::idp::issue_ok(test::idp::default_idp(), request, clock.now()).xml);
  std::regex ms("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  const xmlNode* r = doc.root();
  for (auto [node, name] : {std::pair{r, "IssueInstant"},
                            {one(r, "Assertion"), "IssueInstant"},
                            {one(r, "Conditions"), "NotBefore"},
                            {one(r, "Conditions"), "NotOnOrAfter"},
                            {one(r, "SubjectConfirmationData"), "NotOnOrAfter"},
                            {one(r, "AuthnStatement"), "AuthnInstant"}}) {
    CHECK(std::regex_match(attr(node, name), ms));
  }
  using std::chrono::milliseconds;
  using std::chrono::minutes;
  CHECK(time_of(one(r, "Conditions"), "NotBefore") == fixed - minutes(5));
  CHECK(time_of(one(r, "Conditions"), "NotOnOrAfter") == fixed + minutes(60));
  CHECK(time_of(one(r, "SubjectConfirmationData"), "NotOnOrAfter") == fixed + minutes(60));
  CHECK(time_of(one(r, "Assertion"), "IssueInstant") == fixed + milliseconds(150));
  auto gap = time_of(r, "IssueInstant") - time_of(one(r, "Assertion"), "IssueInstant");
  CHECK(gap >= milliseconds(0));
  CHECK(gap <= milliseconds(10));
  CHECK(time_of(one(r, "AuthnStatement"), "AuthnInstant") == fixed - std::chrono::hours(7));
  // The same clock moved on moves every token time with it.
  clock.advance(std::chrono::minutes(3));
  auto later =
      test::idp::parse(test::idp::issue_ok(test::idp::default_idp(), request, clock.now()).xml);
  CHECK(time_of(one(later.root(), "Conditions"), "NotBefore") == fixed - minutes(2));
}

TEST_CASE("lifetime knobs: policy lifetime, plus-5-min SCD, docs-literal, clock offset",
          "[idp][response]") {
  using std::chrono::minutes;
  auto json = test::idp::config_json();
  json["tokens"] = {{"lifetime_minutes", 120}, {"scd_mode", "plus-5-min"}};
  json["clock_offset_seconds"] = -600;
  auto t = test::idp::now();
  auto doc = test::idp::parse(
      test::idp::issue_ok(test::idp::make_idp(json), test::idp::sp_request(), t).xml);
  auto t0 = t - minutes(10);
  CHECK(time_of(one(doc.root(), "Conditions"), "NotOnOrAfter") == t0 + minutes(120));
  CHECK(time_of(one(doc.root(), "SubjectConfirmationData"), "NotOnOrAfter") ==
        time_of(one(doc.root(), "Assertion"), "IssueInstant") + minutes(5));
  json["tokens"] = {{"profile", "docs-literal"}};
  json["clock_offset_seconds"] = 0;
  auto request = test::idp::sp_request();
  request.clock_offset_seconds = 30;
  doc = test::idp::parse(test::idp::issue_ok(test::idp::make_idp(json), request, t).xml);
  auto issue = time_of(one(doc.root(), "Assertion"), "IssueInstant");
  CHECK(issue == t + std::chrono::seconds(30) + std::chrono::milliseconds(150));
  CHECK(time_of(one(doc.root(), "Conditions"), "NotBefore") == issue);
  CHECK(time_of(one(doc.root(), "Conditions"), "NotOnOrAfter") == issue + minutes(70));
}

TEST_CASE("claims: system claims first, then the app's, in order (§1.10)", "[idp][response]") {
  auto doc =
      test::idp::parse(test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request()).xml);
  CHECK(claim_names(doc.root()) ==
        Names{std::string(n::claim_tenant_id), std::string(n::claim_object_id),
              std::string(n::claim_display_name), std::string(n::claim_identity_provider),
              std::string(n::claim_authn_methods), std::string(n::claim_given_name),
              std::string(n::claim_surname), std::string(n::claim_email),
              std::string(n::claim_name)});
  CHECK(values_of(doc.root(), n::claim_tenant_id) == std::vector<std::string>{test::idp::k_tenant});
  CHECK(values_of(doc.root(), n::claim_object_id) ==
        std::vector<std::string>{test::idp::k_alex_oid});
  CHECK(doc.root() != nullptr);
  for (xmlNode* a : core::descendants_named(doc.root(), n::ns_assertion, "Attribute")) {
    CHECK(attribute_names(a) == Names{"Name"});  // no NameFormat, no FriendlyName by default
  }
}

TEST_CASE("claims: empty ones are left out, Japanese names pass unchanged, amr follows the method",
          "[idp][response]") {
  auto nomail =
      test::idp::parse(test::idp::issue_ok(test::idp::default_idp(),
                                           test::idp::sp_request({}, "no.mail@contoso.example"))
                           .xml);
  auto names = claim_names(nomail.root());
  CHECK(std::find(names.begin(), names.end(), n::claim_email) == names.end());
  CHECK(std::find(names.begin(), names.end(), n::claim_given_name) == names.end());
  auto taro =
      test::idp::parse(test::idp::issue_ok(test::idp::default_idp(),
                                           test::idp::sp_request({}, "taro.yamada@contoso.example"))
                           .xml);
  CHECK(values_of(taro.root(), n::claim_display_name) == std::vector<std::string>{"山田 太郎"});
  CHECK(values_of(taro.root(), n::claim_surname) == std::vector<std::string>{"山田"});
  auto megan =
      test::idp::parse(test::idp::issue_ok(test::idp::default_idp(),
                                           test::idp::sp_request({}, "megan.bowen@contoso.example"))
                           .xml);
  CHECK(values_of(megan.root(), n::claim_authn_methods) ==
        std::vector<std::string>{std::string(n::amr_password), std::string(n::amr_multiple)});
  auto guest = test::idp::parse(
      test::idp::issue_ok(
          test::idp::default_idp(),
          test::idp::sp_request({}, "pat.guest_fabrikam.example#EXT#@contoso.onmicrosoft.com"))
          .xml);
  CHECK(values_of(guest.root(), n::claim_identity_provider) ==
        std::vector<std::string>{"https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/"});
}

TEST_CASE("groups: object ids after displayname, above 150, groups.link instead",
          "[idp][response]") {
  auto request = test::idp::sp_request();
  request.app_overrides = {{"group_claims", true}, {"include_attribute_name_format", true}};
  auto doc = test::idp::parse(test::idp::issue_ok(test::idp::default_idp(), request).xml);
  auto names = claim_names(doc.root());
  REQUIRE(names.size() == 10);
  CHECK(names[3] == n::claim_groups);
  CHECK(values_of(doc.root(), n::claim_groups).size() == 2);
  CHECK(attr(core::descendants_named(doc.root(), n::ns_assertion, "Attribute")[0], "NameFormat") ==
        "urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
  request.user = "grace.groups@contoso.example";
  doc = test::idp::parse(test::idp::issue_ok(test::idp::default_idp(), request).xml);
  names = claim_names(doc.root());
  CHECK(std::find(names.begin(), names.end(), n::claim_groups) == names.end());
  CHECK(names[3] == n::claim_groups_link);
  CHECK(values_of(doc.root(), n::claim_groups_link).front() ==
        "https://graph.windows.net/" + std::string(test::idp::k_tenant) + "/users/" +
            std::string(test::idp::config_json()["users"][7]["object_id"]) + "/getMemberObjects");
}

TEST_CASE("NameID: requested formats win, persistent is a stable pairwise id per app",
          "[idp][response]") {
  test::idp::RequestShape shape;
  shape.name_id_format = std::string(n::nameid_persistent);
  auto first = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  auto second = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  CHECK(first.name_id_format == n::nameid_persistent);
  CHECK(std::regex_match(first.name_id, std::regex("[A-Za-z0-9_-]{43}")));
  CHECK(first.name_id == second.name_id);
  auto other_user = test::idp::issue_ok(
      test::idp::default_idp(), test::idp::sp_request(shape, "taro.yamada@contoso.example"));
  CHECK(other_user.name_id != first.name_id);
  shape.name_id_format = std::string(n::nameid_transient);
  auto t1 = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  auto t2 = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  CHECK(t1.name_id_format == n::nameid_transient);
  CHECK(t1.name_id != t2.name_id);
  shape.name_id_format = std::string(n::nameid_unspecified);
  auto unspecified = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  CHECK(unspecified.name_id == test::idp::k_alex);
  CHECK(unspecified.name_id_format == n::nameid_unspecified);
}

TEST_CASE("IdP-initiated: no InResponseTo, default reply URL and identifier, app RelayState (§3.5)",
          "[idp][response]") {
  idp::IssueRequest request;
  request.user = test::idp::k_alex;
  request.app_overrides = {{"relay_state", "/welcome"},
                           {"identifiers", {"9b749cc9-0000-4000-8000-000000000001"}}};
  auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
  CHECK(issued.relay_state == "/welcome");
  auto doc = test::idp::parse(issued.xml);
  CHECK_FALSE(core::attribute(doc.root(), "InResponseTo"));
  CHECK(attribute_names(one(doc.root(), "SubjectConfirmationData")) ==
        Names{"NotOnOrAfter", "Recipient"});
  CHECK(attr(doc.root(), "Destination") == test::idp::k_acs);
  // §1.9: an identifier that is not a URI becomes spn:<value>.
  CHECK(core::simple_text(one(doc.root(), "Audience")) ==
        "spn:9b749cc9-0000-4000-8000-000000000001");
}

TEST_CASE("app options: append app id to issuer, audience override", "[idp][response]") {
  auto request = test::idp::sp_request();
  request.app_overrides = {{"issuer_append_app_id", true},
                           {"audience_override", "https://override.example/"}};
  auto doc = test::idp::parse(test::idp::issue_ok(test::idp::default_idp(), request).xml);
  CHECK(core::simple_text(core::child_named(doc.root(), n::ns_assertion, "Issuer")) ==
        "https://sts.windows.net/" + std::string(test::idp::k_tenant) + "/" + test::idp::k_app_id);
  CHECK(core::simple_text(one(doc.root(), "Audience")) == "https://override.example/");
}

TEST_CASE("the auto-POST form fields: SAMLResponse then RelayState, echoed unchanged",
          "[idp][response]") {
  auto request = test::idp::sp_request();
  request.relay_state = "https://app.example/deep?x=1&y=<2>";
  auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
  REQUIRE(issued.form.size() == 2);
  CHECK(issued.form[0].first == "SAMLResponse");
  CHECK(issued.form[1] == core::FormField{"RelayState", *request.relay_state});
  CHECK(issued.saml_response_base64.find('\n') == std::string::npos);
  CHECK(core::base64_decode(issued.saml_response_base64).value() == issued.xml);
}
