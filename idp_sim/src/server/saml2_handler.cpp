// SPDX-License-Identifier: Apache-2.0
// GET/POST /{tenant}/saml2 (entra-spec §3.1, §4.1): one endpoint for AuthnRequest (Redirect and
// POST bindings) and LogoutRequest (Redirect only).
#include "logout.hpp"
#include "pages.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/idp/aadsts.hpp"
#include "server/handlers.hpp"

namespace samlt::idp::server {
namespace {

namespace n = core::names;

void log_received(Exchange& ex, const ReceivedMessage& message, std::string kind) {
  ex.server.messages.add({ex.now,
                          "received",
                          std::move(kind),
                          std::string(core::binding_name(message.binding.binding())),
                          "",
                          "",
                          message.binding.xml(),
                          {},
                          0,
                          ""});
}

void single_logout(Exchange& ex, const core::XmlDoc& doc, const ReceivedMessage& message) {
  auto result =
      handle_logout_request(ex.server.idp, doc, message.binding, token_time(ex.server.idp, ex.now));
  if (!result) {
    send_error_page(ex, result.error());  // I6: the session is not ended
    return;
  }
  if (auto id = cookie(ex, k_session_cookie)) {
    ex.server.sessions.remove(*id);
  }
  clear_session_cookie(ex);
  ex.server.messages.add({ex.now,
                          "sent",
                          "LogoutResponse",
                          "HTTP-Redirect",
                          result->app->app_id,
                          "",
                          result->response_xml,
                          {},
                          0,
                          ""});
  if (result->redirect) {
    send_redirect(ex, *result->redirect);
  } else {
    send_html(ex, 200, signed_out_page_html());
  }
}

}  // namespace

void handle_saml2(Exchange& ex) {
  if (!check_tenant(ex, ex.segments[0])) {
    return;
  }
  const Limits& limits = ex.config().limits;
  core::Result<ReceivedMessage> message = core::fail(core::Reason::internal_error);
  if (ex.request.getMethod() == "POST") {
    auto body = read_body(ex);
    message = body ? receive_post(*body, ex.raw_query, limits)
                   : core::Result<ReceivedMessage>(core::fail(body.error()));
  } else {
    message = receive_redirect(ex.raw_query, limits);
  }
  if (!message) {
    send_error_page(ex, message.error());
    return;
  }
  if (message->binding.parameter() == core::MessageParameter::saml_response) {
    // A LogoutResponse from an SP: idp_sim never sends LogoutRequests, so it only acknowledges.
    log_received(ex, *message, "LogoutResponse");
    send_html(ex, 200, signed_out_page_html());
    return;
  }
  auto doc = parse_message(message->binding, limits);
  if (!doc) {
    log_received(ex, *message, "unparseable");
    send_error_page(ex, doc.error());
    return;
  }
  if (core::is_element(doc->root(), n::ns_protocol, "LogoutRequest")) {
    log_received(ex, *message, "LogoutRequest");
    single_logout(ex, *doc, *message);
    return;
  }
  log_received(ex, *message, "AuthnRequest");
  AcceptOptions options;
  options.endpoint_url = ex.server.base_url + "/" + ex.server.idp.tenant_id() + "/saml2";
  auto context = accept_authn_request(ex.server.idp, *doc, *message, options,
                                      token_time(ex.server.idp, ex.now));
  if (!context) {
    send_error_page(ex, context.error());
    return;
  }
  continue_sign_in(ex, std::move(*context));
}

}  // namespace samlt::idp::server
