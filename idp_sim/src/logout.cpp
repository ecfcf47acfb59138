// SPDX-License-Identifier: Apache-2.0
#include "logout.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/query_signature.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/aadsts.hpp"


#include <cctype>
#include <memory>

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
  core::HexCase hex = idp.config().knobs.url_encoding_case;
  std::string query =
      "SAMLResponse=" + core::url_encode(core::base64_encode(core::deflate_raw(xml)), hex);
  if (relay_state) {
    query += "&RelayState=" + core::url_encode(*relay_state, hex);
  }
  if (idp.config().knobs.slo_sign_response) {
    bool sha1 = app.algorithm == core::SignatureAlgorithm::rsa_sha1;
    query += "&SigAlg=" + core::url_encode(sha1 ? n::alg_rsa_sha1 : n::alg_rsa_sha256, hex);
    auto signer = idp.signing_certificate(app, t0);
    if (!signer) {
      return core::fail(signer.error());
    }
    auto signature = core::sign_query_octets(
        (*signer)->credential.key, sha1 ? core::SignatureAlgorithm::rsa_sha1 : core::SignatureAlgorithm::rsa_sha256, query);
    if (!signature) {
      return core::fail(signature.error());
    }
    query += "&Signature=" + core::url_encode(core::base64_encode(*signature), hex);
  }
  const std::string& url = *app.logout_url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + query;
}

}  // namespace

core::Result<LogoutResult> handle_logout_request(const Idp& idp, const core::XmlDoc& doc,
                                                 const ReceivedMessage& message,
                                                 core::TimePoint t0) {
  const xmlNode* root = doc.root();
  if (message.binding != Binding::redirect) {
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
    auto url = redirect_url(idp, *app, result.response_xml, message.relay_state, t0);
    if (!url) {
      return core::fail(url.error());
    }
    result.redirect = *url;
  }
  return result;
}

}  // namespace samlt::idp
