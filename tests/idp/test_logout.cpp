// SPDX-License-Identifier: Apache-2.0
// Single logout (entra-spec §4): LogoutRequest checks and the signed Redirect LogoutResponse.
#include "support/test_certs.hpp"
#include "idp_fixture.hpp"
#include "logout.hpp"
#include "samlt/core/binding.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <openssl/evp.h>
#include <catch2/catch.hpp>

#include <memory>
#include <regex>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

std::string logout_request(const std::string& id = "_lo1", bool name_id = true,
                           const std::string& issuer = test::idp::k_entity_id) {
  return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + id +
         "\" Version=\"2.0\" IssueInstant=\"2025-01-01T00:00:00Z\"><Issuer "
         "xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" +
         issuer + "</Issuer>" +
         (name_id ? "<NameID xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">whoever</NameID>"
                  : "") +
         "</samlp:LogoutRequest>";
}

// The LogoutRequest as the binding carried it, RelayState "after/logout".
core::Result<idp::LogoutResult> logout(const std::string& xml,
                                       core::Binding binding = core::Binding::redirect,
                                       const idp::Idp& idp = test::idp::default_idp()) {
  const core::BindingLimits limits{1 << 20, 1 << 20, 1 << 20, 1 << 20};
  const auto parameter = core::MessageParameter::saml_request;
  auto message =
      binding == core::Binding::redirect
          ? core::decode_redirect(core::encode_redirect(parameter, xml, "after/logout", nullptr).value(),
                                  core::Accepts::either, limits)
          : core::decode_post(core::encode_form(core::encode_post(parameter, xml, "after/logout")),
                              core::Accepts::either, limits);
  REQUIRE(message);
  auto doc = test::idp::parse(xml);
  return idp::handle_logout_request(idp, doc, *message, test::idp::now());
}

// The value of `name` in a query string, still percent-encoded.
std::string raw(const std::string& query, const std::string& name) {
  std::smatch m;
  REQUIRE(std::regex_search(query, m, std::regex("[?&]" + name + "=([^&]*)")));
  return m[1];
}

}  // namespace

TEST_CASE("LogoutResponse: login.microsoftonline.com issuer, InResponseTo, Success (§4.3)",
          "[idp][logout]") {
  auto result = logout(logout_request());
  REQUIRE(result);
  auto doc = test::idp::parse(result->response_xml);
  CHECK(core::local_name(doc.root()) == "LogoutResponse");
  CHECK(core::attribute(doc.root(), "InResponseTo") == "_lo1");
  CHECK(core::simple_text(core::child_named(doc.root(), n::ns_assertion, "Issuer")) ==
        "https://login.microsoftonline.com/" + std::string(test::idp::k_tenant) + "/");
  CHECK(result->response_xml.find(std::string(n::status_success)) != std::string::npos);
}

TEST_CASE("the Redirect LogoutResponse is signed over lower-case percent-encoded octets (I16)",
          "[idp][logout]") {
  auto result = logout(logout_request());
  REQUIRE(result);
  REQUIRE(result->redirect);
  const std::string& url = *result->redirect;
  CHECK(url.rfind("http://127.0.0.1:8081/saml/slo?SAMLResponse=", 0) == 0);
  CHECK(raw(url, "SigAlg") == "http%3a%2f%2fwww.w3.org%2f2001%2f04%2fxmldsig-more%23rsa-sha256");
  CHECK(raw(url, "RelayState") == "after%2flogout");
  std::string signed_octets = "SAMLResponse=" + raw(url, "SAMLResponse") +
                              "&RelayState=" + raw(url, "RelayState") +
                              "&SigAlg=" + raw(url, "SigAlg");
  auto signature = core::base64_decode(core::url_decode(raw(url, "Signature")).value());
  REQUIRE(signature);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  REQUIRE(EVP_DigestVerifyInit(
              ctx.get(), nullptr, EVP_sha256(), nullptr,
              test::test_credential("idp-signing").certificate.public_key()) == 1);
  CHECK(EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()),
                         signature->size(),
                         reinterpret_cast<const unsigned char*>(signed_octets.data()),
                         signed_octets.size()) == 1);
  auto xml = core::inflate_raw(
      core::base64_decode(core::url_decode(raw(url, "SAMLResponse")).value()).value(), 1 << 20);
  CHECK(xml.value() == result->response_xml);
}

TEST_CASE("knobs: unsigned LogoutResponse, upper-case encoding", "[idp][logout]") {
  auto json = test::idp::config_json();
  json["knobs"] = {{"slo_sign_response", false}, {"url_encoding_case", "upper"}};
  auto idp = test::idp::make_idp(json);
  auto result = logout(logout_request(), core::Binding::redirect, idp);
  REQUIRE(result);
  CHECK(result->redirect->find("Signature=") == std::string::npos);
  CHECK(raw(*result->redirect, "RelayState") == "after%2Flogout");
}

TEST_CASE("LogoutRequest failures: 7500530 without NameID, 75005 on POST, 700016, 7500529",
          "[idp][logout]") {
  auto no_name = logout(logout_request("_lo2", false));
  REQUIRE_FALSE(no_name);
  CHECK(no_name.error().reason == Reason::logout_request_name_id_missing);
  CHECK(idp::aadsts_code(no_name.error().reason) == 7500530);
  auto posted = logout(logout_request(), core::Binding::post);
  REQUIRE_FALSE(posted);
  CHECK(idp::aadsts_code(posted.error().reason) == 75005);
  auto stranger = logout(logout_request("_lo3", true, "urn:someone:else"));
  REQUIRE_FALSE(stranger);
  CHECK(idp::aadsts_code(stranger.error().reason) == 700016);
  auto digit = logout(logout_request("9lo"));
  REQUIRE_FALSE(digit);
  CHECK(idp::aadsts_code(digit.error().reason) == 7500529);
}

TEST_CASE("without a Logout URL there is no redirect (signed-out page)", "[idp][logout]") {
  auto json = test::idp::config_json();
  json["apps"][0].erase("logout_url");
  auto result = logout(logout_request(), core::Binding::redirect, test::idp::make_idp(json));
  REQUIRE(result);
  CHECK_FALSE(result->redirect);
}
