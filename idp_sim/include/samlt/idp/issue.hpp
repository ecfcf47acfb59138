// SPDX-License-Identifier: Apache-2.0
// THE CONTRACT the runner and the end-to-end tests rely on: play the IdP in-process. Give it an
// app, a user and (for SP-initiated SSO) the AuthnRequest the SP sent; get back exactly what
// idp_sim's HTTP server would post to the ACS — or the AADSTS error Entra would show instead.
// The server runs the same code (sign_in.hpp): decoding, Entra's request checks, user checks,
// ResponseSpec, mutator stages, signing, encryption and encoding.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/aadsts.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/idp/mutator.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace samlt::idp {

struct IssueRequest {
  std::string app_id;  // which app; empty: the app the AuthnRequest Issuer names
                       // (SP-initiated), else the first app
  std::string user;    // UPN (case-insensitive) or object id
  // A user given in full instead of one of the directory's (a replayed capture's subject, whose
  // claims no configured user has); `user` is then ignored.
  std::optional<User> directory_user;
  // SP-initiated: the decoded AuthnRequest XML, treated as received by HTTP-POST (an embedded
  // signature is what signed-request enforcement checks) …
  std::optional<std::string> saml_request_xml;
  // … or the raw query string of the HTTP-Redirect binding exactly as the SP produced it
  // ("SAMLRequest=…&RelayState=…&SigAlg=…&Signature=…"); takes precedence over saml_request_xml.
  std::optional<std::string> redirect_query;
  // … or the message as core's binding codec decoded it from whatever carried it (the runner
  // decodes the SP's answer once); takes precedence over both.
  std::optional<core::BindingMessage> saml_request;
  // All three nullopt: IdP-initiated SSO (no InResponseTo; default reply URL and identifier).
  std::optional<std::string> relay_state;  // SP-initiated: echoed; IdP-initiated: else the app's
  std::vector<MutatorUse> mutators;        // after the app's own `faults`
  nlohmann::json app_overrides;            // partial apps[] entry merged over the app (RFC 7396),
                                           // validated like the file, e.g. {"signing":"both"}
  std::optional<long long> clock_offset_seconds;  // replaces the configured clock offset
  std::optional<core::TimePoint> authn_instant;   // when the user signed in; default: token time
  std::string canary_url;  // a loopback URL the SP must never fetch (Target::canary_url)
};

struct IssuedResponse {
  std::string acs_url;               // where the form posts (Destination)
  std::string saml_response_base64;  // the SAMLResponse field (after wire mutators)
  std::optional<std::string> relay_state;
  std::string xml;  // the Response as serialised before base64
  std::vector<std::string> mutators_applied;
  core::FormFields form;             // every field of the auto-POST form, in order
  std::optional<AadstsError> error;  // set when this is a SAML error Response
                                     // (the app's error mode is saml-response)
  std::string app_id;
  std::string user_object_id;
  std::string name_id;  // what the SP will see (for SLO and checks)
  std::string name_id_format;
  std::string session_index;
};

// Either the Response to post, or the AADSTS error page Entra would show.
using IssueOutcome = std::variant<IssuedResponse, AadstsError>;

// Issues one Response. T0 = now + clock offset. Thread-safe (Idp is immutable).
// Fails (Result) only for problems of the caller or the machine: config.invalid (bad
// app_overrides), control.unknown_mutator, mutator.* failures, signing or encryption failures.
// Everything Entra would refuse comes back as an AadstsError (700016, 50011, 50105, …).
core::Result<IssueOutcome> issue_response(const Idp& idp, const IssueRequest& request,
                                          core::TimePoint now);

}  // namespace samlt::idp
