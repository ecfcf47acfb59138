// SPDX-License-Identifier: Apache-2.0
// Entra's AuthnRequest checks (entra-spec §3.2, §3.6, §3.8): each AADSTS code, asserted by code
// and reason id (never by message text).
#include "idp_fixture.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
using test::idp::RequestShape;
namespace n = core::names;

namespace {

void require_code(const idp::AadstsError& error, int code, Reason reason) {
  INFO("AADSTS" << error.code << " " << core::id(error.reason) << ": " << error.message);
  CHECK(error.code == code);
  CHECK(error.reason == reason);
}

idp::AadstsError refused(const RequestShape& shape, std::string user = test::idp::k_alex) {
  return test::idp::issue_error(test::idp::default_idp(),
                                test::idp::sp_request(shape, std::move(user)));
}

idp::AadstsError refused_query(std::string query) {
  idp::IssueRequest request;
  request.user = test::idp::k_alex;
  request.redirect_query = std::move(query);
  return test::idp::issue_error(test::idp::default_idp(), request);
}

}  // namespace

TEST_CASE("a minimal AuthnRequest (D1) is accepted and answered to the default reply URL",
          "[idp][authn_request]") {
  RequestShape shape;
  shape.acs.reset();
  auto issued = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  CHECK(issued.acs_url == test::idp::k_acs);
}

TEST_CASE("a toolkit-style request with every optional field is accepted", "[idp][authn_request]") {
  RequestShape shape;
  shape.force_authn = true;
  shape.protocol_binding = std::string(n::binding_post);
  shape.destination = "https://login.microsoftonline.com/whatever/saml2";  // ignored by default
  shape.name_id_format = std::string(n::nameid_email);
  shape.comparison = "exact";
  shape.classes = {std::string(n::ac_password_protected_transport)};
  shape.acs = "http://localhost:8081/saml/acs";
  auto issued = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  CHECK(issued.acs_url == "http://localhost:8081/saml/acs");
}

TEST_CASE("binding-level failures: 750054, 75005, 90015", "[idp][authn_request]") {
  require_code(refused_query("RelayState=x"), 750054, Reason::authn_request_missing);
  require_code(refused_query("SAMLRequest=%%%not-base64"), 75005,
               Reason::authn_request_undecodable);
  require_code(refused_query("SAMLRequest=" + core::url_encode(core::base64_encode("not deflate"))),
               75005, Reason::authn_request_undecodable);
  std::string bomb =
      core::deflate_raw(std::string(8 * 1024 * 1024, 'a'));  // far beyond the inflate cap
  require_code(refused_query("SAMLRequest=" + core::url_encode(core::base64_encode(bomb))), 75005,
               Reason::authn_request_undecodable);
  require_code(refused_query("SAMLRequest=" + std::string(20000, 'A')), 90015,
               Reason::idp_request_too_large);
}

TEST_CASE("unusable XML is 75005: malformed, DOCTYPE, wrong root, missing fields",
          "[idp][authn_request]") {
  auto as_query = [](const std::string& xml) { return test::idp::redirect_query(xml); };
  require_code(refused_query(as_query("<samlp:AuthnRequest")), 75005,
               Reason::authn_request_malformed);
  require_code(refused_query(as_query("<!DOCTYPE x [<!ENTITY e \"boom\">]>" +
                                      test::idp::authn_request_xml())),
               75005, Reason::authn_request_malformed);
  require_code(refused_query(as_query(
                   "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>")),
               75005, Reason::authn_request_malformed);
  RequestShape no_id;
  no_id.id = "";
  require_code(refused(no_id), 75005, Reason::authn_request_malformed);
  RequestShape old;
  old.version = "1.1";
  require_code(refused(old), 75005, Reason::authn_request_malformed);
  RequestShape no_issuer;
  no_issuer.issuer = "";
  require_code(refused(no_issuer), 75005, Reason::authn_request_malformed);
}

TEST_CASE("an ID starting with a digit is 7500529", "[idp][authn_request]") {
  RequestShape shape;
  shape.id = "1234-abc";
  require_code(refused(shape), 7500529, Reason::authn_request_id_invalid);
}

TEST_CASE("an Issuer that names no app is 700016 (exact, case-sensitive match)",
          "[idp][authn_request]") {
  RequestShape shape;
  shape.issuer =
      "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/";  // the IdP's own ID
  require_code(refused(shape), 700016, Reason::authn_request_issuer_unknown);
  shape.issuer = "URN:samlt:sp:reference";
  require_code(refused(shape), 700016, Reason::authn_request_issuer_unknown);
}

TEST_CASE("reply URL checks: 50011 for a mismatch, 900971 when none is usable",
          "[idp][authn_request]") {
  for (std::string acs :
       {"http://127.0.0.1:8081/saml/acs/", "HTTP://127.0.0.1:8081/saml/acs",
        "https://127.0.0.1:8081/saml/acs", "http://127.0.0.1:8081/saml/acs?x=1"}) {
    RequestShape shape;
    shape.acs = acs;
    require_code(refused(shape), 50011, Reason::authn_request_acs_mismatch);
  }
  RequestShape shape;
  shape.acs.reset();
  auto request = test::idp::sp_request(shape);
  request.app_overrides = {{"reply_urls", nlohmann::json::array()}};
  require_code(test::idp::issue_error(test::idp::default_idp(), request), 900971,
               Reason::authn_request_acs_missing);
}

