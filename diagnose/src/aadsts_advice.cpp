// SPDX-License-Identifier: Apache-2.0
// The AADSTS advice table: one row per refusal reason of idp_sim's AADSTS table (aadsts.hpp), with
// what Entra's portal and the AADSTS reference (entra-spec §3.8) say about each, and the
// explanation `--explain` prints.
#include "samlt/diagnose/aadsts_advice.hpp"

#include "samlt/diagnose/fixes.hpp"
#include "samlt/idp/aadsts.hpp"

#include <cctype>
#include <string>

namespace samlt::diagnose {
namespace {

using core::Reason;

constexpr std::string_view k_with_app =
    "idp_sim diagnose CAPTURE --entra-app TENANT.json checks the captured AuthnRequest as Entra does";

constexpr AadstsAdvice k_advice[] = {
    {Reason::idp_tenant_unknown,
     "The tenant named in the sign-in URL (the path segment after login.microsoftonline.com/) is not a tenant of "
     "this cloud.",
     {{{"The SP's IdP sign-in URL carries a mistyped or another customer's tenant ID.",
        "idp_sim diagnose CAPTURE shows each AuthnRequest's Destination; compare it with the SingleSignOnService "
        "Location of the app's federation metadata (--idp-metadata)."},
       {"The SP signs in against another cloud (Azure Government, China) than the tenant's.",
        "The host of the Destination the diagnosis shows is not the host of the metadata's Login URL."}}},
     "Nothing in the app: copy the Login URL from Enterprise applications › the app › Single sign-on › Set up "
     "the app.",
     "Set the IdP's sign-in URL to the Login URL of the app's federation metadata (import the metadata rather "
     "than typing it)."},
    {Reason::idp_app_unknown,
     "The application ID in the sign-in URL (IdP-initiated launch, My Apps) matches no enterprise application "
     "of the tenant.",
     {{{"The launch URL was copied from another tenant or from an app that was deleted.",
        "Compare the URL's app ID with Enterprise applications › the app › Properties › Application ID."}}},
     "Use the User access URL shown in Enterprise applications › the app › Properties.",
     ""},
    {Reason::idp_signing_key_missing,
     "Entra had no usable certificate to sign the SAML token for the app.",
     {{{"The app's SAML signing certificate was deleted, or none was ever made active.",
        "Enterprise applications › the app › Single sign-on › SAML Certificates lists no active certificate."}}},
     "Single sign-on › SAML Certificates: create a new certificate and make it active, then give the SP the "
     "new federation metadata.",
     ""},
    {Reason::idp_request_too_large,
     "The sign-in URL is longer than Entra accepts.",
     {{{"A RelayState carrying a whole return URL with its own query, or state kept in the URL.",
        "The HAR entry's request URL: diagnose lists the RelayState of each message."},
       {"An AuthnRequest sent on the Redirect binding without DEFLATE, or with needless content.",
        "idp_sim diagnose CAPTURE decodes the request; an AuthnRequest is a few hundred bytes."}}},
     "",
     "Keep RelayState short (an opaque key to state the SP stores, saml-bindings §3.4.3: at most 80 bytes) "
     "and deflate Redirect requests."},
    {Reason::authn_request_missing,
     "A request reached Entra's SAML endpoint without a SAMLRequest (or SAMLResponse) parameter.",
     {{{"The SP links straight to the Login URL instead of sending an AuthnRequest.",
        "idp_sim diagnose CAPTURE.har finds no AuthnRequest before the failing request."},
       {"The parameter is named differently (samlrequest, SAMLRequest in the fragment).",
        "The request URL in the HAR shows the parameters as sent."}}},
     "", "Send the AuthnRequest as the SAMLRequest query parameter (saml-bindings §3.4.4)."},
    {Reason::authn_request_undecodable,
     "SAMLRequest is not base64 of raw DEFLATE data (Redirect) or of XML (POST).",
     {{{"DEFLATE with a zlib or gzip header instead of raw DEFLATE (saml-bindings §3.4.4.1).",
        "idp_sim diagnose on the request URL names the codec's reason (binding.* in the report)."},
       {"The value was URL-encoded twice, or '+' became a space on the way.",
        "idp_sim diagnose on the request URL names the codec's reason."}}},
     "", "Encode the request as saml-bindings §3.4.4.1 says: raw DEFLATE, base64, then URL-encode once."},
    {Reason::authn_request_malformed,
     "The decoded SAMLRequest is not a SAML 2.0 AuthnRequest Entra can read: not well-formed XML, not "
     "samlp:AuthnRequest, or without ID, Version 2.0, IssueInstant or Issuer.",
     {{{"The SP builds the XML by hand and leaves out a required attribute or the Issuer.",
        "idp_sim diagnose on the request shows the decoded request's ID and Issuer; the detail names what is "
        "missing."},
       {"A DOCTYPE or other content Entra's parser refuses.",
        "idp_sim diagnose on the request names the XML parser's reason."}}},
     "", "Send a schema-valid AuthnRequest with ID, Version=\"2.0\", IssueInstant and Issuer (saml-core §3.4.1)."},
    {Reason::authn_request_id_invalid,
     "The request's ID is not a valid xs:ID: it must not begin with a digit.",
     {{{"The SP uses a bare UUID or number as the ID.",
        "idp_sim diagnose on the request shows the ID the request carries."}}},
     "", "Prefix generated IDs with a letter or '_' (saml-core §1.3.4: xs:ID is an NCName)."},
    {Reason::authn_request_issuer_unknown,
     "No enterprise application of the tenant has the request's Issuer as an Identifier (Entity ID).",
     {{{"The SP's entity ID was never added to the app's Identifiers, or differs by a trailing slash, case or "
        "scheme.",
        "idp_sim diagnose CAPTURE --entra-app TENANT.json prints the Issuer beside the app's Identifiers."},
       {"The request went to another tenant than the one the app is registered in.",
        "The diagnosis shows the request's Destination: its tenant ID must be the app's tenant's."},
       {"The SP has several IdP configurations and sent this one's request with another's entity ID.",
        "Diagnose captures of both sign-ins and compare their Issuers."}}},
     "Enterprise applications › the app › Single sign-on › Basic SAML Configuration › Identifier (Entity ID): "
     "add '{issuer}' (today: {identifiers}).",
     "Or set the SP's entity ID to an Identifier the app has ({identifiers})."},
    {Reason::authn_request_acs_mismatch,
     "The request's AssertionConsumerServiceURL is not one of the app's Reply URLs. Entra compares them exactly, "
     "case and trailing slash included.",
     {{{"http against https, another host name or port, or a trailing slash.",
        "idp_sim diagnose CAPTURE --entra-app TENANT.json prints the requested URL beside the app's Reply URLs."},
       {"A proxy or load balancer in front of the SP makes it build the URL from its internal address.",
        "The ACS URL in the diagnosed request shows the internal host or port."},
       {"A new environment (staging, a new domain) whose URL was never registered.",
        "The diagnosis names the Reply URLs the app has."}}},
     "Enterprise applications › the app › Single sign-on › Basic SAML Configuration › Reply URL (Assertion "
     "Consumer Service URL): add '{acs_url}' (today: {reply_urls}).",
     "Or send a registered Reply URL ({reply_urls}) as AssertionConsumerServiceURL; behind a proxy, set the "
     "SP's public base URL."},
    {Reason::authn_request_acs_missing,
     "The request names no AssertionConsumerServiceURL and the app has no Reply URL to fall back on (or an "
     "IdP-initiated sign-in found none).",
     {{{"The app was created without a Reply URL.",
        "Basic SAML Configuration shows no Reply URL; --entra-app TENANT.json shows the app's reply_urls."}}},
     "Basic SAML Configuration › Reply URL: add the SP's ACS URL.",
     "Or send the ACS URL as AssertionConsumerServiceURL in the AuthnRequest."},
    {Reason::authn_request_binding_unsupported,
     "The request asks for the Response on another binding than HTTP-POST, the only one Entra sends.",
     {{{"ProtocolBinding names HTTP-Artifact, HTTP-Redirect or PAOS.",
        "idp_sim diagnose on the request: the detail names the binding asked for."}}},
     "", "Leave ProtocolBinding out, or set it to urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST."},
    {Reason::authn_request_name_id_policy_invalid,
     "NameIDPolicy asks for a Format Entra does not issue (it issues persistent, emailAddress, unspecified and "
     "transient).",
     {{{"The SP asks for a format such as X509SubjectName, WindowsDomainQualifiedName, kerberos or entity.",
        "idp_sim diagnose on the request: the detail names the Format asked for."}}},
     "Single sign-on › Attributes & Claims › Unique User Identifier sets the format Entra sends.",
     "Ask for a supported Format, or leave NameIDPolicy/@Format out and read the format the app sends."},
    {Reason::authn_request_authn_context_comparison,
     "RequestedAuthnContext has a Comparison other than exact; Entra supports only exact.",
     {{{"The SP sends Comparison=\"minimum\" or \"better\".",
        "idp_sim diagnose on the request: the detail names the Comparison sent."}}},
     "", "Send Comparison=\"exact\" or leave RequestedAuthnContext out."},
    {Reason::authn_request_authn_context_mismatch,
     "The user signed in by another method than the AuthnContextClassRef the request asks for (for example "
     "PasswordProtectedTransport asked, certificate or Windows sign-in used).",
     {{{"The SP demands PasswordProtectedTransport while users sign in with a certificate, passwordless or "
        "through a federated IdP.",
        "idp_sim diagnose on the request lists RequestedAuthnContext; a Response's AuthnContextClassRef shows "
        "how the user signed in."},
       {"The user already had a session from another method and Entra reused it.",
        "Reproduce with idp_sim: its users' last_auth_method sets how they signed in."}}},
     "", "Leave RequestedAuthnContext out unless the SP needs a method, and accept every method it can use."},
    {Reason::authn_request_property_unsupported,
     "The request sets a property Entra refuses: a Subject, Scoping/@ProxyCount or Scoping/RequesterID.",
     {{{"The SP pre-fills the user as a Subject (Entra takes login_hint on the URL instead).",
        "idp_sim diagnose on the request: the detail names the property."}}},
     "", "Remove Subject and Scoping's ProxyCount and RequesterID; pre-fill the user with login_hint."},
    {Reason::authn_request_issue_instant_expired,
     "The request's IssueInstant is too far from Entra's clock.",
     {{{"The SP's clock is off.", "idp_sim diagnose on the request shows the IssueInstant beside the capture's "
                                  "time."},
       {"The SP cached a request and sends it again later.",
        "Two captures of the sign-in carry the same request ID."}}},
     "", "Synchronise the SP's clock (NTP) and issue a new AuthnRequest for every sign-in."},
    {Reason::authn_request_destination_unexpected,
     "The request's Destination is not the SAML endpoint it was sent to.",
     {{{"The Destination names another tenant's or another cloud's endpoint.",
        "idp_sim diagnose on the request shows its Destination: compare it with the metadata's Login URL."}}},
     "", "Set Destination to the Login URL the request is sent to, or leave it out (saml-core §3.2.1)."},
    {Reason::authn_request_signature_required,
     "The app requires signed requests, and this request has no signature where its binding puts one: the "
     "query's Signature and SigAlg for HTTP-Redirect, an enveloped ds:Signature for HTTP-POST.",
     {{{"The SP does not sign its AuthnRequests.",
        "idp_sim diagnose on the request URL notes 'query signature (Redirect binding): none'."},
       {"The SP signs inside the XML and sends it on the Redirect binding, whose signature must be on the "
        "query (saml-bindings §3.4.4.1).",
        "The decoded request holds a ds:Signature while the URL has no Signature parameter."}}},
     "Single sign-on › SAML Certificates › Verification certificates: turn off 'Require verification "
     "certificates' if the SP can't sign (IdP-initiated sign-in stops working while it is on).",
     "Sign every AuthnRequest with the key of a certificate uploaded as a verification certificate: on "
     "HTTP-Redirect, the query (SAMLRequest, RelayState, SigAlg)."},
    {Reason::authn_request_signature_invalid,
     "The request's signature does not verify with any verification certificate of the app.",
     {{{"The SP signs with another key than the certificate uploaded to Entra (rolled over, or another "
        "environment's).",
        "Compare the SP's signing certificate with the app's verification certificates (--entra-app "
        "TENANT.json)."},
       {"The Redirect signature was computed over the parameters decoded or re-encoded, not over the octets as "
        "sent (saml-bindings §3.4.4.1).",
        "idp_sim diagnose on the exact request URL from the HAR checks the octets as sent."},
       {"The request was changed after it was signed.", "The detail names the signature's reason."}}},
     "Single sign-on › SAML Certificates › Verification certificates: upload the certificate the SP signs with.",
     "Sign with the key of an uploaded verification certificate, over the query octets exactly as sent."},
    {Reason::authn_request_signature_algorithm_forbidden,
     "The request is signed with an algorithm Entra refuses, or names none: only RSA-SHA256 is accepted.",
     {{{"The SP signs with RSA-SHA1 ({sig_alg}).",
        "idp_sim diagnose on the request URL notes the SigAlg."}}},
     "", "Sign with http://www.w3.org/2001/04/xmldsig-more#rsa-sha256."},
    {Reason::authn_request_verification_certificate_missing,
     "The app requires signed requests but has no verification certificate to check them with.",
     {{{"'Require verification certificates' was turned on before a certificate was uploaded.",
        "Single sign-on › SAML Certificates › Verification certificates lists none."}}},
     "Single sign-on › SAML Certificates › Verification certificates: upload the SP's signing certificate, or "
     "turn the requirement off.",
     ""},
    {Reason::sign_in_user_unknown,
     "The account the user typed does not exist in the tenant.",
     {{{"A typo, or a user of another organisation who was never invited as a guest.",
        "Search Users for the UPN; in idp_sim, its configuration's users."},
       {"The sign-in went to another tenant than the user's.",
        "idp_sim diagnose shows the tenant in the request's Destination."}}},
     "Users: create the user, or invite them as a guest (External Identities).", ""},
    {Reason::sign_in_user_disabled,
     "The user's account is disabled (Account enabled: No).",
     {{{"The account was blocked by an administrator or by an offboarding process.",
        "Users › the user › Properties › Account enabled."}}},
     "Users › the user › Edit properties › Account enabled.", ""},
    {Reason::sign_in_user_not_assigned,
     "The app has 'Assignment required?' on, and the user is neither assigned nor in an assigned group.",
     {{{"The user was never assigned, or only through a nested group (assignment does not follow nesting).",
        "Enterprise applications › the app › Users and groups lists the user or a direct group of theirs."}}},
     "Enterprise applications › the app › Users and groups › Add user/group; or Properties › Assignment "
     "required? › No.",
     ""},
    {Reason::sign_in_password_invalid,
     "The password was wrong.",
     {{{"A mistyped or expired password.", "The sign-in logs show the failure for that user."}}},
     "Reset the user's password if needed.", ""},
    {Reason::sign_in_passive_no_session,
     "The request asked for a silent sign-in (IsPassive=\"true\") and the user has no Entra session.",
     {{{"The SP probes for a session with IsPassive and treats the answer as a hard failure.",
        "idp_sim diagnose on the request shows IsPassive; the Response's StatusCode is NoPassive."}}},
     "", "On a NoPassive status, start an interactive sign-in (a new AuthnRequest without IsPassive)."},
    {Reason::sign_in_name_id_source_empty,
     "The attribute chosen as the Unique User Identifier (NameID) is empty for this user, so Entra can't make a "
     "NameID.",
     {{{"The NameID source is user.mail (or an extension attribute) and this user has none.",
        "Users › the user › Properties › Email; in idp_sim, the user's mail field."}}},
     "Single sign-on › Attributes & Claims › Unique User Identifier: choose an attribute every user has "
     "(user.userprincipalname), or fill it for this user.",
     ""},
    {Reason::sign_in_context_unknown,
     "The sign-in form was posted for a sign-in Entra no longer knows: it expired or was posted twice.",
     {{{"The user left the sign-in page open too long, or used the back button.",
        "The HAR shows the form post long after the AuthnRequest."}}},
     "", "Start the sign-in again from the SP."},
    {Reason::logout_request_malformed,
     "The LogoutRequest is not a valid SAML 2.0 message on the Redirect binding.",
     {{{"The SP posts its LogoutRequest, or leaves out ID, IssueInstant or Issuer.",
        "idp_sim diagnose on the request URL decodes the LogoutRequest."}}},
     "", "Send LogoutRequest on HTTP-Redirect with ID, Version, IssueInstant, Issuer and NameID (saml-core "
         "§3.7.1)."},
    {Reason::logout_request_name_id_missing,
     "The LogoutRequest has no NameID.",
     {{{"The SP did not keep the NameID of the session.", "idp_sim diagnose on the request URL decodes it."}}},
     "", "Send the NameID (with its Format) of the Assertion that started the session."},
    {Reason::logout_request_issuer_unknown,
     "The LogoutRequest's Issuer matches no Identifier of an app of the tenant.",
     {{{"The SP's entity ID differs from the Identifier registered in Entra.",
        "idp_sim diagnose CAPTURE --entra-app TENANT.json prints the Issuer beside the app's Identifiers."}}},
     "Basic SAML Configuration › Identifier (Entity ID): add '{issuer}'.",
     "Or set the SP's entity ID to an Identifier the app has ({identifiers})."},
};

// What the placeholders say when no request fills them.
const std::map<std::string, std::string> k_described = {
    {"issuer", "<the request's Issuer>"},
    {"acs_url", "<the request's AssertionConsumerServiceURL>"},
    {"identifiers", "<the app's Identifiers>"},
    {"reply_urls", "<the app's Reply URLs>"},
    {"sig_alg", "<the request's SigAlg>"},
    {"tenant", "<the tenant>"},
};

std::optional<int> code_of(std::string_view text) {
  if (text.size() > 6 && std::equal(text.begin(), text.begin() + 6, "AADSTS", [](char a, char b) {
        return std::toupper(static_cast<unsigned char>(a)) == b;
      })) {
    text.remove_prefix(6);
  }
  if (text.empty() || text.size() > 9) {
    return std::nullopt;
  }
  int code = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
    code = code * 10 + (c - '0');
  }
  return code;
}

std::string known_codes() {
  std::string out;
  for (int code : idp::aadsts_codes()) {
    out += (out.empty() ? "" : ", ") + std::to_string(code);
  }
  return out;
}

}  // namespace

