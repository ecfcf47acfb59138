// SPDX-License-Identifier: Apache-2.0
// Single logout over the Redirect binding, with Entra's LogoutResponse Issuer alias.
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/binding.hpp"
#include "support/sp_harness.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

const std::string k_entra_logout_issuer = "https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/";

std::string query(const std::string& url) { return url.substr(url.find('?') + 1); }

std::string logout_response(const std::string& in_response_to, const std::string& issuer,
                            const std::string& status = std::string(n::status_success)) {
  return "<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_lr1\" Version=\"2.0\" "
         "IssueInstant=\"2025-03-04T10:15:30.812Z\" InResponseTo=\"" + in_response_to + "\"><Issuer xmlns=\"" +
         std::string(n::ns_assertion) + "\">" + issuer + "</Issuer><samlp:Status><samlp:StatusCode Value=\"" + status +
         "\"/></samlp:Status></samlp:LogoutResponse>";
}

std::string logout_request(const std::string& name_id, const std::string& issuer = k_entra_logout_issuer) {
  return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_idp_lr\" Version=\"2.0\" "
         "IssueInstant=\"2025-03-04T10:15:30.812Z\"><Issuer xmlns=\"" + std::string(n::ns_assertion) + "\">" + issuer +
         "</Issuer><NameID xmlns=\"" + std::string(n::ns_assertion) + "\">" + name_id + "</NameID></samlp:LogoutRequest>";
}

std::string from_idp(core::MessageParameter parameter, const std::string& xml, bool sign = true) {
  core::RedirectSigner signer{test::test_credential("idp-signing").key};
  return core::encode_redirect(parameter, xml, "state-1", sign ? &signer : nullptr).value();
}

core::BindingMessage decoded(const std::string& url) {
  auto message = core::decode_redirect(query(url), core::Accepts::either, sp::binding_limits(sp::Policy{}));
  REQUIRE(message);
  return *message;
}

}  // namespace

TEST_CASE("slo: SP-initiated logout, answered by Entra's LogoutResponse", "[sp][slo]") {
  test::SpHarness h;
  sp::Verdict login = h.post(test::entra_spec(h.clock.now()));
  REQUIRE(login.accepted);
  auto outcome = h.sp->handle_slo("", login.session_id);
  REQUIRE(outcome);
  CHECK(outcome->sessions_ended == 1);
  CHECK_FALSE(h.sp->find_session(login.session_id));
  REQUIRE(outcome->redirect_url.rfind(std::string(test::k_idp_sso_url) + "?SAMLRequest=", 0) == 0);
  auto message = decoded(outcome->redirect_url);
  auto request = core::parse_strict(message.xml());
  REQUIRE(request);
  CHECK(core::simple_text(core::child_named(request->root(), n::ns_assertion, "NameID")) == test::k_user);
  CHECK(core::simple_text(core::child_named(request->root(), n::ns_protocol, "SessionIndex")));
  std::string id = *core::attribute(request->root(), "ID");

  SECTION("the Issuer is login.microsoftonline.com/{tid}/, not the entity ID (entra-spec §4.3)") {
    auto done = h.sp->handle_slo(from_idp(core::MessageParameter::saml_response, logout_response(id, k_entra_logout_issuer)), "");
    REQUIRE(done);
    auto again = h.sp->handle_slo(from_idp(core::MessageParameter::saml_response, logout_response(id, k_entra_logout_issuer)), "");
    CHECK(again.error().reason == Reason::response_in_response_to_unknown);
  }
  SECTION("another tenant's alias is not accepted") {
    auto other = h.sp->handle_slo(from_idp(core::MessageParameter::saml_response,
                                           logout_response(id, "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/")), "");
    CHECK(other.error().reason == Reason::response_issuer_mismatch);
  }
  SECTION("an unknown InResponseTo") {
    auto unknown = h.sp->handle_slo(from_idp(core::MessageParameter::saml_response, logout_response("_nope", test::k_idp_entity_id)), "");
    CHECK(unknown.error().reason == Reason::response_in_response_to_unknown);
  }
  SECTION("a failure status") {
    auto failed = h.sp->handle_slo(
        from_idp(core::MessageParameter::saml_response, logout_response(id, k_entra_logout_issuer, std::string(n::status_responder))), "");
    CHECK(failed.error().reason == Reason::status_not_success);
  }
}

TEST_CASE("slo: an IdP LogoutRequest ends the user's sessions and is answered", "[sp][slo]") {
  test::SpHarness h;
  sp::Verdict login = h.post(test::entra_spec(h.clock.now()));
  REQUIRE(login.accepted);
  auto outcome = h.sp->handle_slo(from_idp(core::MessageParameter::saml_request, logout_request(test::k_user)), "");
  REQUIRE(outcome);
  CHECK(outcome->sessions_ended == 1);
  CHECK_FALSE(h.sp->find_session(login.session_id));
  auto answer = decoded(outcome->redirect_url);
  CHECK(answer.relay_state() == "state-1");
  CHECK(answer.is_signed());
  auto response = core::parse_strict(answer.xml());
  REQUIRE(response);
  CHECK(core::attribute(response->root(), "InResponseTo") == "_idp_lr");
}

TEST_CASE("slo: refused logout messages", "[sp][slo]") {
  test::SpHarness h;
  CHECK(h.sp->handle_slo(from_idp(core::MessageParameter::saml_request, logout_request(test::k_user), false), "")
            .error()
            .reason == Reason::signature_missing);
  CHECK(h.sp->handle_slo(from_idp(core::MessageParameter::saml_request, logout_request("")), "").error().reason ==
        Reason::logout_message_invalid);
  CHECK(h.sp->handle_slo(from_idp(core::MessageParameter::saml_response, logout_request(test::k_user)), "").error().reason ==
        Reason::logout_message_invalid);
  CHECK(h.sp->handle_slo(from_idp(core::MessageParameter::saml_request, logout_request(test::k_user, "https://evil.example/")), "")
            .error()
            .reason == Reason::response_issuer_mismatch);
  CHECK(h.sp->handle_slo("SAMLRequest=" + core::url_encode(core::base64_encode("not deflated")), "").error().reason ==
        Reason::codec_inflate_failed);
  CHECK(h.sp->handle_slo("SAMLRequest=" + core::url_encode(core::base64_encode(core::deflate_raw("<!DOCTYPE x><x/>"))), "")
            .error()
            .reason == Reason::xml_doctype_forbidden);
  auto nothing = h.sp->handle_slo("", "");
  REQUIRE(nothing);
  CHECK(nothing->sessions_ended == 0);
}
