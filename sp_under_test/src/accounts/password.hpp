// SPDX-License-Identifier: Apache-2.0
// Password hashes for local accounts: PBKDF2-HMAC-SHA256 (OpenSSL) with a random salt.
#pragma once

#include <string>
#include <string_view>

namespace samlt::sp {

// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
std::string hash_password(std::string_view password);

// True when `password` matches `stored` (constant-time compare). False for an empty or
// malformed `stored`.
bool verify_password(std::string_view password, std::string_view stored);

}  // namespace samlt::sp