const AadstsAdvice* aadsts_advice(core::Reason reason) {
  for (const AadstsAdvice& advice : k_advice) {
    if (advice.reason == reason) {
      return &advice;
    }
  }
  return nullptr;
}

core::Result<std::string> explain_aadsts(std::string_view text) {
  auto code = code_of(text);
  if (!code || idp::aadsts_reasons(*code).empty()) {
    return core::fail(core::Reason::config_invalid, "--explain: expected an AADSTS code idp_sim knows (AADSTS50011 "
                                                    "or 50011), got '" + std::string(text) + "'; known: " +
                                                        known_codes());
  }
  std::string out;
  for (Reason reason : idp::aadsts_reasons(*code)) {
    const AadstsAdvice* advice = aadsts_advice(reason);
    auto shown = idp::as_aadsts(idp::aadsts_fail(reason, {.value = "<value>",
                                                          .other = "<value>",
                                                          .app_id = "<app id>",
                                                          .app_name = "<app>",
                                                          .tenant = "<tenant>"})
                                    .value());
    out += "AADSTS" + std::to_string(*code) + " (" + std::string(core::id(reason)) + ")\n";
    out += "  Entra shows: AADSTS" + std::to_string(*code) + ": " + (shown ? shown->message : "") + "\n";
    if (advice == nullptr) {
      out += "\n";
      continue;
    }
    out += "  Meaning: " + std::string(advice->meaning) + "\n";
    for (const AadstsCause& cause : advice->causes) {
      if (cause.cause.empty()) {
        continue;
      }
      out += "  Cause: " + fill_placeholders(cause.cause, k_described) + "\n";
      out += "    confirm: " + fill_placeholders(cause.confirm, k_described) + "\n";
    }
    if (!advice->entra.empty()) {
      out += "  Entra: " + fill_placeholders(advice->entra, k_described) + "\n";
    }
    if (!advice->sp.empty()) {
      out += "  SP: " + fill_placeholders(advice->sp, k_described) + "\n";
    }
    out += "\n";
  }
  if (*code == 50011 || *code == 700016 || *code == 76021) {
    out += std::string(k_with_app) + ", and names the code it would show.\n";
  }
  return out;
}

}  // namespace samlt::diagnose
