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

#include <algorithm>
#include <vector>

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

// attack-catalogue §13 on the SLO endpoint: a Redirect message as the IdP signed it, then edited
// in the query string, the way an attacker relaying the browser's redirect can.
namespace {

struct Param {
  std::string name;
  std::string value;  // raw, as in the query
};

std::vector<Param> params_of(const std::string& query) {
  std::vector<Param> out;
  for (std::size_t start = 0; start <= query.size();) {
    std::size_t end = std::min(query.find('&', start), query.size());
    std::string pair = query.substr(start, end - start);
    std::size_t eq = pair.find('=');
    out.push_back({pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1)});
    start = end + 1;
  }
  return out;
}

std::string join(const std::vector<Param>& params) {
  std::string out;
  for (const auto& p : params) {
    out += (out.empty() ? "" : "&") + p.name + "=" + p.value;
  }
  return out;
}

std::string without(const std::string& query, std::initializer_list<std::string_view> names) {
  auto params = params_of(query);
  std::erase_if(params, [&](const Param& p) { return std::find(names.begin(), names.end(), p.name) != names.end(); });
  return join(params);
}

std::string raw_value(const std::string& query, std::string_view name) {
  for (const auto& p : params_of(query)) {
    if (p.name == name) {
      return p.value;
    }
  }
  return {};
}

// A signed IdP LogoutRequest for the signed-in user, RelayState "state-1".
std::string signed_logout_request(core::HexCase hex_case = core::HexCase::upper) {
  core::RedirectSigner signer{test::test_credential("idp-signing").key};
  return core::encode_redirect(core::MessageParameter::saml_request, logout_request(test::k_user), "state-1", &signer,
                               hex_case)
      .value();
}

struct SignedIn {
  test::SpHarness h;
  std::string session;
  SignedIn() : session(h.post(test::entra_spec(h.clock.now())).session_id) { REQUIRE(h.sp->find_session(session)); }
  // The SLO endpoint's answer to `query`; REQUIREs a refusal that left the session alone.
  Reason refused(const std::string& query) {
    auto outcome = h.sp->handle_slo(query, "");
    REQUIRE_FALSE(outcome);
    CHECK(h.sp->find_session(session));
    return outcome.error().reason;
  }
};

}  // namespace

TEST_CASE("slo: BIND-REDIRECT-SIG-STRIP, a signed message with SigAlg and Signature removed", "[sp][slo][binding]") {
  SignedIn s;
  CHECK(s.refused(without(signed_logout_request(), {"SigAlg", "Signature"})) == Reason::signature_missing);
  CHECK(s.refused(without(signed_logout_request(), {"Signature"})) == Reason::binding_parameter_invalid);

  SECTION("an unsigned LogoutResponse is not the IdP's confirmation") {
    auto started = s.h.sp->handle_slo("", s.session);
    REQUIRE(started);
    auto request = core::parse_strict(decoded(started->redirect_url).xml());
    REQUIRE(request);
    std::string id = *core::attribute(request->root(), "ID");
    std::string answer = from_idp(core::MessageParameter::saml_response, logout_response(id, k_entra_logout_issuer));
    auto stripped = s.h.sp->handle_slo(without(answer, {"SigAlg", "Signature"}), "");
    REQUIRE_FALSE(stripped);
    CHECK(stripped.error().reason == Reason::signature_missing);
    CHECK(s.h.sp->handle_slo(answer, ""));  // the signed one is still answerable
  }
  SECTION("unless the policy accepts unsigned LogoutResponses") {
    sp::SpConfig config = test::test_sp_config();
    config.policy.require_signed_logout_responses = false;
    test::SpHarness relaxed(":memory:", config);
    sp::Verdict login = relaxed.post(test::entra_spec(relaxed.clock.now()));
    REQUIRE(login.accepted);
    auto started = relaxed.sp->handle_slo("", login.session_id);
    REQUIRE(started);
    auto request = core::parse_strict(decoded(started->redirect_url).xml());
    REQUIRE(request);
    std::string id = *core::attribute(request->root(), "ID");
    CHECK(relaxed.sp->handle_slo(
        from_idp(core::MessageParameter::saml_response, logout_response(id, k_entra_logout_issuer), false), ""));
  }
}

