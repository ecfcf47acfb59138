// SPDX-License-Identifier: Apache-2.0
// The SP's configuration file (JSON, strict): who the SP is, its keys, its policy, and the IdPs
// and accounts it seeds into its database at start.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/sp/policy.hpp"
#include "samlt/sp/store.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp {

// An IdP to trust at start. Exactly one source: metadata_url (fetched at start and retried in the
// background while the IdP is not up yet), metadata_file, or the manual trio entity_id + sso_url +
// certificate_file.
struct TrustedIdpSeed {
  std::string name;
  bool enabled = true;
  std::string metadata_url;
  std::filesystem::path metadata_file;
  std::string entity_id;
  std::string sso_url;
  std::string slo_url;
  std::filesystem::path certificate_file;
};

// A local account. `idp` names the IdP whose sign-ins map to it; `password` (plain text in the
// config, stored hashed) enables /login.
struct AccountSeed {
  std::string email;
  std::string display_name;
  std::string role = "user";
  bool enabled = true;
  bool sso_enabled = true;
  std::string idp;
  std::string password;
};

// Where RelayState may send the browser after sign-in (attack-catalogue BIND-RELAYSTATE-REDIRECT):
// a local path under one of `allowed_paths`, or an absolute URL whose origin is listed.
struct RelayStateRules {
  std::vector<std::string> allowed_paths{"/"};
  std::vector<std::string> allowed_origins;
};

struct SpConfig {
  std::filesystem::path file;  // the file it was loaded from; empty when built in code
  std::string entity_id = "urn:samlt:sp:reference";
  std::string base_url;        // empty: http://<host>:<port> as actually bound
  std::string host = "127.0.0.1";
  int port = 8081;
  std::filesystem::path database;  // absolute after loading
  Durability database_durability = Durability::process_crash;  // store.hpp
  core::Credential signing;        // signs AuthnRequests, LogoutRequests and the SP metadata
  core::Credential encryption;     // decrypts EncryptedAssertion
  // A second decryption key during a rollover (SAML2int IIP-SP08): tried after `encryption`, and
  // published in the SP metadata as a second KeyDescriptor use="encryption".
  std::optional<core::Credential> encryption_next;
  bool sign_authn_requests = true;
  RelayStateRules relay_state;
  std::chrono::seconds session_lifetime{8 * 3600};
  Policy policy;
  std::vector<TrustedIdpSeed> trusted_idps;
  std::vector<AccountSeed> accounts;

  // base_url, or http://host:port when it is empty; never ends in '/'.
  std::string effective_base_url() const;
  std::string acs_url() const;       // base + /saml/acs
  std::string slo_url() const;       // base + /saml/slo
  std::string metadata_url() const;  // base + /saml/metadata
};

// Loads and checks `file`. Unknown keys are refused; relative paths are resolved against the
// file's folder; credentials are loaded. Throws core::Fatal "<file>: <json pointer>: <expected>".
SpConfig load_sp_config(const std::filesystem::path& file);

// True for 127.0.0.1 (any 127/8 address), ::1 and localhost: the only hosts the server binds.
bool is_loopback_host(std::string_view host);

}  // namespace samlt::sp
