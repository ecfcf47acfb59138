// SPDX-License-Identifier: Apache-2.0
#include "samlt/idp/idp_logout.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"

namespace samlt::idp {

namespace n = core::names;

core::Result<IdpLogoutMessage> idp_logout_request(const Idp& idp, const App& app, const IdpLogoutRequest& request,
                                                  core::TimePoint t0) {
  IdpLogoutMessage out;
  out.request_id = core::new_saml_id();
  // saml-core §3.7.1: ID, Version, IssueInstant, Destination; Issuer, the NameID the session was
  // issued for (Format as issued) and its SessionIndex.
  core::XmlDoc doc = core::XmlDoc::create();
  xmlNode* root = core::make_root(doc, n::ns_protocol, "samlp", "LogoutRequest");
  core::set_attribute(root, "ID", out.request_id);
  core::set_attribute(root, "Version", "2.0");
  core::set_attribute(root, "IssueInstant", core::format_datetime(t0));
  core::set_attribute(root, "Destination", request.slo_url);
  core::append_element(root, n::ns_assertion, "", "Issuer", idp.issuer());
  xmlNode* name_id = core::append_element(root, n::ns_assertion, "", "NameID", request.name_id);
  if (!request.name_id_format.empty()) {
    core::set_attribute(name_id, "Format", request.name_id_format);
  }
  if (!request.session_index.empty()) {
    core::append_element(root, n::ns_protocol, "samlp", "SessionIndex", request.session_index);
  }
  out.xml = core::serialize(doc);

  auto certificate = idp.signing_certificate(app, t0);
  if (!certificate) {
    return core::fail(certificate.error());
  }
  core::RedirectSigner signer{(*certificate)->credential.key, app.algorithm == core::SignatureAlgorithm::rsa_sha1
                                                                  ? core::SignatureAlgorithm::rsa_sha1
                                                                  : core::SignatureAlgorithm::rsa_sha256};
  auto query = core::encode_redirect(core::MessageParameter::saml_request, out.xml, request.relay_state, &signer,
                                     request.hex_case.value_or(idp.config().knobs.url_encoding_case));
  if (!query) {
    return core::fail(query.error());
  }
  out.query = std::move(*query);
  return out;
}

}  // namespace samlt::idp
