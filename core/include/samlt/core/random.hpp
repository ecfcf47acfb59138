// SPDX-License-Identifier: Apache-2.0
// Random identifiers from OpenSSL's CSPRNG: GUIDs and SAML IDs in Entra's shapes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samlt::core {

// `n` cryptographically random bytes.
std::string random_bytes(std::size_t n);

// A lower-case hyphenated version-4 GUID: "153a6044-7238-4332-a492-bf2594a69402".
std::string new_guid();

// "_" + new_guid(): the shape of Entra's Response IDs (entra-spec §1.3). Valid xs:ID (NCName).
std::string new_saml_id();

// Entra's Assertion IDs look like its sign-in request ids: a GUID whose last byte is 00.
std::string new_assertion_id();

// Lower-case hex of `bytes`.
std::string to_hex(std::string_view bytes);

}  // namespace samlt::core
