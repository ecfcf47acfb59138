// SPDX-License-Identifier: Apache-2.0
// subject_confirmation.bearer
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {
namespace {

namespace n = core::names;

// One bearer SubjectConfirmation against saml-profiles §4.1.4.2/§4.1.4.3.
core::Result<core::TimePoint> check_bearer(const Context& ctx, const MessageEvidence& ev, const xmlNode* confirmation) {
  auto fail = [](core::Reason reason, std::string why) { return core::fail(reason, std::move(why)); };
  xmlNode* data = core::child_named(confirmation, n::ns_assertion, "SubjectConfirmationData");
  if (data == nullptr || (data->properties == nullptr && core::first_element_child(data) == nullptr)) {
    return fail(core::Reason::subject_confirmation_data_missing, "no (or an empty) SubjectConfirmationData");
  }
  // §4.1.4.2: bearer SubjectConfirmationData MUST NOT contain NotBefore (TIME-SCD-NOTBEFORE).
  if (core::attribute(data, "NotBefore")) {
    return fail(core::Reason::subject_confirmation_not_before_present, "SubjectConfirmationData carries NotBefore");
  }
  // §4.1.4.2: Recipient MUST be present; §4.1.4.3: it must be this ACS (RCPT-*).
  auto recipient = core::attribute(data, "Recipient");
  if (!recipient) {
    return fail(core::Reason::subject_confirmation_recipient_missing, "SubjectConfirmationData has no Recipient");
  }
  if (*recipient != ctx.acs_url) {
    return fail(core::Reason::subject_confirmation_recipient_mismatch,
                "Recipient '" + *recipient + "' is not '" + std::string(ctx.acs_url) + "'");
  }
  // §4.1.4.2: NotOnOrAfter MUST be present, and the confirmation is void from then on
  // (saml-core §2.4.1.2, exclusive bound; TIME-SCD-*).
  auto not_on_or_after = read::optional_time(data, "NotOnOrAfter");
  if (!not_on_or_after) {
    return core::fail(not_on_or_after.error());
  }
  if (!*not_on_or_after) {
    return fail(core::Reason::subject_confirmation_not_on_or_after_missing, "SubjectConfirmationData has no NotOnOrAfter");
  }
  if (read::has_expired(ctx.now, **not_on_or_after, ctx.policy.clock_skew)) {
    return fail(core::Reason::subject_confirmation_expired,
                "SubjectConfirmationData/@NotOnOrAfter " + *core::attribute(data, "NotOnOrAfter") + " has passed");
  }
  // §4.1.4.3: InResponseTo must equal the request ID the (unsigned) envelope claimed; for an
  // unsolicited Response it must be absent (§4.1.5). Acceptance rests on this signed copy
  // (IRT-MISMATCH, XSW-UNSIGNED-RESP-FIELDS, UNSOL-WITH-IRT).
  auto irt = core::attribute(data, "InResponseTo");
  std::string expected = ev.request ? ev.request->id : std::string();
  if (irt.value_or("") != expected || (ev.request && !irt) || (!ev.request && irt)) {
    return fail(core::Reason::subject_confirmation_in_response_to_mismatch,
                "SubjectConfirmationData/@InResponseTo '" + irt.value_or("(none)") + "' is not '" +
                    (ev.request ? expected : std::string("(none: unsolicited)")) + "'");
  }
  return **not_on_or_after;
}

}  // namespace

// saml-profiles §4.1.4.2: at least one SubjectConfirmation with Method bearer must satisfy every
// rule (SC-NO-BEARER, SC-ALL-INVALID). When none does, the first bearer's failure is reported.
// Address is not checked (saml-profiles §4.1.4.3 MAY; attack-catalogue SC-ADDRESS is POLICY).
template <class Ev>
core::Result<void> subject_confirmation_bearer(const Context& ctx, Ev& ev) {
  xmlNode* subject = core::child_named(ev.assertion->node(), n::ns_assertion, "Subject");
  std::optional<core::Error> first_failure;
  for (xmlNode* confirmation : core::children_named(subject, n::ns_assertion, "SubjectConfirmation")) {
    if (core::attribute(confirmation, "Method") != n::cm_bearer) {
      continue;
    }
    auto checked = check_bearer(ctx, ev, confirmation);
    if (checked) {
      ev.confirmation_not_on_or_after = *checked;
      return {};
    }
    if (!first_failure) {
      first_failure = checked.error();
    }
  }
  if (first_failure) {
    return core::fail(*first_failure);
  }
  return core::fail(core::Reason::subject_confirmation_bearer_missing, "no SubjectConfirmation with Method bearer");
}

SAMLT_ASSERTION_STEP(subject_confirmation_bearer)

}  // namespace samlt::sp::steps
