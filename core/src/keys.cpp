// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/keys.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/random.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace samlt::core {
namespace {

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

BioPtr memory_bio(std::string_view bytes) {
  return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

std::string bio_contents(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

// The newest OpenSSL error, for details; clears the queue so it does not leak into later calls.
std::string openssl_error() {
  unsigned long code = ERR_get_error();
  char text[256] = "no OpenSSL error";
  if (code != 0) {
    ERR_error_string_n(code, text, sizeof text);
  }
  ERR_clear_error();
  return text;
}

TimePoint to_time_point(const ASN1_TIME* time) {
  std::tm tm{};
  ASN1_TIME_to_tm(time, &tm);
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::from_time_t(timegm(&tm)));
}

// X.520 PrintableString alphabet: Entra's certificates use it for the CN.
bool printable(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || std::string_view(" '()+,-./:=?").find(static_cast<char>(c)) !=
                                  std::string_view::npos;
  });
}

}  // namespace

PrivateKey::PrivateKey(EVP_PKEY* adopted) : m_key(adopted, EVP_PKEY_free) {}

Result<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) {
    return fail(Reason::key_pem_invalid, "no private key in PEM data: " + openssl_error());
  }
  return PrivateKey(key);
}

int PrivateKey::bits() const { return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0; }

std::string PrivateKey::pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return bio_contents(bio.get());
}

Certificate::Certificate(X509* adopted) : m_cert(adopted, X509_free) {}

Result<Certificate> Certificate::from_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  if (cert == nullptr) {
    return fail(Reason::key_pem_invalid, "no certificate in PEM data: " + openssl_error());
  }
  return Certificate(cert);
}

Result<Certificate> Certificate::from_der(std::string_view der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  const unsigned char* end = bytes + der.size();
  X509* cert = d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
  if (cert == nullptr) {
    return fail(Reason::key_certificate_invalid, "DER does not decode: " + openssl_error());
  }
  if (bytes != end) {
    X509_free(cert);
    return fail(Reason::key_certificate_invalid, "bytes after the certificate's DER");
  }
  return Certificate(cert);
}

Result<Certificate> Certificate::from_base64(std::string_view text) {
  auto der = base64_decode(text);
  if (!der) {
    return fail(Reason::key_certificate_invalid, "X509Certificate is not base64: " + der.error().detail);
  }
  return from_der(*der);
}

EVP_PKEY* Certificate::public_key() const { return m_cert ? X509_get0_pubkey(m_cert.get()) : nullptr; }

int Certificate::key_bits() const {
  EVP_PKEY* key = public_key();
  return key ? EVP_PKEY_get_bits(key) : 0;
}

std::string Certificate::der() const {
  unsigned char* out = nullptr;
  int n = i2d_X509(m_cert.get(), &out);
  if (n <= 0) {
    return {};
  }
  std::string bytes(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  OPENSSL_free(out);
  return bytes;
}

std::string Certificate::base64() const { return base64_encode(der()); }

std::string Certificate::pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), m_cert.get());
  return bio_contents(bio.get());
}

std::string Certificate::subject() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(m_cert.get()), 0, XN_FLAG_RFC2253);
  return bio_contents(bio.get());
}

TimePoint Certificate::not_before() const { return to_time_point(X509_get0_notBefore(m_cert.get())); }
TimePoint Certificate::not_after() const { return to_time_point(X509_get0_notAfter(m_cert.get())); }

std::string Certificate::signature_digest() const {
  int md_nid = NID_undef;
  if (X509_get_signature_info(m_cert.get(), &md_nid, nullptr, nullptr, nullptr) != 1) {
    return "unknown";
  }
  std::string name = OBJ_nid2sn(md_nid);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

std::string Certificate::thumbprint_sha1() const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(m_cert.get(), EVP_sha1(), digest, &n);
  std::string hex = to_hex(std::string_view(reinterpret_cast<char*>(digest), n));
  std::transform(hex.begin(), hex.end(), hex.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return hex;
}

bool Certificate::same_as(const Certificate& other) const {
  return m_cert && other.m_cert && X509_cmp(m_cert.get(), other.m_cert.get()) == 0 &&
         der() == other.der();
}

bool Certificate::matches(const PrivateKey& key) const {
  bool ok = m_cert && key && X509_check_private_key(m_cert.get(), key.get()) == 1;
  ERR_clear_error();
  return ok;
}

Result<Certificate> load_certificate_file(const std::filesystem::path& path) {
  auto pem = read_file(path);
  if (!pem) {
    return fail(pem.error());
  }
  auto cert = Certificate::from_pem(*pem);
  if (!cert) {
    return fail(cert.error().reason, path.string() + ": " + cert.error().detail);
  }
  return cert;
}

Result<PrivateKey> load_private_key_file(const std::filesystem::path& path) {
  auto pem = read_file(path);
  if (!pem) {
    return fail(pem.error());
  }
  auto key = PrivateKey::from_pem(*pem);
  if (!key) {
    return fail(key.error().reason, path.string() + ": " + key.error().detail);
  }
  return key;
}

Result<Credential> load_credential(const std::filesystem::path& key_path,
                                   const std::filesystem::path& certificate_path) {
  auto key = load_private_key_file(key_path);
  if (!key) {
    return fail(key.error());
  }
  auto cert = load_certificate_file(certificate_path);
  if (!cert) {
    return fail(cert.error());
  }
  if (!cert->matches(*key)) {
    return fail(Reason::key_mismatch,
                key_path.string() + " is not the private key of " + certificate_path.string());
  }
  return Credential{std::move(*key), std::move(*cert)};
}

Result<PrivateKey> generate_rsa_key(int bits) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
  if (key == nullptr) {
    return fail(Reason::key_generation_failed, "RSA-" + std::to_string(bits) + ": " + openssl_error());
  }
  return PrivateKey(key);
}

