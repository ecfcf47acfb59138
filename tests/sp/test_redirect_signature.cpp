// SPDX-License-Identifier: Apache-2.0
// The SP's policy for Redirect query signatures: SigAlg allow-list, trusted keys, key strength.
// The codec's own rules (octets as received, names, duplicates) are tested in tests/core.
#include "samlt/core/binding.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/redirect_signature.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

const char* k_xml =
    "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_l1\"/>";

std::vector<core::Certificate> idp_cert() {
  return {test::test_credential("idp-signing").certificate};
}

std::string signed_query(
    core::SignatureAlgorithm algorithm = core::SignatureAlgorithm::rsa_sha256) {
  core::RedirectSigner signer{test::test_credential("idp-signing").key, algorithm};
  return core::encode_redirect(core::MessageParameter::saml_request, k_xml, "state", &signer)
      .value();
}

core::BindingMessage decoded(const std::string& query) {
  auto message =
      core::decode_redirect(query, core::Accepts::either, sp::binding_limits(sp::Policy{}));
  REQUIRE(message);
  return *message;
}

}  // namespace

TEST_CASE("redirect signature: a trusted key's RSA-SHA256 signature verifies", "[sp][redirect]") {
  auto message = decoded(signed_query());
  auto verified = sp::verify_redirect_signature(message, idp_cert(), sp::Policy{});
  REQUIRE(verified);
  CHECK(verified->key_bits() >= 2048);
  std::vector<core::Certificate> other{test::test_credential("idp-rogue").certificate};
  CHECK(sp::verify_redirect_signature(message, other, sp::Policy{}).error().reason ==
        Reason::signature_invalid);
  CHECK(sp::verify_redirect_signature(message, {}, sp::Policy{}).error().reason ==
        Reason::key_no_trusted_keys);
  sp::Policy strict;
  strict.min_rsa_bits = 1 << 16;  // every key too weak: skipped, so nothing verifies
  CHECK(sp::verify_redirect_signature(message, idp_cert(), strict).error().reason ==
        Reason::signature_invalid);
}

TEST_CASE("redirect signature: SigAlg is allow-listed, never a fallback", "[sp][redirect]") {
  std::string query = signed_query();
  for (const char* alg : {"urn:bogus", "", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"}) {
    std::string raw = query;
    std::size_t start = raw.find("SigAlg=") + 7;
    raw.replace(start, raw.find('&', start) - start, core::url_encode(alg));
    INFO(alg);
    auto verified = sp::verify_redirect_signature(decoded(raw), idp_cert(), sp::Policy{});
    REQUIRE_FALSE(verified);
    CHECK(verified.error().reason == Reason::signature_algorithm_forbidden);
  }
  auto sha1 = decoded(signed_query(core::SignatureAlgorithm::rsa_sha1));
  CHECK(sp::verify_redirect_signature(sha1, idp_cert(), sp::Policy{}).error().reason ==
        Reason::signature_algorithm_forbidden);
  sp::Policy relaxed;
  relaxed.min_signature_algorithm = sp::MinSignatureAlgorithm::sha1;
  CHECK(sp::verify_redirect_signature(sha1, idp_cert(), relaxed));
}

TEST_CASE("redirect signature: an unsigned message is signature.missing", "[sp][redirect]") {
  auto query =
      core::encode_redirect(core::MessageParameter::saml_request, k_xml, std::nullopt, nullptr);
  REQUIRE(query);
  CHECK(sp::verify_redirect_signature(decoded(*query + "&cachebuster=1"), idp_cert(), sp::Policy{})
            .error()
            .reason == Reason::signature_missing);
}
