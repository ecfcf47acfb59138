// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/keys.hpp"

#include "samlt/core/fs.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
using namespace std::chrono;

TEST_CASE("make_self_signed shapes a certificate like Entra's", "[core][keys]") {
  auto key = core::generate_rsa_key(2048);
  REQUIRE(key);
  CHECK(key->bits() == 2048);
  core::CertificateSpec spec;
  spec.common_name = "Microsoft Azure Federated SSO Certificate";
  spec.not_before = time_point_cast<core::Millis>(sys_days(2025y / March / 4));
  spec.not_after = time_point_cast<core::Millis>(sys_days(2028y / March / 4));
  auto cert = core::make_self_signed(*key, spec);
  REQUIRE(cert);
  CHECK(cert->subject() == "CN=Microsoft Azure Federated SSO Certificate");
  CHECK(cert->not_before() == spec.not_before);
  CHECK(cert->not_after() == spec.not_after);
  CHECK(cert->signature_digest() == "sha256");
  CHECK(cert->key_bits() == 2048);
  CHECK(cert->matches(*key));
  CHECK(X509_get_version(cert->get()) == 2);
  CHECK(X509_get_ext_count(cert->get()) == 0);  // v3 without extensions, as Entra's
  CHECK(cert->base64().rfind("MIIC8DCCAdigAwIBAgIQ", 0) == 0);  // the same DER prefix as Entra's
  CHECK(cert->thumbprint_sha1().size() == 40);

  auto again = core::Certificate::from_base64(cert->base64());
  REQUIRE(again);
  CHECK(again->same_as(*cert));
  auto from_pem = core::Certificate::from_pem(cert->pem());
  REQUIRE(from_pem);
  CHECK(from_pem->same_as(*cert));
  auto key_again = core::PrivateKey::from_pem(key->pem());
  REQUIRE(key_again);
  CHECK(cert->matches(*key_again));
}

TEST_CASE("TLS certificates carry SANs; SHA-1 certificates say so", "[core][keys]") {
  const auto& tls = test::test_credential("tls-loopback").certificate;
  CHECK(X509_get_ext_by_NID(tls.get(), NID_subject_alt_name, -1) >= 0);
  CHECK(test::test_credential("idp-sha1").certificate.signature_digest() == "sha1");
  CHECK(test::test_credential("idp-weak").certificate.key_bits() == 1024);
}

TEST_CASE("key and certificate loading failures", "[core][keys]") {
  test::TempDir dir;
  auto bad_pem = core::Certificate::from_pem("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n");
  REQUIRE_FALSE(bad_pem);
  CHECK(bad_pem.error().reason == Reason::key_pem_invalid);
  auto bad_key = core::PrivateKey::from_pem("not a key");
  REQUIRE_FALSE(bad_key);
  CHECK(bad_key.error().reason == Reason::key_pem_invalid);
  auto bad_der = core::Certificate::from_base64("AAAA");
  REQUIRE_FALSE(bad_der);
  CHECK(bad_der.error().reason == Reason::key_certificate_invalid);
  auto not_base64 = core::Certificate::from_base64("***");
  REQUIRE_FALSE(not_base64);
  CHECK(not_base64.error().reason == Reason::key_certificate_invalid);
  auto missing = core::load_certificate_file(dir / "missing.crt");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == Reason::io_read_failed);

  const auto& set = test::test_cert_set();
  auto mismatch = core::load_credential(set.key_path("idp-rogue"), set.certificate_path("idp-signing"));
  REQUIRE_FALSE(mismatch);
  CHECK(mismatch.error().reason == Reason::key_mismatch);
  CHECK(core::load_credential(set.key_path("idp-signing"), set.certificate_path("idp-signing")));
}
