// SPDX-License-Identifier: Apache-2.0
#include "target_resolve.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/runner/browser.hpp"

#include <nlohmann/json.hpp>

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

}  // namespace

core::Result<void> complete_from_metadata(Target& target, double timeout_seconds) {
  if (!target.entity_id.empty() && !target.acs_url.empty()) {
    return {};
  }
  std::string xml;
  std::string source;
  if (target.metadata_file) {
    source = target.metadata_file->string();
    auto text = core::read_file(*target.metadata_file);
    if (!text) {
      return core::fail(text.error());
    }
    xml = std::move(*text);
  } else {
    source = *target.metadata_url;
    Browser browser(timeout_seconds, target.tls);
    auto page = browser.get(source, {}, "GET SP metadata");
    if (!page) {
      return core::fail(page.error());
    }
    if (page->status != 200) {
      return core::fail(core::Reason::runner_http_failed, source + " answered HTTP " + std::to_string(page->status));
    }
    xml = std::move(page->body);
  }
  auto doc = core::parse_strict(xml, {4 * 1024 * 1024, 64});
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
    int best = INT_MAX;
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
        target.acs_url = core::attribute(acs, "Location").value_or("");
      }
    }
  }
  if (target.entity_id.empty() || target.acs_url.empty()) {
    return metadata_invalid(source + ": no entityID or no HTTP-POST AssertionConsumerService");
  }
  return {};
}

core::Result<std::map<std::string, std::string>> fetch_policy(const Target& target, double timeout_seconds) {
  std::map<std::string, std::string> policy = target.policy;
  if (!target.policy_url) {
    return policy;
  }
  Browser browser(timeout_seconds, target.tls);
  auto page = browser.get(*target.policy_url, {{"Accept", "application/json"}}, "GET policy");
  if (!page) {
    return core::fail(page.error());
  }
  auto json = nlohmann::json::parse(page->body, nullptr, false);
  if (page->status != 200 || !json.is_object()) {
    return core::fail(core::Reason::runner_http_failed,
                      *target.policy_url + " did not answer 200 with a JSON object (HTTP " + std::to_string(page->status) + ")");
  }
  std::map<std::string, std::string> fetched;
  flatten(json, "", fetched);
  for (auto& [name, value] : fetched) {
    policy[name] = value;
  }
  return policy;
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
