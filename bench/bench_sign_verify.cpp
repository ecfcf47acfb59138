// SPDX-License-Identifier: Apache-2.0
// Signs and verifies an Entra-sized signed Response with core, and measures raw OpenSSL RSA-2048
// SHA-256 sign/verify in the same run. The ratios say how much of the cost is XML work (canonical
// form, digests, DOM) on top of the RSA operation that bounds it.
#include "entra_response.hpp"

#include "samlt/core/cert_set.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmldsig.hpp"

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

using namespace samlt;
using Clock = std::chrono::steady_clock;

namespace {

// Runs `op` repeatedly for about `seconds` and returns operations per second.
double ops_per_second(const std::function<bool()>& op, double seconds) {
  long count = 0;
  auto start = Clock::now();
  auto until = start + std::chrono::duration<double>(seconds);
  while (Clock::now() < until) {
    if (!op()) {
      std::fprintf(stderr, "benchmark operation failed\n");
      std::exit(1);
    }
    ++count;
  }
  return static_cast<double>(count) / std::chrono::duration<double>(Clock::now() - start).count();
}

bool openssl_sign(EVP_PKEY* key, const std::string& data, std::string& signature) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t len = 512;
  signature.resize(len);
  bool ok = EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
            EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &len,
                           reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  signature.resize(len);
  EVP_MD_CTX_free(ctx);
  return ok;
}

bool openssl_verify(EVP_PKEY* key, const std::string& data, const std::string& signature) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                             reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::stod(argv[1]) : 2.0;
  auto dir = std::filesystem::temp_directory_path() / ("samlt-bench-" + core::to_hex(core::random_bytes(4)));
  auto set = core::generate_cert_set(dir, core::SystemClock().now());
  auto signer = set ? set->credential("idp-signing") : core::Result<core::Credential>(core::fail(core::Reason::internal_error));
  if (!signer) {
    std::fprintf(stderr, "cannot create keys: %s\n", signer.error().detail.c_str());
    return 1;
  }
  std::vector<core::Certificate> trusted{signer->certificate};

  auto unsigned_response = bench::make_entra_response();
  auto sample = unsigned_response.doc.clone();
  core::sign_enveloped(sample, core::descendants_named(sample.root(), core::names::ns_assertion, "Assertion").front(), *signer);
  const std::string wire = core::serialize(sample);

  auto sign_once = [&] {
    auto doc = unsigned_response.doc.clone();
    xmlNode* assertion = core::descendants_named(doc.root(), core::names::ns_assertion, "Assertion").front();
    return core::sign_enveloped(doc, assertion, *signer).has_value();
  };
  auto verify_once = [&] {  // what an SP does: parse the wire form, then verify
    auto doc = core::parse_strict(wire);
    xmlNode* assertion = doc ? core::child_named(doc->root(), core::names::ns_assertion, "Assertion") : nullptr;
    auto signature = core::enveloped_signature_of(assertion);
    return signature && *signature && core::verify_enveloped(*doc, *signature, trusted).has_value();
  };
  auto parse_once = [&] { return core::parse_strict(wire).has_value(); };  // the XML share of verify_once
  // Raw RSA over a SignedInfo-sized input (the only thing an XML signature actually signs).
  const std::string signed_info(420, 'x');
  std::string raw_signature;
  openssl_sign(signer->key.get(), signed_info, raw_signature);

  double core_sign = ops_per_second(sign_once, seconds);
  double core_verify = ops_per_second(verify_once, seconds);
  double core_parse = ops_per_second(parse_once, seconds);
  double raw_sign = ops_per_second([&] { return openssl_sign(signer->key.get(), signed_info, raw_signature); }, seconds);
  double raw_verify = ops_per_second([&] { return openssl_verify(signer->certificate.public_key(), signed_info, raw_signature); }, seconds);

  std::printf("Entra-shaped signed Response: %zu bytes XML (%zu bytes as the base64 SAMLResponse)\n", wire.size(),
              (wire.size() + 2) / 3 * 4);
  std::printf("%-44s %12s\n", "operation", "ops/s");
  std::printf("%-44s %12.0f\n", "core sign_enveloped (assertion, RSA-SHA256)", core_sign);
  std::printf("%-44s %12.0f\n", "core parse_strict + verify_enveloped", core_verify);
  std::printf("%-44s %12.0f\n", "  of which parse_strict alone", core_parse);
  std::printf("%-44s %12.0f\n", "OpenSSL RSA-2048 SHA-256 sign", raw_sign);
  std::printf("%-44s %12.0f\n", "OpenSSL RSA-2048 SHA-256 verify", raw_verify);
  std::printf("ratio sign   (core / raw OpenSSL): %.3f\n", core_sign / raw_sign);
  std::printf("ratio verify (core / raw OpenSSL): %.3f\n", core_verify / raw_verify);
  std::filesystem::remove_all(dir);
  return 0;
}