TEST_CASE("NameIDPolicy formats outside Entra's four are 75016", "[idp][authn_request]") {
  RequestShape shape;
  shape.name_id_format = std::string(n::nameid_entity);
  require_code(refused(shape), 75016, Reason::authn_request_name_id_policy_invalid);
  for (auto ok :
       {n::nameid_persistent, n::nameid_email, n::nameid_unspecified, n::nameid_transient}) {
    shape.name_id_format = std::string(ok);
    CHECK_NOTHROW(test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape)));
  }
}

TEST_CASE("RequestedAuthnContext: 900235 unless exact, 75011 when the sign-in method differs",
          "[idp][authn_request]") {
  RequestShape shape;
  shape.comparison = "minimum";
  shape.classes = {std::string(n::ac_password)};
  require_code(refused(shape), 900235, Reason::authn_request_authn_context_comparison);
  shape.comparison = "exact";
  shape.classes = {std::string(n::ac_x509)};
  require_code(refused(shape), 75011, Reason::authn_request_authn_context_mismatch);
  shape.classes = {std::string(n::ac_password_protected_transport)};
  auto issued = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(shape));
  CHECK(issued.xml.find(std::string(n::ac_password_protected_transport)) != std::string::npos);
}

TEST_CASE("Subject and unsupported Scoping properties are 900236", "[idp][authn_request]") {
  const std::string saml = "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"";
  for (std::string extra :
       {"<saml:Subject " + saml + "><saml:NameID>alex</saml:NameID></saml:Subject>",
        std::string("<samlp:Scoping ProxyCount=\"1\"/>"),
        std::string(
            "<samlp:Scoping><samlp:RequesterID>urn:x</samlp:RequesterID></samlp:Scoping>")}) {
    RequestShape shape;
    shape.extra_children = extra;
    require_code(refused(shape), 900236, Reason::authn_request_property_unsupported);
  }
}

TEST_CASE("a response binding other than HTTP-POST is 75003", "[idp][authn_request]") {
  RequestShape shape;
  shape.protocol_binding = std::string(n::binding_artifact);
  require_code(refused(shape), 75003, Reason::authn_request_binding_unsupported);
}

TEST_CASE("knobs: Destination (75008) and IssueInstant (76026) checks", "[idp][authn_request]") {
  auto json = test::idp::config_json();
  json["knobs"] = {{"enforce_destination", true}, {"check_issue_instant", true}};
  auto idp = test::idp::make_idp(json);
  RequestShape shape;
  shape.destination = "https://elsewhere.example/saml2";
  require_code(test::idp::issue_error(idp, test::idp::sp_request(shape)), 75008,
               Reason::authn_request_destination_unexpected);
  require_code(test::idp::issue_error(idp, test::idp::sp_request({}),
                                      test::idp::now() + std::chrono::hours(2)),
               76026, Reason::authn_request_issue_instant_expired);
}

TEST_CASE("user checks: 50034 unknown, 50057 disabled, 50105 not assigned",
          "[idp][authn_request]") {
  require_code(refused({}, "nobody@contoso.example"), 50034, Reason::sign_in_user_unknown);
  require_code(refused({}, "disabled.user@contoso.example"), 50057, Reason::sign_in_user_disabled);
  RequestShape restricted;
  restricted.issuer = "urn:samlt:sp:restricted";
  restricted.acs = "http://127.0.0.1:8082/saml/acs";
  require_code(refused(restricted, "taro.yamada@contoso.example"), 50105,
               Reason::sign_in_user_not_assigned);
  CHECK_NOTHROW(test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request(restricted)));
}

TEST_CASE("an empty NameID source is 501241, or a pairwise fallback by knob",
          "[idp][authn_request]") {
  auto request = test::idp::sp_request({}, "no.mail@contoso.example");
  request.app_overrides = {{"name_id", {{"source", "user.mail"}}}};
  require_code(test::idp::issue_error(test::idp::default_idp(), request), 501241,
               Reason::sign_in_name_id_source_empty);
  auto json = test::idp::config_json();
  json["knobs"] = {{"empty_name_id_behaviour", "pairwise-fallback"}};
  auto issued = test::idp::issue_ok(test::idp::make_idp(json), request);
  CHECK(issued.name_id_format == n::nameid_persistent);
  CHECK(issued.name_id.size() == 43);
}

TEST_CASE("unknown app id in the request is 700016", "[idp][authn_request]") {
  idp::IssueRequest request;
  request.app_id = "99999999-9999-4999-8999-999999999999";
  request.user = test::idp::k_alex;
  require_code(test::idp::issue_error(test::idp::default_idp(), request), 700016,
               Reason::idp_app_unknown);
}
