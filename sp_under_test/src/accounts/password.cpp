// SPDX-License-Identifier: Apache-2.0
#include "accounts/password.hpp"

#include "samlt/core/random.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <vector>

namespace samlt::sp {
namespace {

constexpr int k_iterations = 60000;
constexpr std::size_t k_hash_bytes = 32;

std::string derive(std::string_view password, std::string_view salt, int iterations) {
  std::string out(k_hash_bytes, '\0');
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                    reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                    iterations, EVP_sha256(), static_cast<int>(out.size()),
                    reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string_view::npos; at = text.find(separator, start)) {
    parts.emplace_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

std::string from_hex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
  std::string salt = core::random_bytes(16);
  return "pbkdf2-sha256$" + std::to_string(k_iterations) + "$" + core::to_hex(salt) + "$" +
         core::to_hex(derive(password, salt, k_iterations));
}

bool verify_password(std::string_view password, std::string_view stored) {
  auto parts = split(stored, '$');
  if (parts.size() != 4 || parts[0] != "pbkdf2-sha256" || parts[3].size() != k_hash_bytes * 2) {
    return false;
  }
  try {
    int iterations = std::stoi(parts[1]);
    if (iterations < 1000) {
      return false;
    }
    std::string expected = from_hex(parts[3]);
    std::string actual = derive(password, from_hex(parts[2]), iterations);
    return CRYPTO_memcmp(expected.data(), actual.data(), k_hash_bytes) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace samlt::sp
