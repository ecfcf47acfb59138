// SPDX-License-Identifier: Apache-2.0
// ServiceProvider: the whole SP without HTTP. The HTTP server is a thin layer over this one
// object, and in-process tests (IdP library -> mutators -> SP) call it directly: one code path.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/result.hpp"
#include "samlt/sp/acs_request.hpp"
#include "samlt/sp/sp_config.hpp"
#include "samlt/sp/store.hpp"
#include "samlt/sp/trust.hpp"
#include "samlt/sp/verdict.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp {

// Receives one structured log line (a JSON object, no newline) per decision.
using LogSink = std::function<void(const std::string& line)>;
LogSink stdout_log_sink();  // writes the line and a newline to stdout, serialised
LogSink null_log_sink();

// An SP-initiated login in progress: send the browser to `url` (HTTP-Redirect AuthnRequest) with
// `browser_binding` set as the samlt_sp_binding cookie.
struct LoginRedirect {
  std::string url;
  std::string request_id;       // the AuthnRequest ID the Response must answer (InResponseTo)
  std::string browser_binding;  // the value passed in, or a fresh one when that was empty
};

// What the SLO endpoint should do next.
struct SloOutcome {
  std::string redirect_url;  // where to send the browser ("/" when there is nowhere else)
  int sessions_ended = 0;
  std::string message;       // one line for people
};

// Thread-safe: every method may be called from any server thread at once.
class ServiceProvider {
 public:
  // REQUIRES: `clock` outlives this object; config.signing and config.encryption hold loaded
  // credentials (load_sp_config does it; in code e.g. test::test_credential("sp-signing")).
  // config.base_url may be empty (then http://<host>:<port> from the config is used): the ACS URL
  // that Destination and Recipient must equal is base + /saml/acs. `store` may be a file or
  // ":memory:". Seeds nothing: see seed_accounts() and seed_idp().
  //
  // In-process use (no sockets), e.g. an e2e test:
  //   ServiceProvider sp(config, std::move(*Store::open(":memory:")), clock, null_log_sink());
  //   sp.seed_accounts();  sp.register_idp_from_metadata("entra", idp_metadata_xml);
  //   auto login = sp.begin_login("entra");            // answer login->request_id
  //   Verdict v = sp.consume_acs_post(form, login->browser_binding);
  ServiceProvider(SpConfig config, Store store, const core::Clock& clock,
                  LogSink log = stdout_log_sink());
  ~ServiceProvider();
  ServiceProvider(const ServiceProvider&) = delete;
  ServiceProvider& operator=(const ServiceProvider&) = delete;

  const SpConfig& config() const;
  const Policy& policy() const;
  std::string entity_id() const;
  std::string acs_url() const;
  std::string slo_url() const;
  std::string metadata_xml() const;  // signed SP metadata, built once
  std::string policy_json() const;
  Store& store();

  // Inserts the config's accounts that do not exist yet (existing rows are kept: after the first
  // start the database is the truth). Passwords are stored hashed. Fails with store.failed.
  core::Result<void> seed_accounts();
  // Registers one configured IdP unless its name is registered already: from metadata_file, from
  // the manual entity_id + sso_url + certificate_file, or by fetching metadata_url once (for a
  // registered metadata_url IdP this is a refresh). Returns true when the IdP is registered
  // afterwards. Fails with io.read_failed, the reasons of register_idp_*, store.failed.
  core::Result<bool> seed_idp(const TrustedIdpSeed& seed);

  // --- SSO -------------------------------------------------------------------------------
  // Creates an AuthnRequest for the enabled IdP `idp_name` and records its ID as outstanding,
  // bound to `browser_binding` (a fresh binding is made when empty). RelayState is checked first.
  // Fails with config.invalid (unknown IdP), response.idp_disabled, binding.relay_state_invalid,
  // store.failed, internal.error (OpenSSL could not sign).
  core::Result<LoginRedirect> begin_login(std::string_view idp_name,
                                          std::string_view relay_state = {},
                                          std::string_view browser_binding = {});

  // The ACS: runs the pipeline on the request as received (its first step, binding.post_form,
  // owns method, Content-Type, size and fields) and, when it passes, admission (replay, request
  // consumption, account, session). Records the verdict (GET /verdicts/<id>) and one log line. On
  // acceptance verdict.session_id is the new session. Never throws.
  Verdict consume_acs(const AcsRequest& request, std::string_view browser_binding);

  // consume_acs of what a browser's auto-POST form of `form` sends (browser_post).
  Verdict consume_acs_post(const core::FormFields& form, std::string_view browser_binding);

  // The trace of decision `request_id` as JSON (with the policy), or nullopt. The newest
  // decisions are kept in memory (verdict_log.hpp): a restart forgets them.
  std::optional<std::string> verdict_json(std::string_view request_id) const;

  // --- trust store -------------------------------------------------------------------------
  // Registers (or updates) IdP `name` from metadata XML. A new name: trust on first use (the
  // admin who imports the file vouches for it). An existing name (a refresh): the document must
  // carry a root signature that verifies with a certificate already trusted for it
  // (metadata.signature_missing, metadata.signature_invalid) and name the same entity ID
  // (metadata.entity_id_mismatch). `enabled` is kept for an existing IdP. Fails with the reasons
  // of parse_idp_metadata / verify_metadata_signature, config.invalid (empty name, entity ID
  // registered under another name), store.failed.
  core::Result<TrustedIdp> register_idp_from_metadata(std::string_view name, std::string_view xml,
                                                      std::string_view metadata_url = {});
  // The manual fallback: entity ID, SSO URL (http/https) and one PEM certificate.
  core::Result<TrustedIdp> register_idp_manual(std::string_view name, std::string_view entity_id,
                                               std::string_view sso_url,
                                               std::string_view certificate_pem,
                                               std::string_view slo_url = {});
  // Fetches the IdP's recorded metadata_url again and registers the result.
  core::Result<TrustedIdp> refresh_idp(std::string_view name);
  core::Result<void> set_idp_enabled(std::string_view name, bool enabled);  // config.invalid
  core::Result<void> remove_idp(std::string_view name);                     // config.invalid
  core::Result<std::vector<IdpRecord>> list_idps();

  // --- sessions ----------------------------------------------------------------------------
  // Password login for accounts with a password. Any failure is account.password_invalid to the
  // caller (no account enumeration); the precise cause is logged. Also account.disabled.
  core::Result<SessionRecord> password_login(std::string_view email, std::string_view password);
  // The unexpired session `session_id`. Fails with session.missing.
  core::Result<SessionRecord> find_session(std::string_view session_id);
  core::Result<Account> account_of(const SessionRecord& session);  // session.missing
  core::Result<void> end_session(std::string_view session_id);

  // --- SLO (HTTP-Redirect only, like Entra) -------------------------------------------------
  // `raw_query` without SAMLRequest/SAMLResponse starts SP-initiated logout for `session_id`.
  // A LogoutResponse answers ours (Issuer: the IdP or Entra's login.microsoftonline.com alias);
  // a LogoutRequest from the IdP ends the sessions it names and answers with a LogoutResponse.
  // Fails with binding.*, codec.*, xml.*, logout.message_invalid, response.issuer_mismatch,
  // response.in_response_to_unknown, status.not_success, signature.*, key.*.
  core::Result<SloOutcome> handle_slo(std::string_view raw_query, std::string_view session_id);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace samlt::sp
