// SPDX-License-Identifier: Apache-2.0
// ServiceProvider: construction, the ACS decision and SP-initiated login.
#include "service_provider_impl.hpp"

#include "samlt/core/binding.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/sp/relay_state.hpp"
#include "samlt/sp/sp_metadata.hpp"
#include "samlt/sp/validation/admission.hpp"
#include "samlt/sp/validation/pipeline.hpp"
#include "saml/messages.hpp"
#include "validation/verdict_json.hpp"

#include <cstdio>
#include <mutex>

namespace samlt::sp {

LogSink stdout_log_sink() {
  return [](const std::string& line) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  };
}

LogSink null_log_sink() {
  return [](const std::string&) {};
}

void ServiceProvider::Impl::log_event(std::string_view event, nlohmann::json fields) {
  nlohmann::json line = {{"time", core::format_datetime(clock.now())}, {"event", event}};
  line.update(fields);
  log(dump_json(line));
}

ServiceProvider::ServiceProvider(SpConfig config, Store store, const core::Clock& clock, LogSink log)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(store), clock, std::move(log))) {
  m_impl->decryption_keys.push_back(m_impl->config.encryption.key);
  if (m_impl->config.encryption_next) {
    m_impl->decryption_keys.push_back(m_impl->config.encryption_next->key);
  }
  auto metadata = build_sp_metadata(m_impl->config);
  if (metadata) {
    m_impl->metadata = std::move(*metadata);
  } else {
    m_impl->log_event("metadata.error", {{"detail", metadata.error().detail}});
  }
}

ServiceProvider::~ServiceProvider() = default;

const SpConfig& ServiceProvider::config() const { return m_impl->config; }
const Policy& ServiceProvider::policy() const { return m_impl->config.policy; }
std::string ServiceProvider::entity_id() const { return m_impl->config.entity_id; }
std::string ServiceProvider::acs_url() const { return m_impl->config.acs_url(); }
std::string ServiceProvider::slo_url() const { return m_impl->config.slo_url(); }
std::string ServiceProvider::metadata_xml() const { return m_impl->metadata; }
std::string ServiceProvider::policy_json() const { return sp::policy_json(m_impl->config.policy); }
Store& ServiceProvider::store() { return m_impl->store; }

core::Result<LoginRedirect> ServiceProvider::begin_login(std::string_view idp_name, std::string_view relay_state,
                                                         std::string_view browser_binding) {
  const SpConfig& config = m_impl->config;
  auto target = check_relay_state(relay_state, config.relay_state, config.effective_base_url());
  if (!target) {
    return core::fail(target.error());
  }
  auto record = m_impl->store.find_idp(idp_name);
  if (!record) {
    return core::fail(record.error());
  }
  if (!*record) {
    return core::fail(core::Reason::config_invalid, "no IdP named '" + std::string(idp_name) + "'");
  }
  if (!(*record)->enabled) {
    return core::fail(core::Reason::response_idp_disabled, "IdP '" + std::string(idp_name) + "' is disabled");
  }
  const IdpRecord& idp = **record;
  core::TimePoint now = m_impl->clock.now();
  LoginRedirect login;
  login.request_id = core::new_saml_id();
  login.browser_binding = browser_binding.empty() ? core::to_hex(core::random_bytes(24)) : std::string(browser_binding);
  std::string xml = messages::authn_request({login.request_id, now, idp.sso_url, config.acs_url(), config.entity_id,
                                             config.policy.required_name_id_format});
  bool sign = config.sign_authn_requests || idp.want_authn_requests_signed;
  core::RedirectSigner signer{config.signing.key};
  auto query = core::encode_redirect(core::MessageParameter::saml_request, xml,
                                     relay_state.empty() ? std::nullopt : std::optional(relay_state),
                                     sign ? &signer : nullptr);
  if (!query) {
    return core::fail(query.error());
  }
  login.url = core::redirect_url(idp.sso_url, *query);
  OutstandingRequest request{login.request_id, RequestKind::authn, idp.name, login.browser_binding,
                             std::string(relay_state), now + config.policy.request_lifetime, false};
  if (auto added = m_impl->store.add_outstanding(request); !added) {
    return core::fail(added.error());
  }
  m_impl->log_event("login.start", {{"idp", idp.name}, {"authn_request_id", login.request_id}, {"signed", sign}});
  return login;
}

Verdict ServiceProvider::consume_acs_post(const core::FormFields& form, std::string_view browser_binding) {
  return consume_acs(browser_post(form), browser_binding);
}

Verdict ServiceProvider::consume_acs(const AcsRequest& request, std::string_view browser_binding) {
  Impl& impl = *m_impl;
  const SpConfig& config = impl.config;
  core::TimePoint now = impl.clock.now();
  Verdict verdict;
  verdict.request_id = core::new_guid();
  std::string name_id;
  try {
    auto trust = impl.trust.current(impl.store);
    if (!trust) {
      run_traced("trust_store.load", [&] { return core::Result<void>(core::fail(trust.error())); }, verdict);
    } else {
      OutstandingLookup lookup = [&impl](std::string_view id) { return impl.store.find_outstanding(id); };
      std::string acs = config.acs_url();
      std::string base = config.effective_base_url();
      Context ctx{config.entity_id, acs, base, config.policy, config.relay_state, now, request, browser_binding,
                  **trust, lookup, impl.decryption_keys, config.session_lifetime};
      Evidence ev;
      std::string id = verdict.request_id;
      verdict = run_pipeline(ctx, ev);
      verdict.request_id = id;
      if (verdict.accepted) {
        admit(ctx, ev, impl.store, verdict);
      }
      verdict.idp = ev.idp ? ev.idp->name : "";
      name_id = ev.name_id;
      if (verdict.accepted) {
        verdict.session_id = ev.session_id;
        verdict.account = ev.account ? ev.account->email : "";
        std::string target = !ev.relay_state.empty() ? ev.relay_state : (ev.request ? ev.request->relay_state : "");
        verdict.redirect_to = target.empty() ? "/me" : target;
      }
    }
  } catch (const std::exception& e) {
    verdict = Verdict{false, core::Reason::internal_error, "acs", e.what(), verdict.trace, verdict.request_id};
  } catch (...) {
    verdict = Verdict{false, core::Reason::internal_error, "acs", "unknown exception", verdict.trace, verdict.request_id};
  }
  impl.verdicts.add(verdict, now);
  nlohmann::json line = acs_answer_json(verdict);
  line.update({{"idp", verdict.idp}, {"name_id", name_id}, {"account", verdict.account}, {"detail", verdict.detail}});
  impl.log_event("acs.verdict", line);
  return verdict;
}

std::optional<std::string> ServiceProvider::verdict_json(std::string_view request_id) const {
  auto logged = m_impl->verdicts.find(request_id);
  if (!logged) {
    return std::nullopt;
  }
  return dump_json(verdict_trace_json(logged->verdict, m_impl->config.policy, logged->decided_at));
}

}  // namespace samlt::sp
