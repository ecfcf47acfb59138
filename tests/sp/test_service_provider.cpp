// SPDX-License-Identifier: Apache-2.0
// The whole ACS decision in process (ServiceProvider), as the HTTP server and the e2e tests use it.
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/binding.hpp"
#include "samlt/sp/redirect_signature.hpp"
#include "support/sp_harness.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace samlt;
using core::Reason;
using test::SignWith;
namespace n = core::names;

namespace {

// The query string of a Redirect URL.
std::string query_of(const std::string& url) { return url.substr(url.find('?') + 1); }

}  // namespace

TEST_CASE("sp: SP-initiated login issues a signed AuthnRequest and accepts its answer", "[sp][service_provider]") {
  test::SpHarness h;
  auto login = h.sp->begin_login("entra", "/me?tab=1", "");
  REQUIRE(login);
  CHECK_FALSE(login->browser_binding.empty());
  REQUIRE(login->url.rfind(std::string(test::k_idp_sso_url) + "?SAMLRequest=", 0) == 0);

  auto message = core::decode_redirect(query_of(login->url), core::Accepts::saml_request,
                                       sp::binding_limits(sp::Policy{}));
  REQUIRE(message);
  CHECK(message->relay_state() == "/me?tab=1");
  std::vector<core::Certificate> sp_cert{test::test_credential("sp-signing").certificate};
  CHECK(sp::verify_redirect_signature(*message, sp_cert, sp::Policy{}));
  auto request = core::parse_strict(message->xml());
  REQUIRE(request);
  CHECK(core::is_element(request->root(), n::ns_protocol, "AuthnRequest"));
  CHECK(core::attribute(request->root(), "ID") == login->request_id);
  CHECK(core::attribute(request->root(), "AssertionConsumerServiceURL") == test::k_acs_url);
  CHECK(core::simple_text(core::child_named(request->root(), n::ns_assertion, "Issuer")) == test::k_sp_entity_id);

  auto spec = test::entra_spec(h.clock.now());
  spec.in_response_to = login->request_id;
  core::FormFields form = test::post_form(test::build_entra_response(spec), "/me?tab=1");
  sp::Verdict verdict = h.sp->consume_acs_post(form, login->browser_binding);
  INFO(verdict.step << ": " << verdict.detail);
  REQUIRE(verdict.accepted);
  CHECK(verdict.redirect_to == "/me?tab=1");
  CHECK(verdict.account == test::k_user);
  auto session = h.sp->find_session(verdict.session_id);
  REQUIRE(session);
  CHECK(h.sp->account_of(*session)->display_name == "Alex Wilber");

  auto trace = nlohmann::json::parse(*h.sp->verdict_json(verdict.request_id));
  CHECK(trace["outcome"] == "accept");
  CHECK(trace["policy"]["clock_skew_seconds"] == 180);
  CHECK(trace["trace"].back()["step"] == "session.create");

  SECTION("the same Response again: replay (decided before the used request ID)") {
    sp::Verdict again = h.sp->consume_acs_post(form, login->browser_binding);
    CHECK(again.reason == Reason::replay_assertion_reused);
  }
  SECTION("a new Response to the same request: already answered") {
    sp::Verdict again = h.post(spec, login->browser_binding);  // freshly built: new Response and Assertion IDs
    CHECK(again.reason == Reason::response_in_response_to_unknown);
  }
}

TEST_CASE("sp: a valid response is accepted for every signing option", "[sp][service_provider]") {
  test::SpHarness h;
  auto spec = test::entra_spec(h.clock.now());
  spec.signing = GENERATE(SignWith::assertion, SignWith::response, SignWith::both);
  spec.encrypt = GENERATE(false, true);
  sp::Verdict verdict = h.post(spec);
  INFO(verdict.step << ": " << verdict.detail);
  CHECK(verdict.accepted);
  CHECK(verdict.redirect_to == "/me");
}

