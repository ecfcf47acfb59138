// SPDX-License-Identifier: Apache-2.0
// The SAML endpoints: metadata, SP-initiated login, the ACS, SLO, policy and verdict traces.
#include "server/handlers.hpp"

#include "samlt/sp/sp_server.hpp"
#include "samlt/sp/verdict_log.hpp"
#include "server/pages.hpp"
#include "validation/verdict_json.hpp"

namespace samlt::sp::server {
namespace {

// Set-Cookie for the browser binding of outstanding AuthnRequests (InResponseTo is bound to the
// browser that started the login). SameSite=Lax suffices on loopback (the IdP and the SP are the
// same site); an https deployment behind Entra would need SameSite=None; Secure for the
// cross-site POST.
void set_binding_cookie(Exchange& ex, std::string_view value) {
  ex.set_cookie(k_binding_cookie, value);
}

void answer_verdict(Exchange& ex, const Verdict& verdict) {
  if (verdict.accepted) {
    ex.set_cookie(k_session_cookie, verdict.session_id);
    if (ex.wants_json()) {
      ex.send_json(200, acs_answer_json(verdict));
    } else {
      ex.redirect(verdict.redirect_to);
    }
    return;
  }
  if (ex.wants_json()) {
    ex.send_json(403, acs_answer_json(verdict));
  } else {
    ex.send_html(403, pages::rejection(verdict));
  }
}

}  // namespace

void send_error(Exchange& ex, int status, const core::Error& error) {
  if (ex.wants_json()) {
    ex.send_json(status, {{"error", {{"id", core::id(error.reason)}, {"summary", core::summary(error.reason)},
                                     {"detail", error.detail}}}});
  } else {
    ex.send_html(status, pages::error(status, error));
  }
}

void saml_metadata(Exchange& ex) {
  std::string xml = ex.sp.metadata_xml();
  if (xml.empty()) {
    send_error(ex, 500, {core::Reason::internal_error, "the SP metadata could not be built"});
    return;
  }
  ex.send(200, "application/samlmetadata+xml", xml);
}

void saml_login(Exchange& ex) {
  std::string idp = query_value(ex.raw_query, "idp");
  if (idp.empty()) {
    // Convenience: with exactly one enabled IdP, ?idp= may be left out.
    auto idps = ex.sp.list_idps();
    int enabled = 0;
    for (const auto& record : idps ? *idps : std::vector<IdpRecord>{}) {
      if (record.enabled) {
        idp = record.name;
        ++enabled;
      }
    }
    if (enabled != 1) {
      send_error(ex, 400, {core::Reason::config_invalid, "name the IdP: /saml/login?idp=NAME"});
      return;
    }
  }
  auto login = ex.sp.begin_login(idp, query_value(ex.raw_query, "RelayState"), ex.cookie(k_binding_cookie));
  if (!login) {
    send_error(ex, login.error().reason == core::Reason::store_failed ? 500 : 400, login.error());
    return;
  }
  set_binding_cookie(ex, login->browser_binding);
  if (ex.wants_json()) {
    ex.send_json(200, {{"redirect", login->url}, {"authn_request_id", login->request_id}});
  } else {
    ex.redirect(login->url);
  }
}

// The ACS hands the request over as received: the binding.post_form step decides about method,
// Content-Type, size and fields. Only reading is capped here (a body is never held beyond the
// largest one that step accepts).
void saml_acs(Exchange& ex) {
  AcsRequest request = ex.acs_request(max_http_body_bytes(ex.sp.policy()));
  answer_verdict(ex, ex.sp.consume_acs(request, ex.cookie(k_binding_cookie)));
}

void saml_slo(Exchange& ex) {
  if (!ex.is_get()) {
    send_error(ex, 405, {core::Reason::binding_method_not_post, "SLO uses the HTTP-Redirect binding (GET) only"});
    return;
  }
  std::string session = ex.cookie(k_session_cookie);
  auto outcome = ex.sp.handle_slo(ex.raw_query, session);
  if (!outcome) {
    send_error(ex, outcome.error().reason == core::Reason::store_failed ? 500 : 400, outcome.error());
    return;
  }
  if (!session.empty() && ex.sp.find_session(session).has_value() == false) {
    ex.set_cookie(k_session_cookie, "", 0);
  }
  if (ex.wants_json()) {
    ex.send_json(200, {{"redirect", outcome->redirect_url}, {"sessions_ended", outcome->sessions_ended},
                       {"message", outcome->message}});
  } else {
    ex.redirect(outcome->redirect_url);
  }
}

void saml_policy(Exchange& ex) { ex.send(200, "application/json", ex.sp.policy_json()); }

void verdicts(Exchange& ex) {
  std::string id = ex.path.substr(std::string_view("/verdicts/").size());
  auto json = ex.sp.verdict_json(id);
  if (!json) {
    ex.send_json(404, {{"error", "no verdict with this request id (the newest " +
                                     std::to_string(VerdictLog::k_default_capacity) +
                                     " since the SP started are kept)"}});
  } else {
    ex.send(200, "application/json", *json);
  }
}

}  // namespace samlt::sp::server
