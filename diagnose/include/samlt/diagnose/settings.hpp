// SPDX-License-Identifier: Apache-2.0
// What a diagnosis checks against: the SP's settings (the reference SP's configuration file, or
// any SP's metadata) and the IdP's federation metadata, each with where it came from.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/sp/policy.hpp"
#include "samlt/sp/sp_config.hpp"
#include "samlt/sp/trust.hpp"

#include <memory>
#include <string>
#include <vector>

namespace samlt::diagnose {

struct SpSettings {
  std::string entity_id;       // the Audience it expects; empty: unknown
  std::string entity_id_from;  // "--sp-config FILE", "--sp-metadata FILE", "the AuthnRequest's Issuer"
  std::string acs_url;         // Destination and Recipient; empty: unknown
  std::string acs_url_from;
  std::string base_url;        // RelayState origins
  sp::Policy policy;           // the reference SP's defaults unless --sp-config gives its own
  sp::RelayStateRules relay_state;
  std::vector<core::PrivateKey> decryption_keys;
  bool policy_given = false;   // from --sp-config, not the defaults
};

struct IdpSettings {
  sp::TrustStore trust;  // empty: no IdP certificate known, signatures can't be checked
  std::string from;      // "--idp-metadata FILE", "--sp-config FILE (trusted_idps)"
};

// --entra-app: the Entra tenant and its enterprise apps, in idp_sim's configuration format, that
// captured AuthnRequests are checked against the way idp_sim's Entra checks them.
struct EntraSettings {
  std::shared_ptr<const idp::Idp> tenant;  // null: no AuthnRequest is checked
  std::string from;
};

// A file path or an http(s) URL's content (URLs through the SP's metadata fetcher).
core::Result<std::string> read_source(const std::string& file_or_url);

// --sp-config: the reference SP's configuration file, with its trusted IdPs that name a metadata
// file or a certificate file. Throws core::Fatal for a bad file, as sp_under_test does.
void apply_sp_config(const std::string& file, SpSettings& sp, IdpSettings& idp);

// --sp-metadata: an SP's EntityDescriptor: entityID and the HTTP-POST AssertionConsumerService
// (isDefault, else the lowest index, else the first). Fails with metadata.invalid naming what is
// missing, or xml.* for a document that does not parse.
core::Result<void> apply_sp_metadata(const std::string& file_or_url, SpSettings& sp);

// --idp-metadata: the IdP's federation metadata (Entra's app metadata or any IdP's).
core::Result<void> apply_idp_metadata(const std::string& file_or_url, IdpSettings& idp);

// --entra-app FILE: an idp_sim configuration (`idp_sim serve --config`'s format: tenant_id, apps,
// credentials) or one of its apps[] entries alone (without credentials: no verification
// certificates). When no IdP certificate is known yet, the tenant's signing certificates become
// the trusted IdP. Fails with config.invalid naming the file, the JSON pointer and what was
// expected.
core::Result<void> apply_entra_app(const std::string& file, EntraSettings& entra, IdpSettings& idp);

// --sp-key: a PEM private key the SP decrypts EncryptedAssertions with.
core::Result<void> apply_sp_key(const std::string& file, SpSettings& sp);

}  // namespace samlt::diagnose
