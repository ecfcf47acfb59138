// SPDX-License-Identifier: Apache-2.0
// Keys and certificates: a generated certificate set (by role) and named key/certificate files.
#include "config/config_parts.hpp"
#include "samlt/core/cert_set.hpp"

namespace samlt::idp::config {
namespace {

NamedCredential load_named(const std::filesystem::path& key_file,
                           const std::filesystem::path& cert_file, std::string_view source,
                           const std::string& pointer) {
  NamedCredential named{{}, key_file, cert_file};
  auto certificate = core::load_certificate_file(cert_file);
  if (!certificate) {
    config_fail(source, pointer,
                "a readable PEM certificate file (" + certificate.error().detail + ")");
  }
  named.credential.certificate = *certificate;
  if (key_file.empty()) {
    return named;
  }
  auto key = core::load_private_key_file(key_file);
  if (!key) {
    config_fail(source, pointer, "a readable PEM private key file (" + key.error().detail + ")");
  }
  if (!certificate->matches(*key)) {
    config_fail(source, pointer, "a private key that belongs to the certificate");
  }
  named.credential.key = *key;
  return named;
}

}  // namespace

void read_credentials(ObjectReader& top, const std::filesystem::path& base_dir, IdpConfig& config) {
  if (auto dir = top.optional_string("cert_set")) {
    auto set = core::load_cert_set(resolve_path(base_dir, *dir));
    if (!set) {
      top.fail("cert_set",
               "a folder holding manifest.json (generate it with `idp_sim certs --out "
               "DIR`): " +
                   set.error().detail);
    }
    for (const auto& entry : set->entries()) {
      config.credential_files[entry.role] =
          load_named(set->key_path(entry.role), set->certificate_path(entry.role), top.source(),
                     top.pointer("cert_set"));
    }
  }
  if (const nlohmann::json* named = top.find("credentials")) {
    ObjectReader map(*named, top.pointer("credentials"), top.source());
    for (const auto& [name, value] : named->items()) {
      if (name == "$comment") {
        continue;
      }
      ObjectReader entry(value, map.pointer(name), top.source());
      auto key = entry.optional_string("key");
      std::string cert = entry.string("certificate");
      entry.finish();
      config.credential_files[name] =
          load_named(key ? resolve_path(base_dir, *key) : std::filesystem::path(),
                     resolve_path(base_dir, cert), top.source(), entry.pointer());
    }
  }
  for (const auto& [name, named] : config.credential_files) {
    config.credentials[name] = named.credential;
  }
}

const NamedCredential& credential_named(const IdpConfig& config, std::string_view source,
                                        const std::string& pointer, const std::string& name) {
  auto it = config.credential_files.find(name);
  if (it == config.credential_files.end()) {
    std::string known;
    for (const auto& [known_name, unused] : config.credential_files) {
      known += (known.empty() ? "" : ", ") + known_name;
    }
    config_fail(source, pointer,
                "the name of a credential from cert_set or credentials (known: " + known + ")");
  }
  return it->second;
}

std::vector<SigningCertificate> read_signing_certificates(ObjectReader& parent,
                                                          const IdpConfig& config, bool required) {
  std::vector<SigningCertificate> out;
  const nlohmann::json* list = parent.find("signing_certificates");
  if (list == nullptr || (list->is_array() && list->empty())) {
    if (required) {
      parent.fail("signing_certificates", "a non-empty array of signing certificates");
    }
    return out;
  }
  if (!list->is_array()) {
    parent.fail("signing_certificates", "an array of signing certificates");
  }
  int active = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader entry((*list)[i], child_pointer(parent.pointer("signing_certificates"), i),
                       parent.source());
    SigningCertificate cert;
    cert.name = entry.string("credential");
    const auto& named =
        credential_named(config, entry.source(), entry.pointer("credential"), cert.name);
    if (!named.credential.key) {
      entry.fail("credential", "a credential with a private key (a signing certificate signs)");
    }
    cert.credential = named.credential;
    cert.active = entry.choice_or<bool>("status", {{"active", true}, {"inactive", false}}, false);
    cert.advertise = entry.boolean_or("advertise", cert.active);
    entry.finish();
    active += cert.active ? 1 : 0;
    out.push_back(std::move(cert));
  }
  if (active != 1) {
    parent.fail("signing_certificates", "exactly one certificate with \"status\": \"active\"");
  }
  return out;
}

}  // namespace samlt::idp::config
