// SPDX-License-Identifier: Apache-2.0
// The SP's state in one SQLite file (SQLite's C API): registered IdPs, accounts, outstanding
// request IDs, the replay cache and sessions. Everything survives a restart.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp {

struct IdpRecord {
  std::string name;
  std::string entity_id;
  std::string sso_url;  // HTTP-Redirect SingleSignOnService
  std::string slo_url;  // HTTP-Redirect SingleLogoutService; may be empty
  std::vector<std::string> certificates_pem;  // every signing certificate, in metadata order
  bool enabled = true;
  bool want_authn_requests_signed = false;
  std::string metadata_url;  // where refreshes fetch from; may be empty
};

struct Account {
  std::string email;  // the key; compared case-insensitively (stored lower-case)
  std::string display_name;
  std::string role = "user";
  bool enabled = true;
  bool sso_enabled = true;
  std::string idp;            // the IdP name whose sign-ins map here
  std::string password_hash;  // empty: no password login
};

enum class RequestKind { authn, logout };

// An AuthnRequest (or LogoutRequest) this SP sent and has not yet seen answered.
struct OutstandingRequest {
  std::string id;
  RequestKind kind = RequestKind::authn;
  std::string idp;              // name of the IdP it was sent to
  std::string browser_binding;  // the cookie value of the browser that started it
  std::string relay_state;
  core::TimePoint expires_at;
  bool consumed = false;
};

struct SessionRecord {
  std::string id;
  std::string account_email;
  std::string idp;  // IdP name; empty for a password login
  std::string issuer;
  std::string name_id;
  std::string name_id_format;
  std::string session_index;
  std::string attributes_json;  // {"claim": ["value", ...], ...}
  core::TimePoint created_at;
  core::TimePoint expires_at;
};

// What a commit survives (SQLite's synchronous setting in WAL mode,
// https://www.sqlite.org/pragma.html#pragma_synchronous).
enum class Durability {
  // synchronous=NORMAL: a commit is written to the log before it is answered, and the log is
  // synced at checkpoints. A killed SP process (kill -9, a crash) loses nothing; a power loss or an
  // operating-system crash may lose the last commits.
  process_crash,
  // synchronous=FULL: every commit is synced to the disk before it is answered (one fsync each).
  power_loss,
};

// Thread-safe: one connection behind a mutex, its statements compiled once and reused. Every
// operation returns core::Result; a database failure is store.failed with SQLite's message in the
// detail.
class Store {
 public:
  // Opens (creating it if needed) `path`, or an in-memory database for ":memory:", and creates or
  // migrates the schema. Fails with store.failed.
  static core::Result<Store> open(const std::string& path, Durability durability = Durability::process_crash);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // --- IdPs (by unique name; entity IDs are unique too) -----------------------------------
  core::Result<void> upsert_idp(const IdpRecord& idp);
  core::Result<std::optional<IdpRecord>> find_idp(std::string_view name);
  core::Result<std::vector<IdpRecord>> list_idps();
  core::Result<bool> set_idp_enabled(std::string_view name, bool enabled);  // false: unknown
  core::Result<bool> remove_idp(std::string_view name);                     // false: unknown

  // --- accounts ---------------------------------------------------------------------------
  core::Result<bool> insert_account_if_absent(const Account& account);  // false: existed
  core::Result<std::optional<Account>> find_account(std::string_view email);
  core::Result<std::vector<Account>> list_accounts();

  // --- outstanding requests (InResponseTo) ------------------------------------------------
  core::Result<void> add_outstanding(const OutstandingRequest& request);
  core::Result<std::optional<OutstandingRequest>> find_outstanding(std::string_view id);
  // Marks `id` used, atomically and once: true only for the first caller, and only while it is
  // unexpired and bound to `browser_binding`.
  core::Result<bool> consume_outstanding(std::string_view id, std::string_view browser_binding,
                                         core::TimePoint now);

  // --- replay cache (saml-profiles §4.1.4.5) ---------------------------------------------
  // Atomic insert-if-absent of an Assertion ID kept until `keep_until`: true when it was new,
  // false when it is already present. Expired rows are purged first.
  core::Result<bool> remember_assertion(std::string_view assertion_id, std::string_view issuer,
                                        core::TimePoint keep_until, core::TimePoint now);

  // --- sessions ---------------------------------------------------------------------------
  core::Result<void> create_session(const SessionRecord& session);
  // The session while unexpired at `now`, else nullopt.
  core::Result<std::optional<SessionRecord>> find_session(std::string_view id, core::TimePoint now);
  core::Result<void> delete_session(std::string_view id);
  // Ends the sessions an IdP LogoutRequest names (saml-core §3.7.3.2); empty session_index: all
  // of that NameID. Returns how many ended.
  core::Result<int> delete_sessions_for(std::string_view issuer, std::string_view name_id,
                                        std::string_view session_index);

  // --- changes and transactions ----------------------------------------------------------
  // A number that moves whenever the registered IdPs may have changed, through this Store or
  // through another process's connection to the same file. The ACS caches its trust store on it.
  core::Result<std::uint64_t> idps_version();
  // Runs `body` as one transaction with a single commit (one fsync), whatever `body` returns; other
  // threads' operations wait until it ends. The result is body's, or store.failed when the commit
  // fails, and then nothing of it was kept.
  core::Result<void> in_transaction(const std::function<core::Result<void>()>& body);

  struct Impl;  // the connection; defined in src/store/store_internal.hpp

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace samlt::sp
