// SPDX-License-Identifier: Apache-2.0
// response.issuer
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {
namespace {

namespace n = core::names;

// saml-profiles §4.1.4.2: the Response Issuer MAY be omitted (POS-ISS-RESP-MISSING). The IdP is
// then the one the answered request went to, or the one a plain Assertion names. Either only
// chooses whose keys must verify the Assertion: assertion.issuer checks the signed Issuer later.
const TrustedIdp* implied_idp(const Context& ctx, const MessageEvidence& ev, std::string& detail) {
  if (auto irt = core::attribute(ev.response, "InResponseTo"); irt && !irt->empty()) {
    auto request = ctx.outstanding(*irt);
    if (request && *request) {
      detail = "no Response Issuer; the request went to '" + (*request)->idp + "'";
      return find_by_name(ctx.trust, (*request)->idp);
    }
  }
  xmlNode* assertion = core::child_named(ev.response, n::ns_assertion, "Assertion");
  std::string issuer = read::text_of(core::child_named(assertion, n::ns_assertion, "Issuer"));
  detail = "no Response Issuer and none implied";
  return issuer.empty() ? nullptr : find_by_entity_id(ctx.trust, issuer);
}

}  // namespace

// saml-profiles §4.1.4.2: Issuer, when present, has Format omitted or entity (ISS-FORMAT) and
// names a registered IdP exactly (ISS-WRONG). That IdP must be enabled: an admin who unticks it
// turns its sign-ins off (mission seed 000).
core::Result<void> response_issuer(const Context& ctx, MessageEvidence& ev) {
  xmlNode* issuer = core::child_named(ev.response, n::ns_assertion, "Issuer");
  const TrustedIdp* idp = nullptr;
  std::string detail;
  if (issuer != nullptr) {
    auto format = core::attribute(issuer, "Format");
    if (format && *format != n::nameid_entity) {
      return core::fail(core::Reason::response_issuer_format_invalid, "Issuer Format is '" + *format + "'");
    }
    std::string value = read::text_of(issuer);
    idp = find_by_entity_id(ctx.trust, value);
    detail = "Issuer '" + value + "' is not a registered IdP";
  } else {
    idp = implied_idp(ctx, ev, detail);
  }
  if (idp == nullptr) {
    return core::fail(core::Reason::response_issuer_mismatch, detail);
  }
  if (!idp->enabled) {
    return core::fail(core::Reason::response_idp_disabled, "IdP '" + idp->name + "' is disabled");
  }
  ev.idp = *idp;
  return {};
}

}  // namespace samlt::sp::steps
