// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/target.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/json_reader.hpp"
#include "samlt/runner/policies.hpp"

#include <regex>

namespace samlt::runner {
namespace {

using core::json::ObjectReader;
using core::json::child_pointer;
using core::json::config_fail;

std::vector<int> read_statuses(ObjectReader& reader, std::string_view key, std::vector<int> fallback) {
  const nlohmann::json* value = reader.find(key);
  if (value == nullptr) {
    return fallback;
  }
  std::vector<int> out;
  if (!value->is_array()) {
    reader.fail(key, "an array of HTTP status codes");
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    if (!item.is_number_integer() || item.get<int>() < 100 || item.get<int>() > 599) {
      config_fail(reader.source(), child_pointer(reader.pointer(key), i), "an HTTP status code (100-599)");
    }
    out.push_back(item.get<int>());
  }
  return out;
}

std::string checked_regex(ObjectReader& reader, std::string text, std::string pointer) {
  try {
    make_pattern(text);
  } catch (const std::regex_error&) {
    config_fail(reader.source(), pointer, "a valid regular expression");
  }
  return text;
}

void require_url(ObjectReader& reader, std::string_view key, const std::string& url) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    reader.fail(key, "an absolute http:// or https:// URL");
  }
}

Signals read_signals(ObjectReader& top) {
  Signals signals;
  const nlohmann::json* json = top.find("signals");
  if (json == nullptr) {
    return signals;
  }
  ObjectReader reader(*json, top.pointer("signals"), top.source());
  signals.accept_status = read_statuses(reader, "accept_status", signals.accept_status);
  signals.reject_status = read_statuses(reader, "reject_status", signals.reject_status);
  if (auto location = reader.optional_string("accept_location")) {
    signals.accept_location = checked_regex(reader, *location, reader.pointer("accept_location"));
  }
  if (auto body = reader.optional_string("accept_body")) {
    signals.accept_body = checked_regex(reader, *body, reader.pointer("accept_body"));
  }
  signals.session_cookie = reader.optional_string("session_cookie");
  if (const auto* probe = reader.find("session_probe")) {
    ObjectReader p(*probe, reader.pointer("session_probe"), top.source());
    SessionProbe session;
    session.url = p.string("url");
    require_url(p, "url", session.url);
    session.status = static_cast<int>(p.integer_or("status", 200, 100, 599));
    session.json = p.boolean_or("json", false);
    if (const auto* fields = p.find("fields")) {
      if (!fields->is_object() || !session.json) {
        p.fail("fields", "an object of JSON pointers (\"/email\": \"/user/mail\"), with \"json\": true");
      }
      for (const auto& [portable, own] : fields->items()) {
        std::string at = child_pointer(p.pointer("fields"), portable);
        bool valid = !portable.empty() && own.is_string();
        try {
          valid = valid && (nlohmann::json::json_pointer(portable), nlohmann::json::json_pointer(own.get<std::string>()),
                            portable[0] == '/' && own.get<std::string>().rfind('/', 0) == 0);
        } catch (const nlohmann::json::exception&) {
          valid = false;
        }
        if (!valid) {
          config_fail(top.source(), at, "a JSON pointer of the reference SP's session shape mapped to one of this page");
        }
        session.fields[portable] = own.get<std::string>();
      }
    }
    p.finish();
    signals.session_probe = session;
  }
  auto bodies = reader.strings("reject_body");
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    signals.reject_body.push_back(
        checked_regex(reader, bodies[i], child_pointer(reader.pointer("reject_body"), i)));
  }
  reader.finish();
  if (!signals.session_cookie && !signals.session_probe && !signals.accept_location && !signals.accept_body) {
    top.fail("signals",
             "at least one acceptance signal: session_cookie, session_probe, accept_location or accept_body");
  }
  return signals;
}

