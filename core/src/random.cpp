// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/random.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace samlt::core {

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    // The CSPRNG failing is not an expected failure any caller could handle: unwind.
    throw std::runtime_error("RAND_bytes failed");
  }
  return out;
}

std::string to_hex(std::string_view bytes) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += k_digits[c >> 4];
    out += k_digits[c & 0x0f];
  }
  return out;
}

namespace {

std::string format_guid(std::string bytes) {
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string hex = to_hex(bytes);
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

}  // namespace

std::string new_guid() { return format_guid(random_bytes(16)); }

std::string new_saml_id() { return "_" + new_guid(); }

std::string new_assertion_id() {
  std::string bytes = random_bytes(16);
  bytes[15] = '\0';
  return "_" + format_guid(std::move(bytes));
}

}  // namespace samlt::core