namespace {

// One certificate for `key` as `spec` says, named as issued by `issuer_name` and signed with
// `signer` (the key itself for a self-signed certificate). The caller adopts the X509.
Result<X509*> build_certificate(const PrivateKey& key, const CertificateSpec& spec,
                                      const X509_NAME* issuer_name, const PrivateKey& signer,
                                      X509* issuer_cert) {
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  auto failed = [](std::string what) {
    return fail(Reason::key_generation_failed, what + ": " + openssl_error());
  };
  X509_set_version(cert.get(), 2);  // v3, as Entra's certificates (which carry no extensions)

  std::string serial_bytes = random_bytes(16);
  serial_bytes[0] = static_cast<char>(serial_bytes[0] & 0x7f);  // keep the INTEGER positive
  std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(serial_bytes.data()), 16, nullptr), BN_free);
  BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()));

  X509_NAME* name = X509_get_subject_name(cert.get());
  int string_type = printable(spec.common_name) ? V_ASN1_PRINTABLESTRING : MBSTRING_UTF8;
  if (X509_NAME_add_entry_by_NID(name, NID_commonName, string_type,
                                 reinterpret_cast<const unsigned char*>(spec.common_name.data()),
                                 static_cast<int>(spec.common_name.size()), -1, 0) != 1) {
    return failed("subject CN");
  }
  X509_set_issuer_name(cert.get(), issuer_name != nullptr ? issuer_name : name);
  auto seconds = [](TimePoint at) {
    return static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());
  };
  if (!ASN1_TIME_set(X509_getm_notBefore(cert.get()), seconds(spec.not_before)) ||
      !ASN1_TIME_set(X509_getm_notAfter(cert.get()), seconds(spec.not_after))) {
    return failed("validity");
  }
  X509_set_pubkey(cert.get(), key.get());

  std::vector<std::pair<int, std::string>> extensions;
  if (!spec.dns_names.empty() || !spec.ip_addresses.empty()) {
    std::string san;
    for (const auto& dns : spec.dns_names) {
      san += (san.empty() ? "" : ",") + std::string("DNS:") + dns;
    }
    for (const auto& ip : spec.ip_addresses) {
      san += (san.empty() ? "" : ",") + std::string("IP:") + ip;
    }
    extensions = {{NID_subject_alt_name, san},
                  {NID_ext_key_usage, "serverAuth"},
                  {NID_basic_constraints, "critical,CA:FALSE"}};
  }
  if (spec.certificate_authority) {
    extensions.push_back({NID_basic_constraints, "critical,CA:TRUE"});
    extensions.push_back({NID_key_usage, "critical,keyCertSign,cRLSign"});
  }
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer_cert != nullptr ? issuer_cert : cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : extensions) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (ext == nullptr) {
      return failed("extension " + value);
    }
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  const EVP_MD* digest = spec.digest == CertDigest::sha1 ? EVP_sha1() : EVP_sha256();
  if (X509_sign(cert.get(), signer.get(), digest) <= 0) {
    return failed("signing");
  }
  return cert.release();
}

}  // namespace

Result<Certificate> make_self_signed(const PrivateKey& key, const CertificateSpec& spec) {
  auto built = build_certificate(key, spec, nullptr, key, nullptr);
  if (!built) {
    return fail(built.error());
  }
  return Certificate(*built);
}

Result<Certificate> make_issued(const PrivateKey& key, const CertificateSpec& spec, const Credential& issuer) {
  if (!issuer.key || !issuer.certificate) {
    return fail(Reason::key_generation_failed, "the issuer has no key or no certificate");
  }
  auto built = build_certificate(key, spec, X509_get_subject_name(issuer.certificate.get()), issuer.key,
                                 issuer.certificate.get());
  if (!built) {
    return fail(built.error());
  }
  return Certificate(*built);
}

}  // namespace samlt::core
