// SPDX-License-Identifier: Apache-2.0
// ResponseSpec: every value an Entra-shaped samlp:Response carries, as plain data. Spec-stage
// mutators edit it; the builder turns it into XML exactly as Entra lays it out (entra-spec §1.2).
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/core/xmlenc.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samlt::idp {

// Entra's "Signing Option" (entra-spec §1.12); `none` exists for faults only.
enum class Signing { assertion, response, both, none };

struct AttributeSpec {
  std::string name;                        // claim URI or plain name
  std::vector<std::string> values;         // one AttributeValue each
  std::optional<std::string> name_format;  // only with "Include attribute name format"
};

struct ResponseSpec {
  // samlp:Response
  std::string response_id;  // "_" + GUID
  core::TimePoint response_issue_instant;
  std::optional<std::string> destination;     // the ACS URL; absent on SAML error responses
  std::optional<std::string> in_response_to;  // absent for IdP-initiated SSO
  std::string response_issuer;
  std::string status_code;  // top-level StatusCode/@Value
  std::optional<std::string> second_status_code;
  std::optional<std::string> status_message;
  bool include_assertion = true;  // false for SAML error responses

  // Assertion
  std::string assertion_id;  // "_" + GUID ending in 00
  core::TimePoint assertion_issue_instant;
  std::string assertion_issuer;
  std::string name_id;
  std::string name_id_format;
  std::optional<std::string> sp_name_qualifier;  // echoed from NameIDPolicy
  std::string recipient;                         // SubjectConfirmationData/@Recipient
  core::TimePoint subject_not_on_or_after;       // SubjectConfirmationData/@NotOnOrAfter
  core::TimePoint not_before;                    // Conditions/@NotBefore
  core::TimePoint not_on_or_after;               // Conditions/@NotOnOrAfter
  std::vector<std::string> audiences;            // one Audience each, in one AudienceRestriction
  std::vector<AttributeSpec> attributes;  // in Entra's order; an empty list omits the statement
  core::TimePoint authn_instant;
  std::string session_index;  // = assertion_id
  std::string authn_context_class;

  // Signing and encryption.
  Signing signing = Signing::assertion;
  core::SignOptions sign_options;  // algorithm, ds: prefix style, KeyInfo certificate
  core::Credential signer;
  std::optional<core::Certificate> encrypt_for;  // token encryption on when set
  core::EncryptOptions encrypt_options;
};

}  // namespace samlt::idp
