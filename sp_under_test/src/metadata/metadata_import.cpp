// SPDX-License-Identifier: Apache-2.0
// Reading an IdP's federation metadata (saml-metadata §2.3.2 KeyDescriptor, §2.4.3
// IDPSSODescriptor). Only what this SP uses is read; everything it reads is checked.
#include "samlt/sp/metadata_import.hpp"

#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"

namespace samlt::sp {
namespace {

namespace n = core::names;

auto invalid(std::string why) { return core::fail(core::Reason::metadata_invalid, std::move(why)); }

bool is_http_url(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

// The EntityDescriptor to import: the root, or in an aggregate the first one with an IdP role.
xmlNode* entity_of(xmlNode* root) {
  if (core::is_element(root, n::ns_metadata, "EntityDescriptor")) {
    return root;
  }
  if (!core::is_element(root, n::ns_metadata, "EntitiesDescriptor")) {
    return nullptr;
  }
  auto entities = core::descendants_named(root, n::ns_metadata, "EntityDescriptor");
  for (xmlNode* entity : entities) {
    if (core::child_named(entity, n::ns_metadata, "IDPSSODescriptor") != nullptr) {
      return entity;
    }
  }
  return entities.empty() ? nullptr : entities.front();
}

// saml-metadata §2.2.1: validUntil in the past means the document must not be used. Returns the
// instant (nullopt when the element has none).
core::Result<std::optional<core::TimePoint>> check_valid_until(const xmlNode* element, core::TimePoint now) {
  auto valid_until = core::attribute(element, "validUntil");
  if (!valid_until) {
    return std::optional<core::TimePoint>();
  }
  auto at = core::parse_datetime(*valid_until);
  if (!at) {
    return invalid("validUntil is not a dateTime: " + *valid_until);
  }
  if (*at <= now) {
    return invalid("validUntil " + *valid_until + " has passed");
  }
  return std::optional<core::TimePoint>(*at);
}

// Every endpoint must be http(s): a javascript: or data: Location would be followed by browsers
// (attack-catalogue MD-ENDPOINT-SCHEME).
core::Result<std::string> endpoint(const xmlNode* role, std::string_view local, std::string_view binding) {
  std::string found;
  for (xmlNode* service : core::children_named(role, n::ns_metadata, local)) {
    std::string location = core::attribute(service, "Location").value_or("");
    if (!is_http_url(location)) {
      return invalid(std::string(local) + " Location '" + location + "' is not an http(s) URL");
    }
    if (found.empty() && core::attribute(service, "Binding").value_or("") == binding) {
      found = location;
    }
  }
  return found;
}

// KeyDescriptor with use="signing" or without use (saml-metadata §2.4.1.1: no use = both). A
// descriptor without use must not be skipped (attack-catalogue POS-KEYDESCRIPTOR-NO-USE).
core::Result<std::vector<core::Certificate>> signing_certificates(const xmlNode* role) {
  std::vector<core::Certificate> out;
  for (xmlNode* descriptor : core::children_named(role, n::ns_metadata, "KeyDescriptor")) {
    std::string use = core::attribute(descriptor, "use").value_or("signing");
    if (use != "signing") {
      continue;
    }
    xmlNode* info = core::child_named(descriptor, n::ns_dsig, "KeyInfo");
    for (xmlNode* data : core::children_named(info, n::ns_dsig, "X509Data")) {
      for (xmlNode* text : core::children_named(data, n::ns_dsig, "X509Certificate")) {
        auto cert = core::Certificate::from_base64(core::simple_text(text).value_or(""));
        if (!cert) {
          return invalid("a signing X509Certificate cannot be decoded: " + cert.error().detail);
        }
        bool seen = false;
        for (const auto& known : out) {
          seen = seen || known.same_as(*cert);
        }
        if (!seen) {
          out.push_back(std::move(*cert));
        }
      }
    }
  }
  return out;
}

}  // namespace

core::Result<IdpMetadata> parse_idp_metadata(std::string_view xml, core::TimePoint now) {
  auto doc = core::parse_strict(xml, core::ParseLimits{k_max_metadata_bytes, 64});
  if (!doc) {
    return core::fail(doc.error());
  }
  xmlNode* entity = entity_of(doc->root());
  if (entity == nullptr) {
    return invalid("the root is neither md:EntityDescriptor nor md:EntitiesDescriptor");
  }
  IdpMetadata out;
  out.entity_id = core::attribute(entity, "entityID").value_or("");
  if (out.entity_id.empty()) {
    return invalid("EntityDescriptor has no entityID");
  }
  for (const xmlNode* timed : {static_cast<const xmlNode*>(doc->root()), static_cast<const xmlNode*>(entity)}) {
    auto ok = check_valid_until(timed, now);
    if (!ok) {
      return core::fail(ok.error());
    }
    if (*ok && (!out.valid_until || **ok < *out.valid_until)) {
      out.valid_until = *ok;
    }
  }
  xmlNode* role = nullptr;
  for (xmlNode* candidate : core::children_named(entity, n::ns_metadata, "IDPSSODescriptor")) {
    if (core::attribute(candidate, "protocolSupportEnumeration").value_or("").find(n::ns_protocol) !=
        std::string::npos) {
      role = candidate;
      break;
    }
  }
  if (role == nullptr) {
    return core::fail(core::Reason::metadata_no_idp, "no SAML 2.0 IDPSSODescriptor for " + out.entity_id);
  }
  auto certificates = signing_certificates(role);
  if (!certificates) {
    return core::fail(certificates.error());
  }
  if (certificates->empty()) {
    return core::fail(core::Reason::metadata_no_signing_key, "no signing X509Certificate for " + out.entity_id);
  }
  out.signing_certificates = std::move(*certificates);
  auto sso = endpoint(role, "SingleSignOnService", n::binding_redirect);
  auto slo = endpoint(role, "SingleLogoutService", n::binding_redirect);
  if (!sso || !slo) {
    return core::fail(!sso ? sso.error() : slo.error());
  }
  if (sso->empty()) {
    return invalid("no HTTP-Redirect SingleSignOnService (AuthnRequests are sent by Redirect)");
  }
  out.sso_url = *sso;
  out.slo_url = *slo;
  std::string want = core::attribute(role, "WantAuthnRequestsSigned").value_or("false");
  out.want_authn_requests_signed = want == "true" || want == "1";
  out.is_signed = core::child_named(doc->root(), n::ns_dsig, "Signature") != nullptr ||
                  core::child_named(entity, n::ns_dsig, "Signature") != nullptr;
  return out;
}

core::Result<void> verify_metadata_signature(std::string_view xml,
                                             std::span<const core::Certificate> trusted,
                                             const Policy& policy) {
  auto doc = core::parse_strict(xml, core::ParseLimits{k_max_metadata_bytes, 64});
  if (!doc) {
    return core::fail(doc.error());
  }
  // The signature must sit on the root (SAML2int IIP-MD03): a signed EntityDescriptor nested
  // in an unsigned aggregate does not vouch for its siblings (attack-catalogue MD-XSW).
  xmlNode* root = doc->root();
  auto signature = core::enveloped_signature_of(root);
  if (!signature) {
    return core::fail(core::Reason::metadata_signature_invalid,
                      std::string(core::id(signature.error().reason)) + ": " + signature.error().detail);
  }
  if (*signature == nullptr) {
    return core::fail(core::Reason::metadata_signature_missing, "the metadata root carries no Signature");
  }
  auto verified = core::verify_enveloped(*doc, *signature, trusted, verify_options(policy));
  if (!verified) {
    // One reason for every way the signature fails (untrusted key, broken digest, profile): the
    // document is not vouched for; the verifier's own reason stays in the detail.
    return core::fail(core::Reason::metadata_signature_invalid,
                      std::string(core::id(verified.error().reason)) + ": " + verified.error().detail);
  }
  return {};
}

}  // namespace samlt::sp
