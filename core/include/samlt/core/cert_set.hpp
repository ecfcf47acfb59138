// SPDX-License-Identifier: Apache-2.0
// The test certificate set: every key and certificate the scenarios need, generated on demand
// into a folder with a manifest.json naming each one's role. TEST-ONLY material.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::core {

// One generated pair. Files are relative to the set's folder.
struct CertSetEntry {
  std::string role;          // "idp-signing", "idp-rogue", ...
  std::string key_file;      // "idp-signing.key"
  std::string certificate_file;  // "idp-signing.crt"
  std::string purpose;       // one line for people
};

// The roles, in manifest order:
//   idp-signing (valid 3 years, CN "Microsoft Azure Federated SSO Certificate"),
//   idp-signing-next (rollover: same subject, other key), idp-signing-expired,
//   idp-signing-not-yet-valid, idp-rogue (same subject, attacker's key), idp-weak (RSA-1024),
//   idp-sha1 (certificate signed with SHA-1), sp-signing, sp-encryption,
//   tls-loopback (CN localhost, SAN localhost/127.0.0.1/::1), idp-encryption (an IdP
//   encryption-only key), test-ca (a certificate authority) and idp-ca-issued (the IdP's subject,
//   issued by test-ca), idp2-signing (a second IdP), sp-encryption-next (the SP's second
//   decryption key).
std::span<const std::string_view> cert_set_roles();

class CertSet {
 public:
  CertSet() = default;
  CertSet(std::filesystem::path dir, std::vector<CertSetEntry> entries)
      : m_dir(std::move(dir)), m_entries(std::move(entries)) {}

  const std::filesystem::path& dir() const { return m_dir; }
  const std::vector<CertSetEntry>& entries() const { return m_entries; }

  // nullptr when `role` is not in the set.
  const CertSetEntry* find(std::string_view role) const;
  std::filesystem::path key_path(std::string_view role) const;          // REQUIRES: find(role)
  std::filesystem::path certificate_path(std::string_view role) const;  // REQUIRES: find(role)
  Result<Credential> credential(std::string_view role) const;  // config.invalid for an unknown role

 private:
  std::filesystem::path m_dir;
  std::vector<CertSetEntry> m_entries;
};

// Generates every role into `dir` (created if needed), validity windows relative to `now`, and
// writes manifest.json last, so a folder with a manifest is always complete. Keys are written
// with mode 0600. Fails with io.write_failed or key.generation_failed.
Result<CertSet> generate_cert_set(const std::filesystem::path& dir, TimePoint now);

// Reads `dir`/manifest.json. Fails with io.read_failed or config.invalid (detail names the field).
Result<CertSet> load_cert_set(const std::filesystem::path& dir);

}  // namespace samlt::core
