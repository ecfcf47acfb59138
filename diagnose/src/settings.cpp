// SPDX-License-Identifier: Apache-2.0
// Loading the SP's and the IdP's settings for a diagnosis.
#include "samlt/diagnose/settings.hpp"

#include "samlt/core/clock.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/authn_request_check.hpp"
#include "samlt/sp/metadata_fetch.hpp"
#include "samlt/sp/metadata_import.hpp"

#include <nlohmann/json.hpp>

namespace samlt::diagnose {
namespace {

constexpr std::string_view k_ns_metadata = "urn:oasis:names:tc:SAML:2.0:metadata";

bool is_url(const std::string& text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

core::Result<sp::TrustedIdp> trusted_from_metadata(const std::string& name, const std::string& xml) {
  auto metadata = sp::parse_idp_metadata(xml, core::SystemClock().now());
  if (!metadata) {
    return core::fail(metadata.error());
  }
  sp::TrustedIdp idp;
  idp.name = name;
  idp.entity_id = metadata->entity_id;
  idp.sso_url = metadata->sso_url;
  idp.slo_url = metadata->slo_url;
  idp.signing_certificates = metadata->signing_certificates;
  idp.want_authn_requests_signed = metadata->want_authn_requests_signed;
  return idp;
}

}  // namespace

core::Result<std::string> read_source(const std::string& file_or_url) {
  auto content = is_url(file_or_url) ? sp::fetch_metadata(file_or_url) : core::read_file(file_or_url);
  if (!content) {
    return core::fail(content.error().reason, file_or_url + ": " + content.error().detail);
  }
  return content;
}

void apply_sp_config(const std::string& file, SpSettings& sp, IdpSettings& idp) {
  sp::SpConfig config = sp::load_sp_config(file);
  std::string from = "--sp-config " + file;
  sp.entity_id = config.entity_id;
  sp.entity_id_from = from;
  sp.acs_url = config.acs_url();
  sp.acs_url_from = from;
  sp.base_url = config.effective_base_url();
  sp.policy = config.policy;
  sp.policy_given = true;
  sp.relay_state = config.relay_state;
  sp.decryption_keys.push_back(config.encryption.key);
  if (config.encryption_next) {
    sp.decryption_keys.push_back(config.encryption_next->key);
  }
  for (const sp::TrustedIdpSeed& seed : config.trusted_idps) {
    if (!seed.metadata_file.empty()) {
      auto xml = core::read_file(seed.metadata_file);
      if (!xml) {
        throw core::Fatal(file + ": trusted IdP '" + seed.name + "': " + xml.error().detail);
      }
      auto trusted = trusted_from_metadata(seed.name, *xml);
      if (!trusted) {
        throw core::Fatal(file + ": trusted IdP '" + seed.name + "': " + seed.metadata_file.string() + ": " +
                          trusted.error().detail);
      }
      trusted->enabled = seed.enabled;
      idp.trust.push_back(std::move(*trusted));
    } else if (!seed.certificate_file.empty()) {
      auto certificate = core::load_certificate_file(seed.certificate_file);
      if (!certificate) {
        throw core::Fatal(file + ": trusted IdP '" + seed.name + "': " + certificate.error().detail);
      }
      idp.trust.push_back({seed.name, seed.entity_id, seed.sso_url, seed.slo_url, {*certificate}, seed.enabled, false});
    }
    // A metadata_url is fetched only when the SP starts; give --idp-metadata for it here.
  }
  if (!idp.trust.empty() && idp.from.empty()) {
    idp.from = from + " (trusted_idps)";
  }
}

core::Result<void> apply_sp_metadata(const std::string& file_or_url, SpSettings& sp) {
  auto xml = read_source(file_or_url);
  if (!xml) {
    return core::fail(xml.error());
  }
  std::string_view bytes = *xml;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  auto doc = core::parse_strict(bytes);
  if (!doc) {
    return core::fail(doc.error().reason, file_or_url + ": " + doc.error().detail);
  }
  auto invalid = [&](const std::string& why) {
    return core::fail(core::Reason::metadata_invalid, file_or_url + ": " + why);
  };
  xmlNode* entity = doc->root();
  if (!core::is_element(entity, k_ns_metadata, "EntityDescriptor")) {
    auto all = core::descendants_named(entity, k_ns_metadata, "EntityDescriptor");
    entity = nullptr;
    for (xmlNode* candidate : all) {
      if (core::child_named(candidate, k_ns_metadata, "SPSSODescriptor") != nullptr) {
        entity = candidate;
        break;
      }
    }
    if (entity == nullptr) {
      return invalid("expected an md:EntityDescriptor with an md:SPSSODescriptor");
    }
  }
  auto entity_id = core::attribute(entity, "entityID");
  if (!entity_id || entity_id->empty()) {
    return invalid("the EntityDescriptor has no entityID");
  }
  xmlNode* descriptor = core::child_named(entity, k_ns_metadata, "SPSSODescriptor");
  if (descriptor == nullptr) {
    return invalid("the EntityDescriptor has no SPSSODescriptor");
  }
  // saml-metadata §2.2.3: isDefault wins, else the lowest index, else document order.
  xmlNode* chosen = nullptr;
  long chosen_index = 0;
  for (xmlNode* acs : core::children_named(descriptor, k_ns_metadata, "AssertionConsumerService")) {
    if (core::attribute(acs, "Binding").value_or("") != core::names::binding_post) {
      continue;
    }
    if (core::attribute(acs, "isDefault").value_or("") == "true") {
      chosen = acs;
      break;
    }
    long index = std::strtol(core::attribute(acs, "index").value_or("0").c_str(), nullptr, 10);
    if (chosen == nullptr || index < chosen_index) {
      chosen = acs;
      chosen_index = index;
    }
  }
  if (chosen == nullptr || core::attribute(chosen, "Location").value_or("").empty()) {
    return invalid("the SPSSODescriptor has no HTTP-POST AssertionConsumerService with a Location");
  }
  std::string from = "--sp-metadata " + file_or_url;
  sp.entity_id = *entity_id;
  sp.entity_id_from = from;
  sp.acs_url = *core::attribute(chosen, "Location");
  sp.acs_url_from = from;
  if (core::attribute(descriptor, "WantAssertionsSigned").value_or("") == "true" && !sp.policy_given) {
    sp.policy.required_signatures = sp::RequiredSignatures::assertion;
  }
  return {};
}

core::Result<void> apply_idp_metadata(const std::string& file_or_url, IdpSettings& idp) {
  auto xml = read_source(file_or_url);
  if (!xml) {
    return core::fail(xml.error());
  }
  auto trusted = trusted_from_metadata("idp-metadata", *xml);
  if (!trusted) {
    return core::fail(trusted.error().reason, file_or_url + ": " + trusted.error().detail);
  }
  idp.trust = {std::move(*trusted)};  // the metadata given wins over the config's IdPs
  idp.from = "--idp-metadata " + file_or_url;
  return {};
}

core::Result<void> apply_entra_app(const std::string& file, EntraSettings& entra, IdpSettings& idp) {
  auto text = core::read_file(file);
  if (!text) {
    return core::fail(text.error().reason, file + ": " + text.error().detail);
  }
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return core::fail(core::Reason::config_invalid,
                      file + ": /: expected a JSON object: an idp_sim configuration or one apps[] entry");
  }
  std::filesystem::path folder = std::filesystem::path(file).parent_path();
  idp::IdpConfig config;
  if (json.contains("tenant_id")) {
    auto read = idp::idp_config_from_json(json, file, folder.empty() ? "." : folder);
    if (!read) {
      return core::fail(read.error());
    }
    config = std::move(*read);
  } else {
    // One app alone: a tenant with no credentials around it.
    config.source = file;
    config.tenant_id = "00000000-0000-0000-0000-000000000000";
    config.tenant_name = "(the tenant of " + file + ")";
    auto app = idp::app_from_json(json, "", config);
    if (!app) {
      return core::fail(app.error());
    }
    config.apps.push_back(std::move(*app));
  }
  if (config.apps.empty()) {
    return core::fail(core::Reason::config_invalid, file + ": /apps: expected at least one enterprise application");
  }
  entra.tenant = std::make_shared<const idp::Idp>(std::move(config));
  entra.from = "--entra-app " + file;
  if (idp.trust.empty()) {
    sp::TrustedIdp trusted;
    trusted.name = "entra-app";
    trusted.entity_id = entra.tenant->issuer();
    trusted.sso_url = idp::saml_endpoint_url(*entra.tenant);
    auto add = [&](const std::vector<idp::SigningCertificate>& certificates) {
      for (const auto& certificate : certificates) {
        trusted.signing_certificates.push_back(certificate.credential.certificate);
      }
    };
    add(entra.tenant->config().signing_certificates);
    for (const auto& app : entra.tenant->config().apps) {
      add(app.signing_certificates);
    }
    if (!trusted.signing_certificates.empty()) {
      idp.trust = {std::move(trusted)};
      idp.from = entra.from + " (the tenant's signing certificates)";
    }
  }
  return {};
}

core::Result<void> apply_sp_key(const std::string& file, SpSettings& sp) {
  auto key = core::load_private_key_file(file);
  if (!key) {
    return core::fail(key.error().reason, file + ": " + key.error().detail);
  }
  sp.decryption_keys.insert(sp.decryption_keys.begin(), std::move(*key));
  return {};
}

}  // namespace samlt::diagnose
