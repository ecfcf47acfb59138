// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/cert_set.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>

namespace samlt::core {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr std::string_view k_entra_cn = "Microsoft Azure Federated SSO Certificate";

// Calendar years, as the Entra portal computes "three years from now" (negative: years before).
TimePoint plus_years(TimePoint at, int years) {
  auto day_point = std::chrono::floor<days>(at);
  std::chrono::year_month_day date(day_point);
  date += std::chrono::years(years);
  if (!date.ok()) {
    date = date.year() / date.month() / std::chrono::last;  // 29 February
  }
  return std::chrono::sys_days(date) + (at - day_point);
}

enum class Edge { not_before, not_after };

struct RoleSpec {
  std::string_view role;
  std::string_view purpose;
  std::string_view common_name;
  int key_bits;
  CertDigest digest;
  Edge anchored;        // which end of the window offset_days places
  int offset_days;      // that end, relative to now
  int valid_years;      // length of the window in calendar years
  bool tls;
  bool ca;                 // a certificate authority (basicConstraints CA:TRUE)
  std::string_view issuer;  // the role (earlier in the table) that issues it; empty: self-signed
};

// Windows are chosen so that the clock skew a test may apply (minutes) never flips a verdict.
constexpr RoleSpec k_roles[] = {
    {"idp-signing", "IdP SAML signing certificate (active, valid 3 years)", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"idp-signing-next", "IdP next signing certificate (rollover, inactive)", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"idp-signing-expired", "IdP signing certificate that expired 30 days ago", k_entra_cn, 2048, CertDigest::sha256, Edge::not_after, -30, 3, false, false, ""},
    {"idp-signing-not-yet-valid", "IdP signing certificate valid only from 30 days from now", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 30, 3, false, false, ""},
    {"idp-rogue", "attacker's certificate: same subject as the IdP's, another key", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"idp-weak", "IdP signing certificate with a weak RSA-1024 key", k_entra_cn, 1024, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"idp-sha1", "IdP signing certificate itself signed with SHA-1", k_entra_cn, 2048, CertDigest::sha1, Edge::not_before, 0, 3, false, false, ""},
    {"sp-signing", "reference SP signing certificate (signed AuthnRequests)", "samlt reference SP signing", 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"sp-encryption", "reference SP encryption certificate (EncryptedAssertion)", "samlt reference SP encryption", 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"tls-loopback", "TLS server certificate for localhost, 127.0.0.1 and ::1", "localhost", 2048, CertDigest::sha256, Edge::not_before, 0, 1, true, false, ""},
    {"idp-encryption", "IdP encryption-only certificate (KeyDescriptor use=\"encryption\"): must never verify a signature", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"test-ca", "a test certificate authority an SP might happen to trust (never trusted by the reference SP)", "samlt Test Root CA", 2048, CertDigest::sha256, Edge::not_before, 0, 5, false, true, ""},
    {"idp-ca-issued", "attacker's certificate with the IdP's subject, issued by test-ca", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, "test-ca"},
    {"idp2-signing", "signing certificate of a second IdP (another tenant) that an SP may also trust", k_entra_cn, 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
    {"sp-encryption-next", "reference SP second encryption certificate (decryption key rollover)", "samlt reference SP encryption next", 2048, CertDigest::sha256, Edge::not_before, 0, 3, false, false, ""},
};

constexpr auto k_role_names = [] {
  std::array<std::string_view, std::size(k_roles)> names{};
  for (std::size_t i = 0; i < names.size(); ++i) {
    names[i] = k_roles[i].role;
  }
  return names;
}();

}  // namespace

std::span<const std::string_view> cert_set_roles() { return k_role_names; }

const CertSetEntry* CertSet::find(std::string_view role) const {
  for (const auto& entry : m_entries) {
    if (entry.role == role) {
      return &entry;
    }
  }
  return nullptr;
}

std::filesystem::path CertSet::key_path(std::string_view role) const {
  return m_dir / find(role)->key_file;
}

std::filesystem::path CertSet::certificate_path(std::string_view role) const {
  return m_dir / find(role)->certificate_file;
}

Result<Credential> CertSet::credential(std::string_view role) const {
  if (find(role) == nullptr) {
    return fail(Reason::config_invalid, "certificate set has no role '" + std::string(role) + "'");
  }
  return load_credential(key_path(role), certificate_path(role));
}

Result<CertSet> generate_cert_set(const std::filesystem::path& dir, TimePoint now) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return fail(Reason::io_write_failed, dir.string() + ": " + ec.message());
  }
  // A stale manifest must not describe a half-regenerated folder.
  std::filesystem::remove(dir / "manifest.json", ec);

  auto now_s = std::chrono::floor<std::chrono::seconds>(now);
  nlohmann::json manifest = {{"generated_at", format_datetime(now)},
                             {"note", "TEST-ONLY keys and certificates; regenerate with `idp_sim certs --out DIR`"},
                             {"entries", nlohmann::json::array()}};
  std::vector<CertSetEntry> entries;
  std::map<std::string_view, Credential> issuers;  // the CAs generated so far, by role
  for (const auto& spec : k_roles) {
    auto key = generate_rsa_key(spec.key_bits);
    if (!key) {
      return fail(key.error());
    }
    CertificateSpec cert_spec;
    cert_spec.common_name = std::string(spec.common_name);
    if (spec.anchored == Edge::not_after) {
      cert_spec.not_after = now_s + days(spec.offset_days);
      cert_spec.not_before = plus_years(cert_spec.not_after, -spec.valid_years);
    } else {
      // A certificate valid from "now" starts an hour back, so a verifier a little behind still accepts it.
      cert_spec.not_before = now_s + days(spec.offset_days) - hours(spec.offset_days == 0 ? 1 : 0);
      cert_spec.not_after = plus_years(cert_spec.not_before, spec.valid_years);
    }
    cert_spec.digest = spec.digest;
    cert_spec.certificate_authority = spec.ca;
    if (spec.tls) {
      cert_spec.dns_names = {"localhost"};
      cert_spec.ip_addresses = {"127.0.0.1", "::1"};
    }
    auto issuer = issuers.find(spec.issuer);
    if (!spec.issuer.empty() && issuer == issuers.end()) {
      return fail(Reason::key_generation_failed, "role " + std::string(spec.role) + ": issuer " +
                                                     std::string(spec.issuer) + " is not a CA generated before it");
    }
    auto cert = spec.issuer.empty() ? make_self_signed(*key, cert_spec) : make_issued(*key, cert_spec, issuer->second);
    if (!cert) {
      return fail(cert.error());
    }
    if (spec.ca) {
      issuers[spec.role] = Credential{*key, *cert};
    }
    CertSetEntry entry{std::string(spec.role), std::string(spec.role) + ".key",
                       std::string(spec.role) + ".crt", std::string(spec.purpose)};
    if (auto written = write_file_atomic(dir / entry.key_file, key->pem(), 0600); !written) {
      return fail(written.error());
    }
    if (auto written = write_file_atomic(dir / entry.certificate_file, cert->pem()); !written) {
      return fail(written.error());
    }
    manifest["entries"].push_back({{"role", entry.role},
                                   {"key", entry.key_file},
                                   {"certificate", entry.certificate_file},
                                   {"purpose", entry.purpose},
                                   {"subject", cert->subject()},
                                   {"not_before", format_datetime(cert->not_before())},
                                   {"not_after", format_datetime(cert->not_after())},
                                   {"key_bits", key->bits()},
                                   {"signature_digest", cert->signature_digest()},
                                   {"thumbprint_sha1", cert->thumbprint_sha1()}});
    entries.push_back(std::move(entry));
  }
  if (auto written = write_file_atomic(dir / "manifest.json", manifest.dump(2) + "\n"); !written) {
    return fail(written.error());
  }
  return CertSet(dir, std::move(entries));
}

Result<CertSet> load_cert_set(const std::filesystem::path& dir) {
  auto text = read_file(dir / "manifest.json");
  if (!text) {
    return fail(text.error());
  }
  std::string where = (dir / "manifest.json").string();
  auto manifest = nlohmann::json::parse(*text, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("entries") ||
      !manifest["entries"].is_array()) {
    return fail(Reason::config_invalid, where + ": /entries: expected an array of entries");
  }
  std::vector<CertSetEntry> entries;
  for (std::size_t i = 0; i < manifest["entries"].size(); ++i) {
    const auto& item = manifest["entries"][i];
    CertSetEntry entry;
    for (auto [field, target] : {std::pair<const char*, std::string*>{"role", &entry.role},
                                 {"key", &entry.key_file},
                                 {"certificate", &entry.certificate_file},
                                 {"purpose", &entry.purpose}}) {
      if (!item.is_object() || !item.contains(field) || !item[field].is_string()) {
        return fail(Reason::config_invalid, where + ": /entries/" + std::to_string(i) + "/" + field +
                                                ": expected a string");
      }
      *target = item[field].get<std::string>();
    }
    entries.push_back(std::move(entry));
  }
  return CertSet(dir, std::move(entries));
}

}  // namespace samlt::core
