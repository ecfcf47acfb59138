// SPDX-License-Identifier: Apache-2.0
// subject.name_id
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-profiles §4.1.4.2: the Assertion has a Subject with a non-empty NameID (SUBJ-MISSING,
// NAMEID-EMPTY). Its text joins text and CDATA and skips comments, so a comment cannot truncate
// it (C14N-COMMENT-NAMEID, C14N-CDATA-SPLIT). The Format must be the one policy requires, if any;
// an SPNameQualifier must name this SP (saml-core §2.2.2, NAMEID-SPNQ). EncryptedID is not
// supported: this SP publishes no way to decrypt one for account mapping.
template <class Ev>
core::Result<void> subject_name_id(const Context& ctx, Ev& ev) {
  namespace n = core::names;
  xmlNode* subject = core::child_named(ev.assertion->node(), n::ns_assertion, "Subject");
  if (subject == nullptr) {
    return core::fail(core::Reason::subject_missing, "the Assertion has no Subject");
  }
  xmlNode* name_id = core::child_named(subject, n::ns_assertion, "NameID");
  if (name_id == nullptr) {
    bool encrypted = core::child_named(subject, n::ns_assertion, "EncryptedID") != nullptr;
    return core::fail(core::Reason::subject_name_id_missing,
                      encrypted ? "the Subject has an EncryptedID, which this SP does not accept" : "the Subject has no NameID");
  }
  auto text = core::simple_text(name_id);
  if (!text || read::is_blank(*text)) {
    return core::fail(core::Reason::subject_name_id_missing,
                      text ? "NameID is empty" : "NameID has element content");
  }
  std::string format = core::attribute(name_id, "Format").value_or(std::string(n::nameid_unspecified));
  if (!ctx.policy.required_name_id_format.empty() && format != ctx.policy.required_name_id_format) {
    return core::fail(core::Reason::subject_name_id_format_mismatch,
                      "NameID Format '" + format + "' is not '" + ctx.policy.required_name_id_format + "'");
  }
  if (auto qualifier = core::attribute(name_id, "SPNameQualifier"); qualifier && *qualifier != ctx.entity_id) {
    return core::fail(core::Reason::subject_sp_name_qualifier_mismatch,
                      "SPNameQualifier '" + *qualifier + "' is not '" + std::string(ctx.entity_id) + "'");
  }
  ev.name_id = *text;
  ev.name_id_format = format;
  return {};
}

SAMLT_ASSERTION_STEP(subject_name_id)

}  // namespace samlt::sp::steps