core::FormFields read_fields(ObjectReader& reader, std::string_view key) {
  core::FormFields fields;
  const nlohmann::json* value = reader.find(key);
  if (value == nullptr) {
    return fields;
  }
  if (!value->is_object()) {
    reader.fail(key, "an object of form field names and string values");
  }
  for (const auto& [name, item] : value->items()) {
    if (!item.is_string()) {
      config_fail(reader.source(), child_pointer(reader.pointer(key), name), "a string");
    }
    fields.push_back({name, item.get<std::string>()});
  }
  return fields;
}

std::optional<MetadataRefresh> read_metadata_refresh(ObjectReader& top) {
  const nlohmann::json* json = top.find("metadata_refresh");
  if (json == nullptr) {
    return std::nullopt;
  }
  ObjectReader reader(*json, top.pointer("metadata_refresh"), top.source());
  MetadataRefresh refresh;
  refresh.url = reader.string("url");
  require_url(reader, "url", refresh.url);
  refresh.fields = read_fields(reader, "fields");
  refresh.document_field = reader.string_or("document_field", refresh.document_field);
  refresh.url_field = reader.optional_string("url_field");
  if (const auto* login = reader.find("login")) {
    ObjectReader l(*login, reader.pointer("login"), top.source());
    MetadataRefresh::Login out{l.string("url"), read_fields(l, "fields")};
    require_url(l, "url", out.url);
    l.finish();
    refresh.login = std::move(out);
  }
  if (const auto* csrf = reader.find("csrf")) {
    ObjectReader c(*csrf, reader.pointer("csrf"), top.source());
    MetadataRefresh::Csrf out{c.string("page"), c.string("pattern"), c.string("field")};
    require_url(c, "page", out.page);
    bool one_group = false;
    try {
      one_group = make_pattern(out.pattern).mark_count() == 1;
    } catch (const std::regex_error&) {
    }
    if (!one_group) {
      c.fail("pattern", "a regular expression with exactly one capture group (the token)");
    }
    c.finish();
    refresh.csrf = std::move(out);
  }
  reader.finish();
  return refresh;
}

std::optional<SpRestart> read_restart(ObjectReader& top) {
  const nlohmann::json* json = top.find("restart");
  if (json == nullptr) {
    return std::nullopt;
  }
  ObjectReader reader(*json, top.pointer("restart"), top.source());
  SpRestart restart;
  restart.command = reader.strings("command");
  if (restart.command.empty() || restart.command[0].empty()) {
    reader.fail("command", "the restart command as a non-empty array of strings (program, then its arguments)");
  }
  restart.timeout_seconds = reader.number_or("timeout_seconds", restart.timeout_seconds, 1, 600);
  reader.finish();
  return restart;
}

}  // namespace

nlohmann::json portable_session(const SessionProbe& probe, const nlohmann::json& page) {
  nlohmann::json out = page;
  for (const auto& [portable, own] : probe.fields) {
    try {
      nlohmann::json::json_pointer from(own);
      if (page.contains(from)) {
        out[nlohmann::json::json_pointer(portable)] = page.at(from);
      }
    } catch (const nlohmann::json::exception&) {
      // A pointer that does not fit this page (an array index on an object) maps nothing.
    }
  }
  return out;
}

std::regex make_pattern(const std::string& text) {
  constexpr std::string_view k_icase = "(?i)";
  if (text.rfind(k_icase, 0) == 0) {
    return std::regex(text.substr(k_icase.size()), std::regex::ECMAScript | std::regex::icase);
  }
  return std::regex(text);
}

