// SPDX-License-Identifier: Apache-2.0
#include "target_resolve.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/runner/browser.hpp"
#include "samlt/runner/policies.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <climits>

namespace samlt::runner {
namespace {

namespace n = core::names;

auto metadata_invalid(std::string why) { return core::fail(core::Reason::metadata_invalid, std::move(why)); }

void flatten(const nlohmann::json& json, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (const auto& [key, value] : json.items()) {
    std::string name = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) {
      flatten(value, name, out);
    } else {
      out[name] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  }
}

core::Result<std::string> read_metadata(const Target& target, double timeout_seconds) {
  if (target.metadata_file) {
    return core::read_file(*target.metadata_file);
  }
  Browser browser(timeout_seconds, target.tls);
  auto page = browser.get(*target.metadata_url, {}, "GET SP metadata");
  if (!page) {
    return core::fail(page.error());
  }
  if (page->status != 200) {
    return core::fail(core::Reason::runner_http_failed,
                      *target.metadata_url + " answered HTTP " + std::to_string(page->status));
  }
  return std::move(page->body);
}

std::string default_post_acs(xmlNode* sp) {
  int best = INT_MAX;
  std::string location;
  for (xmlNode* acs : core::children_named(sp, n::ns_metadata, "AssertionConsumerService")) {
    if (core::attribute(acs, "Binding") != n::binding_post) {
      continue;
    }
    std::string index = core::attribute(acs, "index").value_or("0");
    int rank = 0;
    std::from_chars(index.data(), index.data() + index.size(), rank);
    rank = core::attribute(acs, "isDefault") == "true" ? -1 : rank;
    if (rank < best) {
      best = rank;
      location = core::attribute(acs, "Location").value_or("");
    }
  }
  return location;
}

// saml-metadata §2.4.1.1: a KeyDescriptor without `use` serves both signing and encryption.
// Every distinct encryption certificate, in document order (the first KeyDescriptor's first).
core::Result<std::vector<core::Certificate>> encryption_certificates(xmlNode* sp, const std::string& source) {
  std::vector<core::Certificate> out;
  for (xmlNode* key : core::children_named(sp, n::ns_metadata, "KeyDescriptor")) {
    auto use = core::attribute(key, "use");
    if (use && *use != "encryption") {
      continue;
    }
    for (xmlNode* cert : core::descendants_named(key, n::ns_dsig, "X509Certificate")) {
      auto parsed = core::Certificate::from_base64(core::simple_text(cert).value_or(""));
      if (!parsed) {
        return metadata_invalid(source + ": KeyDescriptor X509Certificate: " + parsed.error().detail);
      }
      bool known = std::any_of(out.begin(), out.end(), [&](const core::Certificate& c) { return c.pem() == parsed->pem(); });
      if (!known) {
        out.push_back(*parsed);
      }
      break;  // one certificate per KeyDescriptor (saml-metadata §2.4.1.1)
    }
  }
  return out;
}

core::Result<void> read_sp_metadata(Target& target, ResolvedTarget& resolved, double timeout_seconds) {
  std::string source = target.metadata_file ? target.metadata_file->string() : *target.metadata_url;
  auto xml = read_metadata(target, timeout_seconds);
  if (!xml) {
    return core::fail(xml.error());
  }
  auto doc = core::parse_strict(*xml, {4 * 1024 * 1024, 64});
  if (!doc) {
    return metadata_invalid(source + ": " + doc.error().detail);
  }
  xmlNode* entity = doc->root();
  xmlNode* sp = core::child_named(entity, n::ns_metadata, "SPSSODescriptor");
  if (!core::is_element(entity, n::ns_metadata, "EntityDescriptor") || sp == nullptr) {
    return metadata_invalid(source + ": not an EntityDescriptor with an SPSSODescriptor");
  }
  if (target.entity_id.empty()) {
    target.entity_id = core::attribute(entity, "entityID").value_or("");
  }
  if (target.acs_url.empty()) {
    target.acs_url = default_post_acs(sp);
  }
  if (target.entity_id.empty() || target.acs_url.empty()) {
    return metadata_invalid(source + ": no entityID or no HTTP-POST AssertionConsumerService");
  }
  if (!target.slo_url) {
    for (xmlNode* slo : core::children_named(sp, n::ns_metadata, "SingleLogoutService")) {
      if (core::attribute(slo, "Binding") == n::binding_redirect) {
        target.slo_url = core::attribute(slo, "Location");
        break;
      }
    }
  }
  auto certs = encryption_certificates(sp, source);
  if (!certs) {
    return core::fail(certs.error());
  }
  if (!certs->empty()) {
    resolved.encryption_certificate = certs->front();
    resolved.encryption_certificate_source = source;
  }
  if (certs->size() > 1) {
    resolved.next_encryption_certificate = (*certs)[1];
  }
  return {};
}

core::Result<std::map<std::string, std::string>> fetch_policy(const Target& target, double timeout_seconds) {
  std::map<std::string, std::string> fetched;
  if (!target.policy_url) {
    return fetched;
  }
  Browser browser(timeout_seconds, target.tls);
  auto page = browser.get(*target.policy_url, {{"Accept", "application/json"}}, "GET policy");
  if (!page) {
    return core::fail(page.error());
  }
  auto json = nlohmann::json::parse(page->body, nullptr, false);
  if (page->status != 200 || !json.is_object()) {
    return core::fail(core::Reason::runner_http_failed,
                      *target.policy_url + " did not answer 200 with a JSON object (HTTP " +
                          std::to_string(page->status) + ")");
  }
  flatten(json, "", fetched);
  return fetched;
}

// The runner's canary listens on 127.0.0.1 only, so only an SP on this machine's loopback can
// reach it.
bool is_loopback_url(const std::string& url) {
  for (std::string_view prefix : {"http://127.0.0.1", "https://127.0.0.1", "http://localhost", "https://localhost",
                                  "http://[::1]", "https://[::1]"}) {
    if (url.rfind(prefix, 0) == 0) {
      char next = url.size() > prefix.size() ? url[prefix.size()] : '/';
      if (next == ':' || next == '/') {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

core::Result<ResolvedTarget> resolve_target(Target& target, double timeout_seconds) {
  ResolvedTarget resolved;
  if (target.metadata_file || target.metadata_url) {
    if (auto read = read_sp_metadata(target, resolved, timeout_seconds); !read) {
      return core::fail(read.error());
    }
  }
  if (target.encryption_certificate) {
    auto cert = core::load_certificate_file(*target.encryption_certificate);
    if (!cert) {
      return core::fail(cert.error().reason, target.file.string() + ": /encryption_certificate: " +
                                                 target.encryption_certificate->string() + ": " +
                                                 cert.error().detail);
    }
    resolved.encryption_certificate = *cert;
    resolved.encryption_certificate_source = target.encryption_certificate->string();
  }
  resolved.capabilities = target.declared_capabilities;
  if (target.login_url) {
    resolved.capabilities.emplace(need::sp_initiated_login);
  }
  if (resolved.encryption_certificate) {
    resolved.capabilities.emplace(need::encryption_certificate);
  }
  if (resolved.next_encryption_certificate) {
    resolved.capabilities.emplace(need::encryption_rollover);
  }
  if (target.signals.session_probe && target.signals.session_probe->json) {
    resolved.capabilities.emplace(need::session_attributes);
  }
  if (is_loopback_url(target.acs_url)) {
    resolved.capabilities.emplace(need::canary_reachable);
  }
  if (target.slo_url && target.signals.session_probe) {
    resolved.capabilities.emplace(need::single_logout);
  }
  if (target.metadata_refresh) {
    resolved.capabilities.emplace(need::metadata_refresh);
  }
  if (target.restart) {
    resolved.capabilities.emplace(need::sp_restart);
  }
  auto fetched = fetch_policy(target, timeout_seconds);
  if (!fetched) {
    return core::fail(fetched.error().reason, "/policy_url: " + fetched.error().detail);
  }
  resolved.policy = effective_policy(target.policy, *fetched);
  return resolved;
}

core::Result<void> check_reachable(const Target& target, double timeout_seconds) {
  std::string url = target.login_url.value_or(target.metadata_url.value_or(target.acs_url));
  Browser browser(timeout_seconds, target.tls);
  auto page = browser.get(url, {}, "reachability");
  if (!page) {
    return core::fail(page.error());
  }
  return {};
}

}  // namespace samlt::runner
