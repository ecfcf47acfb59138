// SPDX-License-Identifier: Apache-2.0
// The admin page: import IdP metadata (paste, upload or URL), register an IdP by hand, and
// enable, disable, refresh or remove IdPs. Needs a session of an account with role "admin".
#include "server/handlers.hpp"

#include "samlt/core/random.hpp"
#include "samlt/sp/metadata_fetch.hpp"
#include "samlt/sp/metadata_import.hpp"
#include "samlt/sp/sp_server.hpp"
#include "server/pages.hpp"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <openssl/evp.h>

#include <map>
#include <sstream>

namespace samlt::sp::server {
namespace {

// Uploaded files, read into memory with the metadata size cap.
class FilePartHandler : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string params;
    Poco::Net::NameValueCollection values;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), params, values);
    std::string content;
    char buffer[8192];
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      content.append(buffer, static_cast<std::size_t>(stream.gcount()));
      if (content.size() > k_max_metadata_bytes) {
        break;
      }
    }
    files[values.get("name", "")] = std::move(content);
  }
  std::map<std::string, std::string> files;
};

// Binds admin forms to the session: a page from another site cannot post them (with the
// SameSite=Lax session cookie this is defence in depth).
std::string csrf_token(std::string_view session_id) {
  std::string input = std::string(session_id) + ":samlt-sp-admin-csrf";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr);
  return core::to_hex(std::string(reinterpret_cast<const char*>(digest), length));
}

// The admin's session id, or an error already answered.
std::optional<std::string> require_admin(Exchange& ex) {
  std::string id = ex.cookie(k_session_cookie);
  auto session = ex.sp.find_session(id);
  auto account = session ? ex.sp.account_of(*session) : core::Result<Account>(core::fail(session.error()));
  if (!account) {
    if (ex.wants_json() || !ex.is_get()) {
      send_error(ex, 401, account.error());
    } else {
      ex.redirect("/login");
    }
    return std::nullopt;
  }
  if (account->role != "admin") {
    send_error(ex, 403, {core::Reason::session_role_forbidden, "the admin page needs role 'admin'"});
    return std::nullopt;
  }
  return id;
}

core::Result<TrustedIdp> run_action(Exchange& ex, std::string_view action, const Poco::Net::HTMLForm& form,
                                    const FilePartHandler& files) {
  std::string name = form.get("name", "");
  if (action == "import") {
    std::string xml = form.get("metadata", "");
    std::string url = form.get("metadata_url", "");
    if (auto file = files.files.find("metadata_file"); file != files.files.end() && !file->second.empty()) {
      xml = file->second;
    }
    if (xml.empty() && !url.empty()) {
      auto fetched = fetch_metadata(url);
      if (!fetched) {
        return core::fail(fetched.error());
      }
      xml = *fetched;
    }
    return ex.sp.register_idp_from_metadata(name, xml, url);
  }
  if (action == "manual") {
    return ex.sp.register_idp_manual(name, form.get("entity_id", ""), form.get("sso_url", ""),
                                     form.get("certificate", ""), form.get("slo_url", ""));
  }
  if (action == "refresh") {
    return ex.sp.refresh_idp(name);
  }
  core::Result<void> done = core::fail(core::Reason::config_invalid, "unknown action");
  if (action == "enable" || action == "disable") {
    done = ex.sp.set_idp_enabled(name, action == "enable");
  } else if (action == "remove") {
    done = ex.sp.remove_idp(name);
  }
  if (!done) {
    return core::fail(done.error());
  }
  return TrustedIdp{name, "", "", "", {}, action == "enable", false};
}

}  // namespace

void admin(Exchange& ex) {
  auto session = require_admin(ex);
  if (!session) {
    return;
  }
  auto idps = ex.sp.list_idps();
  if (!idps) {
    send_error(ex, 500, idps.error());
    return;
  }
  ex.send_html(200, pages::admin(*idps, csrf_token(*session), query_value(ex.raw_query, "message")));
}

void admin_action(Exchange& ex) {
  if (!ex.is_post()) {
    send_error(ex, 405, {core::Reason::binding_method_not_post, "admin actions are POSTed"});
    return;
  }
  auto session = require_admin(ex);
  if (!session) {
    return;
  }
  auto body = ex.body(k_max_metadata_bytes + 64 * 1024);
  if (!body) {
    send_error(ex, 413, body.error());
    return;
  }
  Poco::Net::HTMLForm form;
  FilePartHandler files;
  std::istringstream stream(*body);
  form.load(ex.request, stream, files);
  if (form.get("csrf", "") != csrf_token(*session)) {
    send_error(ex, 403, {core::Reason::session_missing, "the form does not carry this session's CSRF token"});
    return;
  }
  std::string action = ex.path.substr(std::string_view("/admin/idps/").size());
  auto result = run_action(ex, action, form, files);
  if (!result) {
    send_error(ex, result.error().reason == core::Reason::store_failed ? 500 : 400, result.error());
    return;
  }
  if (ex.wants_json()) {
    ex.send_json(200, {{"outcome", "ok"}, {"action", action}, {"idp", result->name}});
    return;
  }
  ex.redirect("/admin?message=" + core::url_encode(action + " " + result->name + ": done"), 303);
}

}  // namespace samlt::sp::server
