// SPDX-License-Identifier: Apache-2.0
// ServiceProvider: single logout over the HTTP-Redirect binding (saml-profiles §4.4; Entra
// supports Redirect only, entra-spec §4.1).
#include "service_provider_impl.hpp"

#include "samlt/core/binding.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/sp/redirect_signature.hpp"
#include "saml/messages.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp {
namespace {

namespace n = core::names;

// A signed Redirect URL to the IdP's SLO endpoint (saml-bindings §3.4.4.1).
core::Result<std::string> to_idp(const TrustedIdp& idp, core::MessageParameter parameter, const std::string& xml,
                                 const std::optional<std::string>& relay_state, const core::Credential& signing) {
  core::RedirectSigner signer{signing.key};
  auto query = core::encode_redirect(parameter, xml, relay_state, &signer);
  if (!query) {
    return core::fail(query.error());
  }
  return core::redirect_url(idp.slo_url, *query);
}

// Which registered IdP sent a logout message: its entity ID, or Entra's login.microsoftonline.com
// alias for the same tenant (trust.hpp is_logout_issuer_of).
const TrustedIdp* logout_issuer(const TrustStore& trust, std::string_view issuer) {
  for (const auto& idp : trust) {
    if (is_logout_issuer_of(idp, issuer)) {
      return &idp;
    }
  }
  return nullptr;
}

}  // namespace

core::Result<SloOutcome> ServiceProvider::handle_slo(std::string_view raw_query, std::string_view session_id) {
  Impl& impl = *m_impl;
  const SpConfig& config = impl.config;
  core::TimePoint now = impl.clock.now();
  auto snapshot = impl.trust.current(impl.store);
  if (!snapshot) {
    return core::fail(snapshot.error());
  }
  const TrustStore* trust = snapshot->get();
  auto message = core::decode_redirect(raw_query, core::Accepts::either, binding_limits(config.policy));
  if (!message && message.error().reason != core::Reason::binding_message_missing) {
    return core::fail(message.error());
  }
  if (!message) {
    // SP-initiated: end the local session first (it is over whatever the IdP answers), then ask
    // the IdP to end its own with a LogoutRequest naming the NameID and SessionIndex it issued.
    auto session = find_session(session_id);
    if (!session) {
      return SloOutcome{"/", 0, "no session to end"};
    }
    if (auto ended = impl.store.delete_session(session->id); !ended) {
      return core::fail(ended.error());
    }
    const TrustedIdp* idp = find_by_name(*trust, session->idp);
    if (idp == nullptr || idp->slo_url.empty() || session->name_id.empty()) {
      impl.log_event("slo", {{"direction", "sp-initiated"}, {"idp", session->idp}, {"idp_notified", false}});
      return SloOutcome{"/", 1, "signed out locally"};
    }
    std::string id = core::new_saml_id();
    std::string xml = messages::logout_request({id, now, idp->slo_url, config.entity_id, session->name_id,
                                                session->name_id_format, session->session_index});
    OutstandingRequest request{id, RequestKind::logout, idp->name, "", "", now + config.policy.request_lifetime, false};
    if (auto added = impl.store.add_outstanding(request); !added) {
      return core::fail(added.error());
    }
    auto url = to_idp(*idp, core::MessageParameter::saml_request, xml, std::nullopt, config.signing);
    if (!url) {
      return core::fail(url.error());
    }
    impl.log_event("slo", {{"direction", "sp-initiated"}, {"idp", idp->name}, {"logout_request_id", id}});
    return SloOutcome{*url, 1, "signed out; notifying the IdP"};
  }
  auto doc = core::parse_strict(message->xml(), core::ParseLimits{config.policy.max_message_bytes, 64});
  if (!doc) {
    return core::fail(doc.error());
  }
  xmlNode* root = doc->root();
  bool is_response = core::is_element(root, n::ns_protocol, "LogoutResponse");
  bool is_request = core::is_element(root, n::ns_protocol, "LogoutRequest");
  if ((!is_response && !is_request) ||
      (is_response != (message->parameter() == core::MessageParameter::saml_response))) {
    return core::fail(core::Reason::logout_message_invalid, "not a LogoutRequest in SAMLRequest or a LogoutResponse in SAMLResponse");
  }
  if (auto destination = core::attribute(root, "Destination"); destination && *destination != config.slo_url()) {
    return core::fail(core::Reason::response_destination_mismatch, "Destination '" + *destination + "' is not this SLO URL");
  }
  std::string issuer = read::text_of(core::child_named(root, n::ns_assertion, "Issuer"));
  const TrustedIdp* idp = logout_issuer(*trust, issuer);
  if (idp == nullptr) {
    return core::fail(core::Reason::response_issuer_mismatch, "logout Issuer '" + issuer + "' is not a registered IdP");
  }
  bool signed_message = message->is_signed();
  const bool required = is_request ? config.policy.require_signed_logout_requests
                                   : config.policy.require_signed_logout_responses;
  if (signed_message || required) {
    auto verified = verify_redirect_signature(*message, idp->signing_certificates, config.policy);
    if (!verified) {
      return core::fail(verified.error());
    }
  }
  if (is_response) {
    std::string irt = core::attribute(root, "InResponseTo").value_or("");
    auto request = impl.store.find_outstanding(irt);
    if (!request) {
      return core::fail(request.error());
    }
    if (irt.empty() || !*request || (*request)->kind != RequestKind::logout || (*request)->idp != idp->name) {
      return core::fail(core::Reason::response_in_response_to_unknown, "InResponseTo '" + irt + "' names no LogoutRequest");
    }
    auto consumed = impl.store.consume_outstanding(irt, "", now);
    if (!consumed || !*consumed) {
      return consumed ? core::fail(core::Reason::response_in_response_to_unknown, "LogoutRequest '" + irt + "' was answered or expired")
                      : core::fail(consumed.error());
    }
    std::string status = core::attribute(core::child_named(core::child_named(root, n::ns_protocol, "Status"),
                                                           n::ns_protocol, "StatusCode"), "Value").value_or("");
    if (status != n::status_success) {
      return core::fail(core::Reason::status_not_success, "LogoutResponse StatusCode '" + status + "'");
    }
    impl.log_event("slo", {{"direction", "logout-response"}, {"idp", idp->name}, {"issuer", issuer}});
    return SloOutcome{"/", 0, "the IdP confirmed the logout"};
  }
  std::string name_id = read::text_of(core::child_named(root, n::ns_assertion, "NameID"));
  std::string request_id = core::attribute(root, "ID").value_or("");
  if (name_id.empty() || request_id.empty()) {
    return core::fail(core::Reason::logout_message_invalid, "LogoutRequest without ID or NameID");
  }
  std::string index = read::text_of(core::child_named(root, n::ns_protocol, "SessionIndex"));
  auto ended = impl.store.delete_sessions_for(idp->entity_id, name_id, index);
  if (!ended) {
    return core::fail(ended.error());
  }
  impl.log_event("slo", {{"direction", "idp-initiated"}, {"idp", idp->name}, {"name_id", name_id}, {"sessions_ended", *ended}});
  if (idp->slo_url.empty()) {
    return SloOutcome{"/", *ended, "signed out by the IdP"};
  }
  std::string xml = messages::logout_response({core::new_saml_id(), now, idp->slo_url, config.entity_id, request_id,
                                               std::string(n::status_success)});
  auto url = to_idp(*idp, core::MessageParameter::saml_response, xml, message->relay_state(), config.signing);
  if (!url) {
    return core::fail(url.error());
  }
  return SloOutcome{*url, *ended, "signed out by the IdP"};
}

}  // namespace samlt::sp
