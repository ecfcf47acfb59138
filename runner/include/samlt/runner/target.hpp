// SPDX-License-Identifier: Apache-2.0
// A target file: how to reach an SP and how to judge what it did. Documented in scenarios/README.md;
// scenarios/targets/reference-sp.json is the reference SP's.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/runner/needs.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace samlt::runner {

// A page that only a signed-in browser can reach.
struct SessionProbe {
  std::string url;
  int status = 200;
  bool json = false;  // ask with Accept: application/json (enables session checks by JSON pointer)
  // Where the page keeps what the scenarios read in the reference SP's shape: portable pointer
  // ("/email", "/name_id", "/attributes") -> this page's pointer ("/user/mail"). Pointers not
  // named here are read as they are.
  std::map<std::string, std::string> fields;
};

// The probe's JSON in the reference SP's shape: each field of `probe` copied from the page's own
// pointer to the portable one ("/attributes" may name a whole object). Pointers that do not fit
// the page copy nothing.
nlohmann::json portable_session(const SessionProbe& probe, const nlohmann::json& page);

// The acceptance signals. A sign-in counts as accepted only when no reject signal fires, the
// answer matches accept_location and accept_body when they are given, and the session signals
// (cookie and/or probe, when configured) say a session now exists. An error page served with
// HTTP 200 is a rejection when it matches a reject body pattern.
struct Signals {
  std::vector<int> accept_status = {200, 302, 303};
  std::optional<std::string> accept_location;  // regex the ACS redirect must match
  // Regex the last page of the ACS answer (after redirects) must match, for an SP that signals
  // acceptance only by its body ({"result":"ACCEPT"}).
  std::optional<std::string> accept_body;
  std::optional<std::string> session_cookie;   // set by the ACS response on success
  std::optional<SessionProbe> session_probe;
  std::vector<int> reject_status = {400, 401, 403, 500};
  std::vector<std::string> reject_body;        // regexes; any match on any page means rejected
};

// How the runner trusts an https:// SP: the system's CA store, plus `ca_file` (PEM) when given.
// `verify: false` accepts any certificate — for a staging SP with a self-signed certificate; the
// report header says so.
struct TlsSettings {
  std::optional<std::filesystem::path> ca_file;
  bool verify = true;
};

// How the runner hands the SP new metadata for the IdP it already trusts, as an administrator
// would (attack-catalogue §14 and the metadata-dependent §3 cases): a form POSTed to `url` with
// `fields`, the document in `document_field`, or, for a dynamic source, a loopback URL serving it
// in `url_field`. `login` (optional) is a form POSTed first for an administrator's session; `csrf`
// (optional) a page and a one-group pattern that finds the token the form must carry in
// `csrf.field`. The SP's answer: 2xx or 3xx took the document, anything else refused it.
struct MetadataRefresh {
  std::string url;
  core::FormFields fields;
  std::string document_field = "metadata";
  std::optional<std::string> url_field;
  struct Login {
    std::string url;
    core::FormFields fields;
  };
  std::optional<Login> login;
  struct Csrf {
    std::string page;
    std::string pattern;
    std::string field;
  };
  std::optional<Csrf> csrf;
};

// How the runner restarts the SP (REPLAY-PERSISTENCE): a command, argv form, run in the target
// file's folder ("systemctl restart my-sp", a script that restarts a container); it must exit 0
// once the restart is under way, and the SP must answer again within `timeout_seconds`.
struct SpRestart {
  std::vector<std::string> command;
  double timeout_seconds = 60;
};

struct Target {
  std::filesystem::path file;
  std::string name;
  std::string description;
  std::string entity_id;
  std::string acs_url;
  std::optional<std::string> login_url;   // starts SP-initiated sign-in
  // The SP's HTTP-Redirect SingleLogoutService, where an IdP-initiated LogoutRequest goes; else
  // SP metadata's SingleLogoutService with the Redirect binding.
  std::optional<std::string> slo_url;
  std::optional<std::string> metadata_url;
  std::optional<std::filesystem::path> metadata_file;
  std::filesystem::path idp_config;       // the idp_sim configuration the runner plays
  // The app (in that config) this SP is registered as; empty: the runner registers the target as
  // an app itself (target_app.hpp), with `idp_app` merged over Entra's defaults.
  std::string idp_app_id;
  nlohmann::json idp_app = nlohmann::json::object();
  // The SP's encryption certificate (PEM), when its metadata does not give one.
  std::optional<std::filesystem::path> encryption_certificate;
  // What the target declares it offers (needs.hpp, NeedSource::declared rows only).
  Capabilities declared_capabilities;
  // Regex with one capture group that finds the SP's reason, in its own words, in its error
  // page, body or JSON; absent: the default patterns for common SP stacks (sp_reason.hpp).
  std::optional<std::string> reason_pattern;
  Signals signals;
  TlsSettings tls;
  std::optional<MetadataRefresh> metadata_refresh;
  std::optional<SpRestart> restart;
  bool json_verdict = false;              // the SP answers Accept: application/json with its verdict
  std::optional<std::string> policy_url;  // JSON object of the SP's policy settings
  std::map<std::string, std::string> policy;  // declared policy settings (merged with policy_url's)
};

// A pattern from a target or scenario file: ECMAScript syntax, and a leading "(?i)" makes it
// case-insensitive (the one Perl flag people reach for). Throws std::regex_error.
std::regex make_pattern(const std::string& text);

// Reads and validates a target file; relative paths are resolved against its folder. When the
// entity ID or ACS URL is absent, SP metadata (file, or URL at run time) must supply it.
// Throws core::Fatal ("<file>: <json pointer>: <expected>").
Target load_target(const std::filesystem::path& file);

}  // namespace samlt::runner
