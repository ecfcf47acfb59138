// SPDX-License-Identifier: Apache-2.0
// Keys and X.509 certificates (OpenSSL): loading PEM, and generating RSA keys and self-signed
// certificates shaped like Entra's SAML signing certificates (entra-spec §1.12).
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::core {

struct CertificateSpec;
struct Credential;

// An RSA private key. Cheap to copy (shared handle); immutable, so thread-safe to share.
class PrivateKey {
 public:
  PrivateKey() = default;
  static Result<PrivateKey> from_pem(std::string_view pem);  // key.pem_invalid
  EVP_PKEY* get() const { return m_key.get(); }
  explicit operator bool() const { return m_key != nullptr; }
  int bits() const;
  std::string pem() const;  // PKCS#8, unencrypted

 private:
  explicit PrivateKey(EVP_PKEY* adopted);
  std::shared_ptr<EVP_PKEY> m_key;
  friend Result<PrivateKey> generate_rsa_key(int bits);
};

// An X.509 certificate. Cheap to copy (shared handle); immutable, so thread-safe to share.
class Certificate {
 public:
  Certificate() = default;
  static Result<Certificate> from_pem(std::string_view pem);   // key.pem_invalid
  static Result<Certificate> from_der(std::string_view der);   // key.certificate_invalid
  // The text of a ds:X509Certificate element (base64 DER; whitespace allowed).
  static Result<Certificate> from_base64(std::string_view text);  // key.certificate_invalid
  X509* get() const { return m_cert.get(); }
  explicit operator bool() const { return m_cert != nullptr; }

  EVP_PKEY* public_key() const;  // borrowed; lives as long as this certificate
  int key_bits() const;
  std::string der() const;
  std::string base64() const;  // one line, as Entra writes X509Certificate
  std::string pem() const;
  std::string subject() const;  // e.g. "CN=Microsoft Azure Federated SSO Certificate"
  TimePoint not_before() const;
  TimePoint not_after() const;
  std::string signature_digest() const;  // "sha256", "sha1", ...
  std::string thumbprint_sha1() const;   // upper-case hex, as the Entra portal shows it
  bool same_as(const Certificate& other) const;  // byte-identical DER
  bool matches(const PrivateKey& key) const;     // the key pair belongs to this certificate

 private:
  explicit Certificate(X509* adopted);
  std::shared_ptr<X509> m_cert;
  friend Result<Certificate> make_self_signed(const PrivateKey&, const CertificateSpec&);
  friend Result<Certificate> make_issued(const PrivateKey&, const CertificateSpec&, const Credential&);
};

// A signing or decryption identity: the private key and its certificate.
struct Credential {
  PrivateKey key;
  Certificate certificate;
};

Result<Certificate> load_certificate_file(const std::filesystem::path& path);  // io.read_failed, key.*
Result<PrivateKey> load_private_key_file(const std::filesystem::path& path);    // io.read_failed, key.*
// Both files, checked to belong together (key.mismatch).
Result<Credential> load_credential(const std::filesystem::path& key_path,
                                   const std::filesystem::path& certificate_path);

// A fresh RSA key with e = 65537. Fails with key.generation_failed.
Result<PrivateKey> generate_rsa_key(int bits);

enum class CertDigest { sha256, sha1 };

// What a self-signed certificate says. With no subject_alt_names the certificate is X.509 v3 with
// no extensions at all, exactly like Entra's signing certificates; names make it a TLS server
// certificate (SAN, serverAuth).
struct CertificateSpec {
  std::string common_name;
  TimePoint not_before;
  TimePoint not_after;
  CertDigest digest = CertDigest::sha256;
  std::vector<std::string> dns_names;
  std::vector<std::string> ip_addresses;
  bool certificate_authority = false;  // basicConstraints CA:TRUE, keyUsage keyCertSign + cRLSign
};

// Self-signs `spec` with `key`: subject = issuer = CN (PrintableString when possible), a 16-byte
// random serial. Fails with key.generation_failed.
Result<Certificate> make_self_signed(const PrivateKey& key, const CertificateSpec& spec);

// Issues `spec` for `key`, signed by `issuer` (a certificate authority's key and certificate):
// issuer name = the issuer certificate's subject. Fails with key.generation_failed.
Result<Certificate> make_issued(const PrivateKey& key, const CertificateSpec& spec, const Credential& issuer);

}  // namespace samlt::core
