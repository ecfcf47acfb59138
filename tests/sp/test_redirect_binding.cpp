// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/codec.hpp"
#include "samlt/sp/redirect_binding.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <openssl/evp.h>

#include <memory>

using namespace samlt;
using core::Reason;

namespace {

const char* k_xml = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_l1\"/>";

std::string query(const std::string& url) { return url.substr(url.find('?') + 1); }

std::vector<core::Certificate> idp_cert() { return {test::test_credential("idp-signing").certificate}; }

Reason parse_reason(const std::string& raw) {
  auto parsed = sp::parse_redirect_query(raw, 1 << 20);
  REQUIRE_FALSE(parsed);
  return parsed.error().reason;
}

}  // namespace

TEST_CASE("redirect: a signed message round-trips and verifies over the raw octets", "[sp][redirect]") {
  std::string url = sp::redirect_url("https://sp.example/slo", sp::RedirectParameter::saml_request, k_xml, "/x y",
                                     &test::test_credential("idp-signing"));
  auto message = sp::parse_redirect_query(query(url), 1 << 20);
  REQUIRE(message);
  CHECK(message->xml == k_xml);
  CHECK(message->relay_state == "/x y");
  CHECK(sp::verify_redirect_signature(*message, idp_cert(), sp::Policy{}));

  SECTION("RelayState changed after signing (BIND-RELAYSTATE-TAMPER)") {
    std::string raw = query(url);
    raw.replace(raw.find("RelayState=") + 11, 1, "%2Fevil");
    auto tampered = sp::parse_redirect_query(raw, 1 << 20);
    REQUIRE(tampered);
    CHECK(sp::verify_redirect_signature(*tampered, idp_cert(), sp::Policy{}).error().reason == Reason::signature_invalid);
  }
  SECTION("signed by another key") {
    std::vector<core::Certificate> other{test::test_credential("idp-rogue").certificate};
    CHECK(sp::verify_redirect_signature(*message, other, sp::Policy{}).error().reason == Reason::signature_invalid);
  }
}

TEST_CASE("redirect: the signature over lower-case percent-encoding verifies (POS-REDIRECT-RAW-ENCODING)", "[sp][redirect]") {
  // Entra (.NET) escapes with lower-case hex and signs those octets: the SP must verify the raw
  // query as received, never a re-encoding of the decoded values.
  std::string octets = "SAMLResponse=" +
                       core::url_encode(core::base64_encode(core::deflate_raw(k_xml)), core::HexCase::lower) +
                       "&SigAlg=" + core::url_encode("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", core::HexCase::lower);
  REQUIRE(octets.find("%2f") != std::string::npos);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::string signature(512, '\0');
  std::size_t length = signature.size();
  REQUIRE(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, test::test_credential("idp-signing").key.get()) == 1);
  REQUIRE(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                         reinterpret_cast<const unsigned char*>(octets.data()), octets.size()) == 1);
  signature.resize(length);
  auto message = sp::parse_redirect_query(octets + "&Signature=" + core::url_encode(core::base64_encode(signature), core::HexCase::lower), 1 << 20);
  REQUIRE(message);
  CHECK(message->signed_octets == octets);
  CHECK(sp::verify_redirect_signature(*message, idp_cert(), sp::Policy{}));
}

TEST_CASE("redirect: SigAlg is allow-listed, never a fallback", "[sp][redirect]") {
  std::string url = sp::redirect_url("x", sp::RedirectParameter::saml_request, k_xml, "", &test::test_credential("idp-signing"));
  for (const char* alg : {"urn:bogus", "", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"}) {
    std::string raw = query(url);
    std::size_t start = raw.find("SigAlg=") + 7;
    raw.replace(start, raw.find('&', start) - start, core::url_encode(alg));
    auto message = sp::parse_redirect_query(raw, 1 << 20);
    REQUIRE(message);
    INFO(alg);
    auto verified = sp::verify_redirect_signature(*message, idp_cert(), sp::Policy{});
    REQUIRE_FALSE(verified);
    CHECK((verified.error().reason == Reason::signature_algorithm_forbidden ||
           (std::string(alg).empty() && verified.error().reason == Reason::signature_missing)));
  }
}

TEST_CASE("redirect: parameters are read exactly once and exactly as named", "[sp][redirect]") {
  std::string body = core::url_encode(core::base64_encode(core::deflate_raw(k_xml)));
  CHECK(parse_reason("SAMLRequest=" + body + "&SAMLRequest=" + body) == Reason::binding_parameter_invalid);
  CHECK(parse_reason("SAMLResponse=" + body + "&SAMLResponse=" + body) == Reason::binding_saml_response_duplicated);
  CHECK(parse_reason("%53AMLRequest=" + body) == Reason::binding_parameter_invalid);
  CHECK(parse_reason("SAMLRequest=" + body + "&SAMLResponse=" + body) == Reason::binding_parameter_invalid);
  CHECK(parse_reason("RelayState=x") == Reason::binding_parameter_invalid);
  CHECK(parse_reason("SAMLRequest=" + body + "&SigAlg=x") == Reason::binding_parameter_invalid);
  CHECK(parse_reason("SAMLRequest=%%%") == Reason::codec_url_invalid);
  CHECK(parse_reason("SAMLRequest=!!!") == Reason::binding_base64_invalid);
  CHECK(parse_reason("SAMLRequest=" + core::url_encode(core::base64_encode("not deflate at all"))) ==
        Reason::codec_inflate_failed);
  std::string bomb = core::url_encode(core::base64_encode(core::deflate_raw(std::string(4 << 20, 'a'))));
  CHECK(parse_reason("SAMLRequest=" + bomb) == Reason::codec_inflate_too_large);
  auto unsigned_message = sp::parse_redirect_query("SAMLRequest=" + body + "&cachebuster=1", 1 << 20);
  REQUIRE(unsigned_message);
  CHECK(sp::verify_redirect_signature(*unsigned_message, idp_cert(), sp::Policy{}).error().reason == Reason::signature_missing);
}
