// SPDX-License-Identifier: Apache-2.0
// The Redirect-message mutators (redirect_mutators.hpp) on a signed IdP LogoutRequest: each edits
// exactly the parameters it names, on the raw query, and leaves the rest byte for byte.
#include "idp_fixture.hpp"
#include "samlt/core/binding.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/idp/redirect_mutators.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

namespace {

const std::string k_logout_request =
    "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_idp_lr\" Version=\"2.0\" "
    "IssueInstant=\"2025-03-04T10:15:30.812Z\"><Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
    "https://login.microsoftonline.com/t/</Issuer><NameID xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
    "alex.wilber@contoso.example</NameID></samlp:LogoutRequest>";

std::string signed_query(std::optional<std::string> relay_state = std::string("state-1")) {
  core::RedirectSigner signer{test::test_credential("idp-signing").key};
  return core::encode_redirect(core::MessageParameter::saml_request, k_logout_request, relay_state, &signer,
                               core::HexCase::lower)
      .value();
}

std::string mutated(const std::string& id, const nlohmann::json& params = nlohmann::json::object(),
                    const std::string& query = signed_query()) {
  std::vector<samlt::idp::MutatorUse> uses{{id, params}};
  auto out = samlt::idp::mutate_redirect_query(query, uses, test::idp::default_idp().config().credentials,
                                               test::idp::now());
  INFO((out ? std::string() : std::string(core::id(out.error().reason)) + ": " + out.error().detail));
  REQUIRE(out);
  return *out;
}

core::Reason error_of(const std::string& id, const nlohmann::json& params, const std::string& query = signed_query()) {
  std::vector<samlt::idp::MutatorUse> uses{{id, params}};
  auto out = samlt::idp::mutate_redirect_query(query, uses, test::idp::default_idp().config().credentials,
                                               test::idp::now());
  REQUIRE_FALSE(out);
  return out.error().reason;
}

Strings names(const std::string& query) {
  Strings out;
  for (std::size_t start = 0; start < query.size();) {
    std::size_t end = std::min(query.find('&', start), query.size());
    out.push_back(query.substr(start, query.find('=', start) - start));
    start = end + 1;
  }
  return out;
}

std::string raw(const std::string& query, const std::string& name) {
  std::size_t at = query.find(name + "=");
  REQUIRE(at != std::string::npos);
  at += name.size() + 1;
  return query.substr(at, query.find('&', at) - at);
}

}  // namespace

TEST_CASE("the Redirect-message table: ids are unique, every row is §13 and no-key",
          "[mutator][redirect]") {
  Strings ids;
  for (const auto& m : samlt::idp::redirect_mutators()) {
    ids.emplace_back(m.id);
    CHECK(m.section == 13);
    CHECK(m.capability == samlt::idp::Capability::no_key);
    CHECK(samlt::idp::find_redirect_mutator(m.id) == &m);
    CHECK(samlt::idp::find_mutator(m.id) == nullptr);  // not applied to the ACS form
  }
  CHECK(ids == Strings{"redirect.parameter_confused", "redirect.signature_removed", "redirect.sig_alg_set",
                       "redirect.relay_state_changed"});
  CHECK(error_of("redirect.nope", {}) == core::Reason::control_unknown_mutator);
}

TEST_CASE("redirect.signature_removed drops SigAlg and Signature only", "[mutator][redirect.signature_removed]") {
  std::string query = signed_query();
  std::string out = mutated("redirect.signature_removed");
  CHECK(names(out) == Strings{"SAMLRequest", "RelayState"});
  CHECK(query.rfind(out + "&SigAlg=", 0) == 0);  // the rest byte for byte
  CHECK(error_of("redirect.signature_removed", {}, out) == core::Reason::mutator_not_applicable);
}

TEST_CASE("redirect.sig_alg_set replaces SigAlg and keeps Signature", "[mutator][redirect.sig_alg_set]") {
  std::string query = signed_query();
  std::string out = mutated("redirect.sig_alg_set");
  CHECK(names(out) == names(query));
  CHECK(raw(out, "SigAlg") == "urn%3Abogus");
  CHECK(raw(out, "Signature") == raw(query, "Signature"));
  CHECK(raw(mutated("redirect.sig_alg_set", {{"value", ""}}), "SigAlg").empty());
  CHECK(error_of("redirect.sig_alg_set", {{"value", 1}}) == core::Reason::mutator_params_invalid);
}

TEST_CASE("redirect.relay_state_changed: changed, added, removed", "[mutator][redirect.relay_state_changed]") {
  std::string query = signed_query();
  std::string changed = mutated("redirect.relay_state_changed");
  CHECK(names(changed) == names(query));
  CHECK(raw(changed, "RelayState") == "%2Felsewhere");
  CHECK(raw(changed, "Signature") == raw(query, "Signature"));
  CHECK(names(mutated("redirect.relay_state_changed", {{"form", "removed"}})) ==
        Strings{"SAMLRequest", "SigAlg", "Signature"});
  std::string bare = signed_query(std::nullopt);
  std::string added = mutated("redirect.relay_state_changed", {{"form", "added"}, {"value", "x"}}, bare);
  CHECK(names(added) == Strings{"SAMLRequest", "RelayState", "SigAlg", "Signature"});
  CHECK(raw(added, "RelayState") == "x");
  CHECK(error_of("redirect.relay_state_changed", {{"form", "added"}}) == core::Reason::mutator_not_applicable);
  CHECK(error_of("redirect.relay_state_changed", {{"form", "removed"}}, bare) == core::Reason::mutator_not_applicable);
}

TEST_CASE("redirect.parameter_confused puts a look-alike first, carrying a forged unsigned copy",
          "[mutator][redirect.parameter_confused]") {
  std::string query = signed_query();
  struct Form {
    const char* form;
    const char* name;
  };
  for (auto [form, name] : {Form{"leading_space", "%20SAMLRequest"}, Form{"encoded_name", "%53AMLRequest"},
                            Form{"nul_in_name", "SAMLRequest%00"}, Form{"brackets", "SAMLRequest%5B%5D"},
                            Form{"other_case", "samlrequest"}, Form{"duplicate_message", "SAMLRequest"}}) {
    INFO(form);
    std::string out = mutated("redirect.parameter_confused", {{"form", form}});
    CHECK(names(out).front() == name);
    CHECK(out.substr(out.find('&') + 1) == query);  // the genuine query follows, untouched
    std::string forged_value = out.substr(std::string_view(name).size() + 1, out.find('&') - std::string_view(name).size() - 1);
    auto forged = core::decode_redirect("SAMLRequest=" + forged_value, core::Accepts::saml_request,
                                        {1 << 20, 1 << 20, 1 << 20, 80});
    REQUIRE(forged);
    CHECK_FALSE(forged->is_signed());
    CHECK(forged->xml().find(">megan.bowen@contoso.example</NameID>") != std::string::npos);
  }
  for (auto [form, name] : {Form{"duplicate_relay_state", "RelayState"}, Form{"duplicate_sig_alg", "SigAlg"},
                            Form{"duplicate_signature", "Signature"}}) {
    INFO(form);
    std::string out = mutated("redirect.parameter_confused", {{"form", form}});
    CHECK(names(out).front() == name);
    CHECK(out.substr(out.find('&') + 1) == query);
  }
  CHECK(raw(mutated("redirect.parameter_confused", {{"form", "duplicate_relay_state"}}), "RelayState") ==
        "https%3A%2F%2Fattacker.test%2F");
}
