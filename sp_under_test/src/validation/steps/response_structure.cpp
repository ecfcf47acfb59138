// SPDX-License-Identifier: Apache-2.0
// response.structure
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
constexpr Name k_extensions[] = {{n::ns_protocol, "Extensions"}};
constexpr Name k_status[] = {{n::ns_protocol, "Status"}};
constexpr Name k_assertions[] = {{n::ns_assertion, "Assertion"}, {n::ns_assertion, "EncryptedAssertion"}};
constexpr Name k_status_code[] = {{n::ns_protocol, "StatusCode"}};
constexpr Name k_status_message[] = {{n::ns_protocol, "StatusMessage"}};
constexpr Name k_status_detail[] = {{n::ns_protocol, "StatusDetail"}};

// saml-core §3.2.2 (StatusResponseType, ResponseType) and §3.2.2.1–§3.2.2.2 (Status, StatusCode).
constexpr Particle k_response[] = {{k_issuer}, {k_signature}, {k_extensions}, {k_status}, {k_assertions, 0}};
constexpr Particle k_status_content[] = {{k_status_code}, {k_status_message}, {k_status_detail}};
constexpr Particle k_status_code_content[] = {{k_status_code}};

core::Result<void> check(const xmlNode* parent, std::span<const Particle> sequence) {
  if (auto violation = schema::sequence_violation(parent, sequence)) {
    return core::fail(core::Reason::response_schema_invalid, *violation);
  }
  return {};
}

}  // namespace

// saml-core §3.2.2: the Response's children are Issuer?, Signature?, Extensions?, Status, then
// assertions, in that order; Status holds StatusCode, StatusMessage?, StatusDetail?, and a
// StatusCode at most one StatusCode. Anything else — an unknown or foreign element, a Response or
// a Signature where the schema has none (XSW-WRAPPER, XSW-SIBLING concealed, XSW-SIG-MISPLACED
// into Status) — is refused: a schema-valid message has no place for a hidden copy here. The
// lax ##other/##any content of Extensions and StatusDetail is never read, so it is not checked.
// Runs after signature.response so a misplaced Response Signature keeps its SIG_PROFILE answer.
core::Result<void> response_structure(const Context&, MessageEvidence& ev) {
  if (auto ok = check(ev.response, k_response); !ok) {
    return ok;
  }
  for (const xmlNode* status : core::children_named(ev.response, n::ns_protocol, "Status")) {
    if (auto ok = check(status, k_status_content); !ok) {
      return ok;
    }
    for (const xmlNode* code = core::child_named(status, n::ns_protocol, "StatusCode"); code != nullptr;
         code = core::child_named(code, n::ns_protocol, "StatusCode")) {
      if (auto ok = check(code, k_status_code_content); !ok) {
        return ok;
      }
    }
  }
  return {};
}

}  // namespace samlt::sp::steps
