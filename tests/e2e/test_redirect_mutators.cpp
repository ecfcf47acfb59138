// SPDX-License-Identifier: Apache-2.0
// The completeness check of the Redirect-message mutators (redirect_mutators.hpp), the twin of
// test_every_mutator_is_rejected.cpp for the SP's SingleLogoutService: a signed IdP-initiated
// LogoutRequest for the signed-in user, edited by each mutator (default params, then each
// catalogue variant), is refused by the reference SP for exactly the expected reason, and the
// session survives. Unedited, the same message ends the session.
#include "federation.hpp"
#include "samlt/core/binding.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/redirect_mutators.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

struct LoggedIn {
  test::Federation federation;
  std::string session;
  LoggedIn() {
    auto exchange = federation.sign_in();
    REQUIRE(exchange.verdict.accepted);
    session = exchange.verdict.session_id;
  }

  // The IdP's LogoutRequest for alex, signed the way Entra signs Redirect messages (lower-case
  // escapes), with or without a RelayState.
  std::string logout_request(std::optional<std::string> relay_state = std::string("state-1")) {
    std::string xml =
        "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_idp_lr1\" Version=\"2.0\" "
        "IssueInstant=\"" + core::format_datetime(federation.clock().now()) + "\" Destination=\"" +
        federation.sp().slo_url() + "\"><Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" +
        federation.idp().logout_issuer() + "</Issuer><NameID xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
        "alex.wilber@contoso.example</NameID></samlp:LogoutRequest>";
    core::RedirectSigner signer{test::test_credential("idp-signing").key};
    return core::encode_redirect(core::MessageParameter::saml_request, xml, relay_state, &signer,
                                 core::HexCase::lower)
        .value();
  }

  std::string mutated(const std::string& query, const std::string& id, const nlohmann::json& params) {
    std::vector<idp::MutatorUse> uses{{id, params}};
    auto out = idp::mutate_redirect_query(query, uses, federation.idp().config().credentials, federation.clock().now());
    INFO((out ? std::string() : std::string(core::id(out.error().reason)) + ": " + out.error().detail));
    REQUIRE(out);
    return *out;
  }

  // The reason the SLO endpoint refuses `query` with ("accepted" when it ends the session).
  std::string answer(const std::string& query) {
    auto outcome = federation.sp().handle_slo(query, "");
    if (outcome) {
      CHECK_FALSE(federation.sp().find_session(session));
      return "accepted";
    }
    CHECK(federation.sp().find_session(session));
    return std::string(core::id(outcome.error().reason));
  }
};

}  // namespace

TEST_CASE("the unedited IdP LogoutRequest ends the session", "[e2e][redirect]") {
  LoggedIn l;
  CHECK(l.answer(l.logout_request()) == "accepted");
}

TEST_CASE("every Redirect-message mutator is refused at the SLO endpoint with the reason it declares",
          "[e2e][redirect][mutator]") {
  for (const auto& mutator : idp::redirect_mutators()) {
    DYNAMIC_SECTION(mutator.id) {
      LoggedIn l;
      CHECK(l.answer(l.mutated(l.logout_request(), std::string(mutator.id), nlohmann::json::object())) ==
            core::id(mutator.expected));
    }
  }
}

TEST_CASE("the §13 Redirect variants at the SLO endpoint", "[e2e][redirect][mutator]") {
  struct Variant {
    const char* mutator;
    nlohmann::json params;
    Reason expected;
    bool relay_state = true;
  };
  const Variant variants[] = {
      // BIND-REDIRECT-PARAM-CONFUSION
      {"redirect.parameter_confused", {{"form", "encoded_name"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "leading_space"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "nul_in_name"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "brackets"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "other_case"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "duplicate_message"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "duplicate_relay_state"}}, Reason::binding_relay_state_invalid},
      {"redirect.parameter_confused", {{"form", "duplicate_sig_alg"}}, Reason::binding_parameter_invalid},
      {"redirect.parameter_confused", {{"form", "duplicate_signature"}}, Reason::binding_parameter_invalid},
      // BIND-REDIRECT-SIG-STRIP
      {"redirect.signature_removed", nlohmann::json::object(), Reason::signature_missing},
      // BIND-REDIRECT-SIGALG-UNKNOWN
      {"redirect.sig_alg_set", {{"value", "urn:bogus"}}, Reason::signature_algorithm_forbidden},
      {"redirect.sig_alg_set", {{"value", ""}}, Reason::signature_algorithm_forbidden},
      // BIND-RELAYSTATE-TAMPER
      {"redirect.relay_state_changed", {{"form", "changed"}}, Reason::signature_invalid},
      {"redirect.relay_state_changed", {{"form", "removed"}}, Reason::signature_invalid},
      {"redirect.relay_state_changed", {{"form", "added"}}, Reason::signature_invalid, false},
  };
  for (const auto& v : variants) {
    DYNAMIC_SECTION(v.mutator << " " << v.params.dump()) {
      LoggedIn l;
      std::string query = l.logout_request(v.relay_state ? std::optional<std::string>("state-1") : std::nullopt);
      CHECK(l.answer(l.mutated(query, v.mutator, v.params)) == core::id(v.expected));
    }
  }
}
