// SPDX-License-Identifier: Apache-2.0
#include "logout.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/aadsts.hpp"

#include <cctype>

namespace samlt::idp {
namespace {

using core::Reason;
namespace n = core::names;

std::string logout_response_xml(const Idp& idp, const App& app, const std::string& request_id,
                                core::TimePoint t0) {
  core::XmlDoc doc = core::XmlDoc::create();
  xmlNode* root = core::make_root(doc, n::ns_protocol, "samlp", "LogoutResponse");
  core::set_attribute(root, "ID", core::new_saml_id());
  core::set_attribute(root, "Version", "2.0");
  core::set_attribute(root, "IssueInstant", core::format_datetime(t0));
  if (app.logout_url) {
    core::set_attribute(root, "Destination", *app.logout_url);  // §4.3 [INFER]
  }
  core::set_attribute(root, "InResponseTo", request_id);
  core::append_element(root, n::ns_assertion, "", "Issuer", idp.logout_issuer());
  xmlNode* status = core::append_element(root, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value",
                      n::status_success);
  return core::serialize(doc);
}

// saml-bindings §3.4.4.1: the signature covers "SAMLResponse=…&RelayState=…&SigAlg=…" exactly as
// encoded in the URL; Entra encodes like .NET HttpUtility.UrlEncode (lower-case hex, I16).
core::Result<std::string> redirect_url(const Idp& idp, const App& app, const std::string& xml,
                                       const std::optional<std::string>& relay_state,
                                       core::TimePoint t0) {
  std::optional<core::RedirectSigner> signer;
  if (idp.config().knobs.slo_sign_response) {
    auto certificate = idp.signing_certificate(app, t0);
    if (!certificate) {
      return core::fail(certificate.error());
    }
    signer.emplace(core::RedirectSigner{(*certificate)->credential.key,
                                        app.algorithm == core::SignatureAlgorithm::rsa_sha1
                                            ? core::SignatureAlgorithm::rsa_sha1
                                            : core::SignatureAlgorithm::rsa_sha256});
  }
  auto query = core::encode_redirect(core::MessageParameter::saml_response, xml, relay_state,
                                     signer ? &*signer : nullptr,
                                     idp.config().knobs.url_encoding_case);
  if (!query) {
    return core::fail(query.error());
  }
  return core::redirect_url(*app.logout_url, *query);
}

}  // namespace

core::Result<LogoutResult> handle_logout_request(const Idp& idp, const core::XmlDoc& doc,
                                                 const core::BindingMessage& message,
                                                 core::TimePoint t0) {
  const xmlNode* root = doc.root();
  if (message.binding() != core::Binding::redirect) {
    return aadsts_fail(Reason::logout_request_malformed,
                       {.diagnostic = "SLO supports the Redirect binding only"});
  }
  auto id = core::attribute(root, "ID");
  if (!id || id->empty() || core::attribute(root, "Version") != "2.0" ||
      !core::parse_datetime(core::attribute(root, "IssueInstant").value_or(""))) {
    return aadsts_fail(Reason::logout_request_malformed,
                       {.diagnostic = "ID, Version 2.0 and IssueInstant are required"});
  }
  if (!std::isalpha(static_cast<unsigned char>(id->front())) && id->front() != '_') {
    return aadsts_fail(Reason::authn_request_id_invalid, {.value = *id});
  }
  auto issuer = core::simple_text(core::child_named(root, n::ns_assertion, "Issuer")).value_or("");
  const App* app = idp.app_by_identifier(issuer);
  if (app == nullptr) {
    return aadsts_fail(Reason::logout_request_issuer_unknown,
                       {.value = issuer, .tenant = idp.config().tenant_name});
  }
  if (core::child_named(root, n::ns_assertion, "NameID") == nullptr) {
    return aadsts_fail(Reason::logout_request_name_id_missing, {});
  }
  LogoutResult result;
  result.app = app;
  result.request_id = *id;
  result.response_xml = logout_response_xml(idp, *app, *id, t0);
  if (app->logout_url) {
    auto url = redirect_url(idp, *app, result.response_xml, message.relay_state(), t0);
    if (!url) {
      return core::fail(url.error());
    }
    result.redirect = *url;
  }
  return result;
}

}  // namespace samlt::idp
