// SPDX-License-Identifier: Apache-2.0
// The HTTP-Redirect query signature (saml-bindings §3.4.4.1) is computed and checked over the
// parameters exactly as they travel: lower- and upper-case percent-escapes, '+' and %20 are
// different octets even where they decode to the same text.
#include "samlt/core/binding.hpp"
#include "samlt/core/query_signature.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

namespace {

const std::string k_xml =
    "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_l1\"/>";
const core::BindingLimits k_limits{1 << 20, 1 << 20, 1 << 20, core::k_relay_state_max_bytes};

const core::Credential& idp() {
  return test::test_credential("idp-signing");
}

// `octets` followed by its RSA-SHA256 Signature, as an IdP would send it.
std::string signed_query(const std::string& octets) {
  auto signature = core::sign_query_octets(idp().key, core::SignatureAlgorithm::rsa_sha256, octets);
  REQUIRE(signature);
  return octets + "&Signature=" + core::url_encode(core::base64_encode(*signature));
}

core::BindingMessage decoded(const std::string& query) {
  auto message = core::decode_redirect(query, core::Accepts::either, k_limits);
  REQUIRE(message);
  return *message;
}

bool verifies(const core::BindingMessage& message, const core::Credential& credential = idp()) {
  return core::redirect_signature_verifies(message, credential.certificate,
                                           core::SignatureAlgorithm::rsa_sha256);
}

std::string encoded_xml(core::HexCase hex_case) {
  return core::url_encode(core::base64_encode(core::deflate_raw(k_xml)), hex_case);
}

}  // namespace

TEST_CASE("redirect signature: what encode_redirect signs, decode_redirect verifies",
          "[core][binding]") {
  core::RedirectSigner signer{idp().key};
  for (auto hex_case : {core::HexCase::upper, core::HexCase::lower}) {
    auto query = core::encode_redirect(core::MessageParameter::saml_response, k_xml, "/x y",
                                       &signer, hex_case);
    REQUIRE(query);
    auto message = decoded(*query);
    CHECK(message.xml() == k_xml);
    CHECK(message.relay_state() == "/x y");
    CHECK(message.sig_alg() == std::string(core::names::alg_rsa_sha256));
    CHECK(query->rfind(message.signed_octets() + "&Signature=", 0) == 0);
    CHECK(verifies(message));
    CHECK_FALSE(verifies(message, test::test_credential("idp-rogue")));
    CHECK_FALSE(core::redirect_signature_verifies(message, idp().certificate,
                                                  core::SignatureAlgorithm::rsa_sha1));
  }
}

TEST_CASE("redirect signature: lower-case escapes are verified as sent, never re-encoded",
          "[core][binding]") {
  // Entra (.NET HttpUtility) writes %2f and signs those octets (POS-REDIRECT-RAW-ENCODING).
  std::string octets =
      "SAMLResponse=" + encoded_xml(core::HexCase::lower) + "&RelayState=%2fafter" +
      "&SigAlg=" + core::url_encode(core::names::alg_rsa_sha256, core::HexCase::lower);
  REQUIRE(octets.find("%2f") != std::string::npos);
  auto message = decoded(signed_query(octets));
  CHECK(message.signed_octets() == octets);
  CHECK(message.relay_state() == "/after");
  CHECK(verifies(message));
  // The same values with upper-case escapes decode identically but are other octets.
  std::string upper =
      "SAMLResponse=" + encoded_xml(core::HexCase::upper) + "&RelayState=%2Fafter" +
      "&SigAlg=" + core::url_encode(core::names::alg_rsa_sha256, core::HexCase::upper);
  auto signature_part = signed_query(octets).substr(octets.size());
  auto recased = decoded(upper + signature_part);
  CHECK(recased.relay_state() == message.relay_state());
  CHECK(recased.xml() == message.xml());
  CHECK_FALSE(verifies(recased));
}

TEST_CASE("redirect signature: '+' and %20 are different octets", "[core][binding]") {
  std::string sig_alg = "&SigAlg=" + core::url_encode(core::names::alg_rsa_sha256);
  std::string with_plus =
      "SAMLRequest=" + encoded_xml(core::HexCase::upper) + "&RelayState=a+b" + sig_alg;
  std::string with_escape =
      "SAMLRequest=" + encoded_xml(core::HexCase::upper) + "&RelayState=a%20b" + sig_alg;
  std::string signature_part = signed_query(with_escape).substr(with_escape.size());
  auto as_signed = decoded(with_escape + signature_part);
  auto as_plus = decoded(with_plus + signature_part);
  CHECK(as_signed.relay_state() == "a b");
  CHECK(as_plus.relay_state() == "a b");
  CHECK(verifies(as_signed));
  CHECK_FALSE(verifies(as_plus));
  CHECK(verifies(decoded(signed_query(with_plus))));
}

TEST_CASE("redirect signature: only the binding's parameters, in their fixed order, are signed",
          "[core][binding]") {
  std::string octets = "SAMLRequest=" + encoded_xml(core::HexCase::upper) + "&RelayState=s" +
                       "&SigAlg=" + core::url_encode(core::names::alg_rsa_sha256);
  std::string query = signed_query(octets);
  // Other parameters may come anywhere and are never signed; the order on the wire does not matter.
  std::size_t relay = query.find("&RelayState=s");
  std::string reordered =
      "cachebuster=1&RelayState=s&" + query.substr(0, relay) + query.substr(relay + 13);
  auto message = decoded(reordered);
  CHECK(message.signed_octets() == octets);
  CHECK(message.other_fields() == core::FormFields{{"cachebuster", "1"}});
  CHECK(verifies(message));
  // RelayState changed after signing (BIND-RELAYSTATE-TAMPER).
  std::string tampered = query;
  tampered.replace(relay, 13, "&RelayState=t");
  CHECK_FALSE(verifies(decoded(tampered)));
}

TEST_CASE("redirect signature: unsigned and POST messages never verify", "[core][binding]") {
  auto unsigned_query =
      core::encode_redirect(core::MessageParameter::saml_request, k_xml, std::nullopt, nullptr);
  REQUIRE(unsigned_query);
  CHECK_FALSE(verifies(decoded(*unsigned_query)));
  auto posted = core::decode_post(core::encode_form(core::encode_post(
                                      core::MessageParameter::saml_response, k_xml, std::nullopt)) +
                                      "&SigAlg=x&Signature=AAAA",
                                  core::Accepts::either, k_limits);
  REQUIRE(posted);
  CHECK_FALSE(verifies(*posted));
}