TEST_CASE("sp: the five user-named faults, each with its own reason", "[sp][service_provider]") {
  test::SpHarness h;
  auto spec = test::entra_spec(h.clock.now());
  Reason expected = Reason::internal_error;
  SECTION("expired signing certificate") {
    spec.signer_role = "idp-signing-expired";
    expected = Reason::key_certificate_expired;
  }
  SECTION("wrong audience") {
    spec.audiences = {"https://other-sp.test"};
    expected = Reason::audience_restriction_audience_mismatch;
  }
  SECTION("missing email claim") {
    spec.attributes = {{std::string(n::claim_display_name), {"Alex Wilber"}}};
    spec.name_id = "Dh7tdLu2gHm-Vi4emADxWxfoPB2XZvADD_H2EBlaKAw";
    spec.name_id_format = std::string(n::nameid_persistent);
    expected = Reason::attribute_email_missing;
  }
  SECTION("unsigned assertion") {
    spec.signing = SignWith::none;
    expected = Reason::assertion_unsigned;
  }
  SECTION("tenant-specific vs global issuer") {
    spec.issuer = spec.assertion_issuer = "urn:federation:MicrosoftOnline";
    expected = Reason::response_issuer_mismatch;
  }
  sp::Verdict verdict = h.post(spec);
  CHECK_FALSE(verdict.accepted);
  CHECK(verdict.reason == expected);
  CHECK(verdict.session_id.empty());
}

TEST_CASE("sp: unknown and foreign request IDs, unsolicited policy", "[sp][service_provider]") {
  test::SpHarness h;
  auto spec = test::entra_spec(h.clock.now());
  SECTION("a request never sent") {
    spec.in_response_to = "_never_issued";
    CHECK(h.post(spec).reason == Reason::response_in_response_to_unknown);
  }
  SECTION("a request sent for another browser") {
    spec.in_response_to = h.begin_login("browser-A");
    CHECK(h.post(spec, "browser-B").reason == Reason::response_in_response_to_unknown);
  }
  SECTION("unsolicited with the default policy") { CHECK(h.post(spec).accepted); }
}

TEST_CASE("sp: replay and sessions survive a restart", "[sp][service_provider]") {
  test::TempDir dir;
  std::string db = (dir / "sp.sqlite").string();
  core::FormFields form;
  std::string session_id;
  {
    test::SpHarness first(db);
    form = test::post_form(test::build_entra_response(test::entra_spec(first.clock.now())));
    sp::Verdict verdict = first.sp->consume_acs_post(form, "browser-1");
    REQUIRE(verdict.accepted);
    session_id = verdict.session_id;
  }
  test::SpHarness restarted(db);
  CHECK(restarted.sp->find_session(session_id));
  CHECK(restarted.sp->list_idps()->size() == 1);
  sp::Verdict replayed = restarted.sp->consume_acs_post(form, "browser-1");
  CHECK(replayed.reason == Reason::replay_assertion_reused);
}

TEST_CASE("sp: a disabled account and a disabled IdP", "[sp][service_provider]") {
  test::SpHarness h;
  auto spec = test::entra_spec(h.clock.now());
  SECTION("account") {
    spec.name_id = "disabled.user@contoso.example";
    spec.attributes = {{std::string(n::claim_email), {"disabled.user@contoso.example"}}};
    CHECK(h.post(spec).reason == Reason::account_disabled);
  }
  SECTION("IdP") {
    REQUIRE(h.sp->set_idp_enabled("entra", false));
    CHECK(h.post(spec).reason == Reason::response_idp_disabled);
    CHECK(h.sp->begin_login("entra", "", "b").error().reason == Reason::response_idp_disabled);
  }
}

TEST_CASE("sp: login refuses open redirects and unknown IdPs", "[sp][service_provider]") {
  test::SpHarness h;
  CHECK(h.sp->begin_login("entra", "https://attacker.test/", "b").error().reason == Reason::binding_relay_state_invalid);
  CHECK(h.sp->begin_login("nobody", "", "b").error().reason == Reason::config_invalid);
}

TEST_CASE("sp: password login for local accounts", "[sp][service_provider]") {
  test::SpHarness h;
  auto session = h.sp->password_login("admin@sp.example", "admin-password");
  REQUIRE(session);
  CHECK(h.sp->account_of(*session)->role == "admin");
  CHECK(h.sp->password_login("admin@sp.example", "wrong").error().reason == Reason::account_password_invalid);
  CHECK(h.sp->password_login("nobody@sp.example", "x").error().reason == Reason::account_password_invalid);
  CHECK(h.sp->password_login("alex.wilber@contoso.example", "").error().reason == Reason::account_password_invalid);
  REQUIRE(h.sp->end_session(session->id));
  CHECK(h.sp->find_session(session->id).error().reason == Reason::session_missing);
}
