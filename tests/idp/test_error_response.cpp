// SPDX-License-Identifier: Apache-2.0
// AADSTS errors as Entra shows them (entra-spec §3.7): the SAML error Response of error mode
// saml-response, and the error page.
#include "idp_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/idp/aadsts.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace samlt;
using Names = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("error mode saml-response posts a SAML error Response to the ACS", "[idp][aadsts]") {
  auto request = test::idp::sp_request({}, "disabled.user@contoso.example");
  request.app_overrides = {{"error_mode", "saml-response"}};
  request.relay_state = "rs";
  auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
  REQUIRE(issued.error);
  CHECK(issued.error->code == 50057);
  CHECK(issued.acs_url == test::idp::k_acs);
  CHECK(issued.relay_state == "rs");
  auto doc = test::idp::parse(issued.xml);
  CHECK(test::idp::attribute_names(doc.root()) ==
        Names{"ID", "Version", "IssueInstant", "InResponseTo"});
  CHECK(test::idp::child_names(doc.root()) == Names{"Issuer", "Status"});
  auto codes = core::descendants_named(doc.root(), n::ns_protocol, "StatusCode");
  REQUIRE(codes.size() == 2);
  CHECK(core::attribute(codes[0], "Value") == n::status_responder);
  CHECK(core::attribute(codes[1], "Value") == n::status_authn_failed);
  CHECK(codes[1]->parent == codes[0]);
  auto message = core::simple_text(
      core::descendants_named(doc.root(), n::ns_protocol, "StatusMessage").front());
  REQUIRE(message);
  CHECK(std::regex_match(*message,
                         std::regex("AADSTS50057: [^\\r]*\\r\\nTrace ID: [0-9a-f-]{36}\\r\\n"
                                    "Correlation ID: [0-9a-f-]{36}\\r\\nTimestamp: "
                                    "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ")));
}

TEST_CASE("per-code overrides pick the presentation", "[idp][aadsts]") {
  auto request = test::idp::sp_request({}, "disabled.user@contoso.example");
  request.app_overrides = {{"error_mode", "saml-response"},
                           {"error_mode_overrides", {{"50057", "page"}}}};
  CHECK(test::idp::issue_error(test::idp::default_idp(), request).code == 50057);
  request.app_overrides = {{"error_mode_overrides", {{"50057", "samlResponse"}}}};
  CHECK(test::idp::issue_ok(test::idp::default_idp(), request).error->code == 50057);
}

TEST_CASE("request errors before the ACS is known are always a page", "[idp][aadsts]") {
  test::idp::RequestShape shape;
  shape.acs = "https://evil.example/acs";
  auto request = test::idp::sp_request(shape);
  request.app_overrides = {{"error_mode", "saml-response"}};
  CHECK(test::idp::issue_error(test::idp::default_idp(), request).code == 50011);
}

TEST_CASE("the error page carries Entra's fields, escaped", "[idp][aadsts]") {
  idp::AadstsError error{50011, core::Reason::authn_request_acs_mismatch,
                         "reply URL '<script>' does not match"};
  auto ids = idp::new_trace_ids(test::idp::now());
  auto html = idp::error_page_html(error, ids);
  CHECK(html.find("<title>Sign in to your account</title>") != std::string::npos);
  CHECK(html.find("Sorry, but we&#39;re having trouble signing you in.") != std::string::npos);
  CHECK(html.find("data-code=\"50011\"") != std::string::npos);
  CHECK(html.find("data-reason=\"authn_request.acs_mismatch\"") != std::string::npos);
  CHECK(html.find(">AADSTS50011</span>") != std::string::npos);
  CHECK(html.find("<span id=\"requestId\">" + ids.request_id + "</span>") != std::string::npos);
  CHECK(html.find("<span id=\"correlationId\">" + ids.correlation_id + "</span>") !=
        std::string::npos);
  CHECK(html.find("<span id=\"timestamp\">") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
}