TEST_CASE("slo: BIND-REDIRECT-SIGALG-UNKNOWN, no fallback to any algorithm", "[sp][slo][binding]") {
  SignedIn s;
  std::string query = signed_logout_request();
  std::string signature = raw_value(query, "Signature");
  std::string base = without(query, {"SigAlg", "Signature"});
  CHECK(s.refused(base + "&SigAlg=urn%3Abogus&Signature=" + signature) == Reason::signature_algorithm_forbidden);
  CHECK(s.refused(base + "&SigAlg=&Signature=" + signature) == Reason::signature_algorithm_forbidden);
  CHECK(s.refused(base + "&SigAlg=" + core::url_encode("http://www.w3.org/2000/09/xmldsig#rsa-sha1") +
                  "&Signature=" + signature) == Reason::signature_algorithm_forbidden);
}

TEST_CASE("slo: BIND-RELAYSTATE-TAMPER, RelayState is part of the signed octets", "[sp][slo][binding]") {
  SignedIn s;
  std::string query = signed_logout_request();
  std::string changed = query;
  changed.replace(changed.find("RelayState=state-1"), 18, "RelayState=state-2");
  CHECK(s.refused(changed) == Reason::signature_invalid);
  CHECK(s.refused(without(query, {"RelayState"})) == Reason::signature_invalid);
  core::RedirectSigner signer{test::test_credential("idp-signing").key};
  std::string unrelayed =
      core::encode_redirect(core::MessageParameter::saml_request, logout_request(test::k_user), std::nullopt, &signer)
          .value();
  auto params = params_of(unrelayed);
  params.insert(params.begin() + 1, Param{"RelayState", "added"});
  CHECK(s.refused(join(params)) == Reason::signature_invalid);
}

TEST_CASE("slo: BIND-REDIRECT-PARAM-CONFUSION, duplicated and look-alike parameters", "[sp][slo][binding]") {
  SignedIn s;
  std::string query = signed_logout_request();
  // The extra parameter carries a forged, unsigned LogoutRequest for another user.
  std::string forged = core::encode_redirect(core::MessageParameter::saml_request,
                                             logout_request("megan.bowen@contoso.example"), std::nullopt, nullptr)
                           .value()
                           .substr(std::string_view("SAMLRequest=").size());
  struct Case {
    std::string extra;
    Reason expected;
  };
  for (const auto& [extra, expected] :
       {Case{"SAMLRequest=" + forged, Reason::binding_parameter_invalid},
        Case{"RelayState=elsewhere", Reason::binding_relay_state_invalid},
        Case{"SigAlg=" + raw_value(query, "SigAlg"), Reason::binding_parameter_invalid},
        Case{"Signature=" + raw_value(query, "Signature"), Reason::binding_parameter_invalid},
        Case{"%53AMLRequest=" + forged, Reason::binding_parameter_invalid},
        Case{"%20SAMLRequest=" + forged, Reason::binding_parameter_invalid},
        Case{"SAMLRequest%00=" + forged, Reason::binding_parameter_invalid},
        Case{"SAMLRequest%5B%5D=" + forged, Reason::binding_parameter_invalid},
        Case{"samlrequest=" + forged, Reason::binding_parameter_invalid}}) {
    INFO(extra.substr(0, 20));
    CHECK(s.refused(extra + "&" + query) == expected);
    CHECK(s.refused(query + "&" + extra) == expected);
  }
}

TEST_CASE("slo: POS-REDIRECT-RAW-ENCODING, the signature is verified over the octets as received", "[sp][slo][binding]") {
  for (auto hex_case : {core::HexCase::lower, core::HexCase::upper}) {
    SignedIn s;
    std::string query = signed_logout_request(hex_case);
    // Lower-case escapes (ADFS, Entra): a verifier that re-encodes would compute other octets.
    CHECK((query.find("%2f") != std::string::npos || query.find("%2b") != std::string::npos ||
           query.find("%3d") != std::string::npos) == (hex_case == core::HexCase::lower));
    auto outcome = s.h.sp->handle_slo(query, "");
    REQUIRE(outcome);
    CHECK(outcome->sessions_ended == 1);
    CHECK_FALSE(s.h.sp->find_session(s.session));
  }
}

TEST_CASE("slo: BIND-INFLATE-BOMB, a Redirect message is inflated with a cap", "[sp][slo][binding]") {
  SignedIn s;
  std::string bomb = core::deflate_raw(std::string(16 * 1024 * 1024, '\0'));
  CHECK(bomb.size() < 64 * 1024);
  CHECK(s.refused("SAMLRequest=" + core::url_encode(core::base64_encode(bomb))) == Reason::codec_inflate_too_large);
}
