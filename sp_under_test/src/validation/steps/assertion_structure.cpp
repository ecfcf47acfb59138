// SPDX-License-Identifier: Apache-2.0
// assertion.structure
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/schema_sequence.hpp"

namespace samlt::sp::steps {
namespace {

namespace n = core::names;
using schema::Name;
using schema::Particle;

constexpr Name k_issuer[] = {{n::ns_assertion, "Issuer"}};
constexpr Name k_signature[] = {{n::ns_dsig, "Signature"}};
constexpr Name k_subject[] = {{n::ns_assertion, "Subject"}};
constexpr Name k_conditions[] = {{n::ns_assertion, "Conditions"}};
constexpr Name k_advice[] = {{n::ns_assertion, "Advice"}};
constexpr Name k_statements[] = {{n::ns_assertion, "Statement"},
                                 {n::ns_assertion, "AuthnStatement"},
                                 {n::ns_assertion, "AuthzDecisionStatement"},
                                 {n::ns_assertion, "AttributeStatement"}};
constexpr Name k_identifier[] = {{n::ns_assertion, "BaseID"}, {n::ns_assertion, "NameID"}, {n::ns_assertion, "EncryptedID"}};
constexpr Name k_confirmation[] = {{n::ns_assertion, "SubjectConfirmation"}};

// saml-core §2.3.3 (AssertionType) and §2.4.1 (SubjectType). Conditions may repeat here only so
// that conditions.time keeps its own answer (conditions.multiple) for a second one.
constexpr Particle k_assertion[] = {{k_issuer},  {k_signature}, {k_subject},        {k_conditions, 0},
                                    {k_advice}, {k_statements, 0}};
constexpr Particle k_subject_content[] = {{k_identifier}, {k_confirmation, 0}};

core::Result<void> check(const xmlNode* parent, std::span<const Particle> sequence) {
  if (auto violation = schema::sequence_violation(parent, sequence)) {
    return core::fail(core::Reason::assertion_schema_invalid, *violation);
  }
  return {};
}

}  // namespace

// saml-core §2.3.3: the Assertion's children are Issuer, Signature?, Subject?, Conditions?,
// Advice?, then statements, in that order; Subject holds one identifier and SubjectConfirmations.
// An Assertion inside the Assertion (XSW-4, XSW-FIRST-SIG), a Signature after the Subject
// (XSW-SIG-MISPLACED) or an unknown element is refused before signature.assertion looks for "the"
// Signature. A missing Issuer is left to assertion.issuer (its own fact). Advice, AttributeValue
// and SubjectConfirmationData hold open content that no step reads, so it is not checked.
core::Result<void> assertion_structure(const Context&, MessageEvidence& ev) {
  xmlNode* assertion = ev.assertion_candidate;
  if (auto ok = check(assertion, k_assertion); !ok) {
    return ok;
  }
  for (const xmlNode* subject : core::children_named(assertion, n::ns_assertion, "Subject")) {
    if (auto ok = check(subject, k_subject_content); !ok) {
      return ok;
    }
  }
  return {};
}

}  // namespace samlt::sp::steps
