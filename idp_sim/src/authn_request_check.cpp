// SPDX-License-Identifier: Apache-2.0
// A captured AuthnRequest through the sign-in flow's own checks.
#include "samlt/idp/authn_request_check.hpp"

#include "received_message.hpp"
#include "samlt/core/saml_names.hpp"
#include "sign_in.hpp"

namespace samlt::idp {
namespace {

AuthnRequestVerdict refused(const core::Error& error) {
  AuthnRequestVerdict out;
  out.refusal = as_aadsts(error);
  if (!out.refusal) {
    out.internal_error = std::string(core::id(error.reason)) + ": " + error.detail;
  }
  return out;
}

}  // namespace

std::string saml_endpoint_url(const Idp& idp) {
  return idp.config().public_base_url.value_or("https://login.microsoftonline.com") + "/" + idp.tenant_id() +
         "/saml2";
}

AuthnRequestVerdict check_authn_request(const Idp& idp, const core::BindingMessage& message, core::TimePoint at) {
  ReceivedMessage received = receive_decoded(message);
  auto doc = parse_message(received.binding, idp.config().limits);
  if (!doc) {
    return refused(doc.error());
  }
  AcceptOptions options;
  options.endpoint_url = saml_endpoint_url(idp);
  auto context = accept_authn_request(idp, *doc, received, options, at);
  if (!context) {
    AuthnRequestVerdict out = refused(context.error());
    // Which app the Issuer named, when the refusal came after the lookup.
    if (auto issuer = core::simple_text(core::child_named(doc->root(), core::names::ns_assertion, "Issuer"))) {
      if (const App* app = idp.app_by_identifier(*issuer)) {
        out.app_id = app->app_id;
        out.app_name = app->display_name;
      }
    }
    return out;
  }
  AuthnRequestVerdict out;
  out.app_id = context->app.app_id;
  out.app_name = context->app.display_name;
  out.acs_url = context->acs_url;
  out.audience = context->audience;
  return out;
}

}  // namespace samlt::idp