Target load_target(const std::filesystem::path& file) {
  std::string source = file.string();
  nlohmann::json json = core::json::read_json_file(file);
  ObjectReader top(json, "", source);
  auto base = file.parent_path();
  Target target;
  target.file = file;
  target.name = top.string("name");
  target.description = top.string_or("description", "");
  target.entity_id = top.string_or("entity_id", "");
  target.acs_url = top.string_or("acs_url", "");
  target.login_url = top.optional_string("login_url");
  target.slo_url = top.optional_string("slo_url");
  target.metadata_url = top.optional_string("metadata_url");
  if (auto metadata = top.optional_string("metadata_file")) {
    target.metadata_file = core::json::resolve_path(base, *metadata);
  }
  for (auto [key, value] : {std::pair<const char*, const std::optional<std::string>*>{"login_url", &target.login_url},
                            {"metadata_url", &target.metadata_url},
                            {"slo_url", &target.slo_url}}) {
    if (*value) {
      require_url(top, key, **value);
    }
  }
  if (!target.acs_url.empty()) {
    require_url(top, "acs_url", target.acs_url);
  }
  if ((target.entity_id.empty() || target.acs_url.empty()) && !target.metadata_url && !target.metadata_file) {
    top.fail("entity_id", "entity_id and acs_url, or SP metadata (metadata_url or metadata_file) to read them from");
  }
  const nlohmann::json* idp_json = top.find("idp");
  if (idp_json == nullptr) {
    top.fail("idp", "{\"config\": <idp_sim config file>, \"app_id\": <the app this SP is registered as>}");
  }
  ObjectReader idp(*idp_json, top.pointer("idp"), source);
  target.idp_config = core::json::resolve_path(base, idp.string("config"));
  target.idp_app_id = idp.string_or("app_id", "");
  if (const auto* app = idp.find("app")) {
    if (!app->is_object() || !target.idp_app_id.empty()) {
      idp.fail("app", "an object of idp_sim apps[] keys, for the app the runner registers (not with app_id)");
    }
    target.idp_app = *app;
  }
  idp.finish();
  if (auto cert = top.optional_string("encryption_certificate")) {
    target.encryption_certificate = core::json::resolve_path(base, *cert);
  }
  auto capabilities = top.strings("capabilities");
  for (std::size_t i = 0; i < capabilities.size(); ++i) {
    const Need* need = find_need(capabilities[i]);
    if (need == nullptr || need->source != NeedSource::declared) {
      std::string declarable;
      for (const auto& row : all_needs()) {
        if (row.source == NeedSource::declared) {
          declarable += (declarable.empty() ? "" : ", ") + std::string(row.id);
        }
      }
      config_fail(source, child_pointer(top.pointer("capabilities"), i),
                  "a capability only the target can declare (" + declarable +
                      "); the runner finds the others itself");
    }
    target.declared_capabilities.insert(capabilities[i]);
  }
  if (auto pattern = top.optional_string("reason_pattern")) {
    try {
      if (make_pattern(*pattern).mark_count() != 1) {
        top.fail("reason_pattern", "a regular expression with exactly one capture group");
      }
    } catch (const std::regex_error&) {
      top.fail("reason_pattern", "a valid regular expression with one capture group");
    }
    target.reason_pattern = pattern;
  }
  target.signals = read_signals(top);
  if (const auto* tls = top.find("tls")) {
    ObjectReader reader(*tls, top.pointer("tls"), source);
    if (auto ca = reader.optional_string("ca_file")) {
      target.tls.ca_file = core::json::resolve_path(base, *ca);
    }
    target.tls.verify = reader.boolean_or("verify", true);
    reader.finish();
  }
  target.metadata_refresh = read_metadata_refresh(top);
  target.restart = read_restart(top);
  target.json_verdict = top.boolean_or("json_verdict", false);
  target.policy_url = top.optional_string("policy_url");
  if (const auto* policy = top.find("policy")) {
    if (!policy->is_object()) {
      top.fail("policy", "an object of policy setting names and values");
    }
    for (const auto& [name, value] : policy->items()) {
      const PolicyKnob* knob = find_policy(name);
      if (knob == nullptr) {
        config_fail(source, child_pointer(top.pointer("policy"), name),
                    "a policy setting of `idp_sim run --list-policies`");
      }
      std::string text = value.is_string() ? value.get<std::string>() : value.dump();
      if (auto expected = check_condition(*knob, text); !expected.empty() || text.find_first_of("<>") != std::string::npos) {
        config_fail(source, child_pointer(top.pointer("policy"), name), expected.empty() ? knob->values : expected);
      }
      target.policy[name] = text;
    }
  }
  top.finish();
  return target;
}

}  // namespace samlt::runner
