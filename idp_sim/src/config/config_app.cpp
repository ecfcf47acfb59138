// SPDX-License-Identifier: Apache-2.0
// One enterprise application: "Basic SAML Configuration" (entra-spec §3.3), signing (§1.12),
// attributes & claims (§1.7, §1.10) and the error presentation (§3.7).
#include "config/config_parts.hpp"
#include "directory.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::config {
namespace {

namespace n = core::names;

// The default "Attributes & Claims" of a new non-gallery SAML app (entra-spec §1.10).
std::vector<ClaimSetting> default_claims() {
  return {{std::string(n::claim_given_name), "user.givenname"},
          {std::string(n::claim_surname), "user.surname"},
          {std::string(n::claim_email), "user.mail"},
          {std::string(n::claim_name), "user.userprincipalname"}};
}

std::string checked_source(ObjectReader& r, std::string_view key, std::string fallback) {
  std::string source = r.string_or(key, std::move(fallback));
  if (!is_known_source(source)) {
    r.fail(key, "a user attribute, one of: " + known_sources_joined());
  }
  return source;
}

void read_identifiers(ObjectReader& r, App& app) {
  const nlohmann::json* list = r.find("identifiers");
  if (list == nullptr || !list->is_array() || list->empty()) {
    r.fail("identifiers", "a non-empty array of identifiers (entity IDs)");
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string at = child_pointer(r.pointer("identifiers"), i);
    const nlohmann::json& item = (*list)[i];
    std::string value;
    bool is_default = false;
    if (item.is_string() && !item.get<std::string>().empty()) {
      value = item.get<std::string>();
    } else {
      ObjectReader e(item, at, r.source());
      value = e.string("value");
      is_default = e.boolean_or("default", false);
      e.finish();
    }
    if (is_default && !app.default_identifier.empty()) {
      config_fail(r.source(), at, "at most one identifier with \"default\": true");
    }
    if (is_default) {
      app.default_identifier = value;
    }
    app.identifiers.push_back(value);
  }
  if (app.default_identifier.empty()) {
    app.default_identifier = app.identifiers.front();
  }
}

// D8: https only (http just for loopback hosts), case-sensitive, at most 256 characters.
bool reply_url_allowed(const std::string& url, bool allow_http) {
  if (url.rfind("https://", 0) == 0 || (allow_http && url.rfind("http://", 0) == 0)) {
    return true;
  }
  for (std::string_view host : {"http://localhost", "http://127.0.0.1", "http://[::1]"}) {
    if (url.rfind(host, 0) == 0 && (url.size() == host.size() || url[host.size()] == ':' ||
                                    url[host.size()] == '/' || url[host.size()] == '?')) {
      return true;
    }
  }
  return false;
}

void read_reply_urls(ObjectReader& r, App& app, const Knobs& knobs) {
  const nlohmann::json* list = r.find("reply_urls");
  if (list == nullptr) {
    return;
  }
  if (!list->is_array() || list->size() > 256) {
    r.fail("reply_urls", "an array of at most 256 reply URLs");
  }
  bool has_default = false;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string at = child_pointer(r.pointer("reply_urls"), i);
    ReplyUrl reply{"", static_cast<int>(i), false};
    if ((*list)[i].is_string()) {
      reply.url = (*list)[i].get<std::string>();
    } else {
      ObjectReader e((*list)[i], at, r.source());
      reply.url = e.string("url");
      reply.index = static_cast<int>(e.integer_or("index", reply.index, 0, 10000));
      reply.is_default = e.boolean_or("default", false);
      e.finish();
    }
    if (reply.url.size() > 256 || !reply_url_allowed(reply.url, knobs.allow_http_reply_urls)) {
      config_fail(r.source(), at,
                  "a reply URL of at most 256 characters using https:// (http:// only for "
                  "localhost, 127.0.0.1 or [::1], unless knobs.allow_http_reply_urls)");
    }
    if (reply.is_default && has_default) {
      config_fail(r.source(), at, "at most one reply URL with \"default\": true");
    }
    has_default = has_default || reply.is_default;
    app.reply_urls.push_back(reply);
  }
}

void read_name_id_and_claims(ObjectReader& r, App& app) {
  if (const nlohmann::json* json = r.find("name_id")) {
    ObjectReader e(*json, r.pointer("name_id"), r.source());
    app.name_id.source = checked_source(e, "source", app.name_id.source);
    app.name_id.format = e.choice_or<NameIdFormat>("format",
                                                   {{"default", NameIdFormat::default_format},
                                                    {"email", NameIdFormat::email},
                                                    {"persistent", NameIdFormat::persistent},
                                                    {"unspecified", NameIdFormat::unspecified},
                                                    {"windows", NameIdFormat::windows},
                                                    {"transient", NameIdFormat::transient}},
                                                   app.name_id.format);
    e.finish();
  }
  const nlohmann::json* claims = r.find("claims");
  if (claims == nullptr) {
    app.claims = default_claims();
    return;
  }
  if (!claims->is_array()) {
    r.fail("claims", "an array of {\"name\", \"source\"} claims");
  }
  for (std::size_t i = 0; i < claims->size(); ++i) {
    ObjectReader e((*claims)[i], child_pointer(r.pointer("claims"), i), r.source());
    ClaimSetting claim;
    claim.name = e.string("name");
    claim.source = checked_source(e, "source", "");
    e.finish();
    app.claims.push_back(std::move(claim));
  }
}

}  // namespace

App read_app(const nlohmann::json& json, const std::string& pointer, const IdpConfig& config) {
  ObjectReader r(json, pointer, config.source);
  App app;
  app.source = json;
  app.app_id = r.guid("app_id");
  app.display_name = r.string("display_name");
  read_identifiers(r, app);
  read_reply_urls(r, app, config.knobs);
  app.sign_on_url = r.optional_string("sign_on_url");
  app.logout_url = r.optional_string("logout_url");
  app.relay_state = r.optional_string("relay_state");
  read_name_id_and_claims(r, app);
  app.group_claims = r.boolean_or("group_claims", false);
  app.include_attribute_name_format = r.boolean_or("include_attribute_name_format", false);
  app.issuer_append_app_id = r.boolean_or("issuer_append_app_id", false);
  app.audience_override = r.optional_string("audience_override");
  read_app_security(r, app, config);
  app.assignment_required = r.boolean_or("assignment_required", false);
  app.assigned = r.strings("assigned");
  if (const nlohmann::json* faults = r.find("faults")) {
    app.faults = read_mutator_uses(*faults, r.pointer("faults"), config.source);
  }
  r.finish();
  return app;
}

}  // namespace samlt::idp::config
