// SPDX-License-Identifier: Apache-2.0
// The fix table: for each reason the ACS can give, what to change in Entra and in the SP.
#include "samlt/diagnose/fixes.hpp"

#include <cstddef>
#include <iterator>

namespace samlt::diagnose {
namespace {

using core::Reason;

// Rows in reasons.def order. SP texts name the reference SP's setting keys (its config file's
// JSON names) in parentheses, so they read for any SP as well. Signature rows name the
// Assertion's Signature, which Entra signs by default; when the failing step is
// signature.response, the same row applies to Response/Signature.
constexpr Fix k_fixes[] = {
    // --- general ---
    {Reason::internal_error, "", "", "",
     "An SP-side fault, not a fault in the message: look this request up in the SP's log "
     "(reference SP: the `acs.verdict` log line and `GET /verdicts/<request-id>`)."},

    // --- XML parsing ---
    {Reason::xml_malformed, "", "a well-formed XML document",
     "Entra sends well-formed XML: the message was damaged after Entra sent it (cut short, or "
     "edited by hand or by a tool); diagnose the exact `SAMLResponse` value the browser posted.",
     ""},
    // A DTD is where entity expansion and external entities come from; no SAML message needs one.
    {Reason::xml_doctype_forbidden, "", "no DOCTYPE",
     "Entra never sends a DOCTYPE: the message was changed after Entra sent it, or did not come "
     "from Entra.",
     ""},
    {Reason::xml_too_large, "", "at most `policy.max_message_bytes` bytes of XML",
     "Entra's Responses are a few kilobytes (group claims stop at 150 values): remove claims the "
     "SP doesn't use in Enterprise applications › <app> › Single sign-on › Attributes & Claims, "
     "or look for content added after Entra sent the message.",
     "If the message is genuine, raise the SP's size limit (reference SP: "
     "`policy.max_message_bytes`, default 2097152)."},
    {Reason::xml_too_deep, "", "elements nested at most 64 deep",
     "Entra's Responses nest fewer than ten elements deep: this one was built or changed by "
     "someone else.",
     ""},
    {Reason::xml_namespace_invalid, "", "namespace-well-formed XML",
     "Entra declares every prefix it uses: an undeclared or broken namespace means the message "
     "was edited after Entra sent it.",
     ""},
    {Reason::xml_id_forbidden, "", "no `xml:id` attribute",
     "Entra never writes `xml:id`: it was added after Entra sent the message (a "
     "signature-wrapping trick).",
     ""},
    {Reason::xml_id_duplicated, "", "each ID value on one element only",
     "Entra never sends this: a second element with the same ID was added after Entra signed "
     "the message (signature wrapping).",
     ""},

    // --- codecs ---
    {Reason::codec_base64_invalid, "", "valid base64",
     "Entra's base64 is always valid: the text was damaged on the way (cut short, or a `+` "
     "turned into a space by URL-decoding it twice); diagnose the value exactly as posted.",
     ""},
    {Reason::codec_inflate_failed, "", "raw DEFLATE data (HTTP-Redirect binding only)",
     "Entra posts its Response to the ACS as plain base64, never DEFLATEd: diagnose the "
     "`SAMLResponse` field of that POST, not a Redirect URL's parameter, and check it is complete.",
     ""},
    {Reason::codec_inflate_too_large, "", "inflated data within `policy.max_message_bytes`",
     "Entra's messages inflate to a few kilobytes: data that inflates this far did not come "
     "from Entra (a compression bomb).",
     ""},
    {Reason::codec_url_invalid, "", "valid URL encoding (`%` and two hex digits)",
     "Entra's form post is correctly URL-encoded: the captured body was edited or cut short; "
     "capture it again.",
     ""},
    {Reason::time_unparseable, "", "a UTC xs:dateTime such as `2025-03-04T10:15:30.812Z`",
     "Entra writes every time in UTC with a `Z` (e.g. `2025-03-04T10:15:30.812Z`): a time that "
     "is malformed, has no time zone or is missing was changed after Entra sent it.",
     ""},

    // --- keys and certificates ---
    {Reason::key_pem_invalid, "", "a PEM certificate for the IdP", "",
     "The SP's stored certificate for this IdP is not usable PEM: re-import the app's App "
     "Federation Metadata Url or its Certificate (Base64) download (reference SP: /admin › Import "
     "federation metadata, or `trusted_idps[].certificate_file`)."},
    {Reason::key_certificate_invalid, "", "a decodable X.509 certificate for the IdP", "",
     "The SP's stored certificate for this IdP does not decode: re-import the app's App "
     "Federation Metadata Url or its Certificate (Base64) download (reference SP: /admin › Import "
     "federation metadata, or `trusted_idps[].certificate_file`)."},
    {Reason::key_untrusted, "Assertion/Signature/KeyInfo/X509Data/X509Certificate",
     "a certificate the SP trusts for `{idp_entity_id}`",
     "Entra signs with the app's Active certificate (Enterprise applications › <app> › Single "
     "sign-on › SAML Signing Certificate) and moves to a valid one by itself when that expires: "
     "make the certificate the SP trusts Active again, or give the SP the new one.",
     "Trust the certificate Entra now signs with: re-import the App Federation Metadata Url "
     "(reference SP: /admin › Refresh, or `trusted_idps[].metadata_url`) or replace "
     "`trusted_idps[].certificate_file`."},
    {Reason::key_certificate_expired, "Assertion/Signature/KeyInfo/X509Data/X509Certificate",
     "a signing certificate valid at `{at}`",
     "The app's signing certificate has expired: in Enterprise applications › <app> › Single "
     "sign-on › SAML Signing Certificate create a New Certificate, make it Active and give it to "
     "the SP.",
     "Trust Entra's new certificate (re-import the App Federation Metadata Url); if `{at}` is not "
     "the real time, fix the SP host's clock (NTP) rather than setting "
     "`policy.enforce_certificate_validity` to false."},
    {Reason::key_certificate_not_yet_valid, "Assertion/Signature/KeyInfo/X509Data/X509Certificate",
     "a signing certificate valid at `{at}`",
     "If an imported certificate whose validity starts later was made Active under Enterprise "
     "applications › <app> › Single sign-on › SAML Signing Certificate, make the previous one "
     "Active until then.",
     "A newly made certificate looks not yet valid when the SP host's clock is behind: sync it "
     "with NTP (no clock skew applies to certificate dates)."},
    {Reason::key_too_weak, "Assertion/Signature/KeyInfo/X509Data/X509Certificate",
     "an RSA key of at least `policy.min_rsa_bits` bits (default 2048)",
     "Entra's own certificates are RSA-2048: replace an imported shorter key with a New "
     "Certificate under Enterprise applications › <app> › Single sign-on › SAML Signing "
     "Certificate and make it Active.",
     ""},
    {Reason::key_no_trusted_keys, "", "a trusted signing certificate for `{idp_entity_id}`", "",
     "Give the SP this IdP's signing certificate: import the app's App Federation Metadata Url "
     "(reference SP: /admin › Import federation metadata, or a `trusted_idps[]` entry with "
     "`metadata_url` or `certificate_file`)."},

    // --- XML signature ---
    {Reason::signature_missing, "Response/Signature",
     "a Response signature (`policy.required_signatures` is `response` or `both`)",
     "Set Enterprise applications › <app> › Single sign-on › SAML Signing Certificate › Signing "
     "Option to `Sign SAML response and assertion` (Entra's default signs only the assertion).",
     "Or accept Entra's default in the SP: `policy.required_signatures` = `either` or "
     "`assertion`."},
    {Reason::signature_invalid, "Assertion/Signature/SignatureValue",
     "a SignatureValue that verifies with the trusted certificate",
     "Entra never sends this: SignedInfo or SignatureValue was changed after Entra signed "
     "(re-indenting a capture does it too, so diagnose the exact bytes posted), or another key "
     "signed it.",
     ""},
    {Reason::signature_digest_mismatch, "Assertion/Signature/SignedInfo/Reference/DigestValue",
     "the digest of the signed element as Entra signed it",
     "Entra never sends this: the signed element was changed after Entra signed it "
     "(pretty-printing a capture changes it too, so diagnose the exact bytes that were posted).",
     ""},
    {Reason::signature_malformed, "Assertion/Signature",
     "SignedInfo, SignatureValue and an optional KeyInfo, in XML-DSig order",
     "Entra never sends this: its Signature always has that shape, so the message was changed "
     "after signing or did not come from Entra.",
     ""},
    {Reason::signature_multiple, "Assertion/Signature", "one Signature per signed element",
     "Entra never sends this: it signs each element once, so a second Signature was added after "
     "Entra sent the message (signature wrapping).",
     ""},
    {Reason::signature_misplaced, "Assertion/Signature", "the Signature right after Issuer",
     "Entra never sends this: it places the Signature right after Issuer, so the message was "
     "rearranged after signing (signature wrapping).",
     ""},
    {Reason::signature_reference_count, "Assertion/Signature/SignedInfo/Reference",
     "exactly one Reference",
     "Entra never sends this: its SignedInfo holds one Reference, so the message was changed "
     "after signing or did not come from Entra.",
     ""},
    {Reason::signature_reference_not_parent, "Assertion/Signature/SignedInfo/Reference/@URI",
     "`#` and the ID of the element the Signature is in",
     "Entra never sends this: its Reference names the element the Signature sits in, so "
     "`{value}` points elsewhere after a change (signature wrapping).",
     ""},
    {Reason::signature_transform_forbidden, "Assertion/Signature/SignedInfo/Reference/Transforms",
     "enveloped-signature, optionally followed by exclusive c14n",
     "Entra never sends this: it uses exactly those two transforms, so the message was changed "
     "after signing or did not come from Entra.",
     ""},
    {Reason::signature_algorithm_forbidden,
     "Assertion/Signature/SignedInfo/SignatureMethod/@Algorithm",
     "`http://www.w3.org/2001/04/xmldsig-more#rsa-sha256` (or SHA-384, SHA-512)",
     "Set Enterprise applications › <app> › Single sign-on › SAML Signing Certificate › Signing "
     "Algorithm to `SHA-256`; the Response uses `{value}`.",
     "Only if Entra can't be changed: allow SHA-1 with `policy.min_signature_algorithm` = `sha1` "
     "(deprecated and weaker)."},
    {Reason::signature_c14n_forbidden,
     "Assertion/Signature/SignedInfo/CanonicalizationMethod/@Algorithm",
     "`http://www.w3.org/2001/10/xml-exc-c14n#`",
     "Entra never sends this: it always uses exclusive c14n, so `{value}` means the message was "
     "changed after signing or did not come from Entra.",
     ""},
    {Reason::signature_object_forbidden, "Assertion/Signature/Object", "no ds:Object",
     "Entra never sends this: a ds:Object (a place to hide a wrapped copy) was added to the "
     "Signature after Entra signed.",
     ""},
    {Reason::signature_id_ambiguous, "Assertion/@ID", "the signed ID on exactly one element",
     "Entra never sends this: another element with the signed ID `{value}` was added after Entra "
     "signed (signature wrapping).",
     ""},
    {Reason::signature_unverifiable, "Assertion/Signature/SignatureValue",
     "a SignatureValue the verifier can process",
     "Entra's SignatureValue is one line of valid base64: an undecodable or damaged signature was "
     "changed after Entra sent it.",
     "If the message is intact, the SP's verifier failed: look this request up in the SP's log."},

    // --- XML encryption ---
    {Reason::encryption_decrypt_failed, "Response/EncryptedAssertion",
     "an Assertion encrypted to the SP's encryption certificate",
     "Upload the SP's current encryption certificate as the app's Token encryption certificate "
     "and activate it (reference SP: `encryption.certificate_file`, also in its /saml/metadata).",
     "Or give the SP the private key of the certificate Entra encrypts to (reference SP: "
     "`encryption`, or `encryption_next` during a rollover)."},
    {Reason::encryption_algorithm_forbidden,
     "Response/EncryptedAssertion/EncryptedData/EncryptionMethod/@Algorithm",
     "an algorithm in `policy.allowed_content_encryption`, with RSA-OAEP key transport",
     "Entra encrypts with AES-256-CBC and RSA-OAEP and has no setting to change that: any other "
     "algorithm means someone else encrypted this Assertion.",
     "If the SP's list lacks `aes256-cbc`, add it back to `policy.allowed_content_encryption`: "
     "it is what Entra uses."},

    // --- SAML binding ---
    {Reason::binding_method_not_post, "", "an HTTP POST to `{acs_url}`",
     "Entra always POSTs the Response; a GET at the ACS usually means Enterprise applications › "
     "<app> › Single sign-on › Basic SAML Configuration › Sign on URL is `{acs_url}`: set it to "
     "the SP's login URL (reference SP: `/saml/login?idp=<name>`) or clear it.",
     "Make sure nothing in front of the ACS answers the POST with a redirect (http to https, a "
     "trailing slash): browsers repeat it as a GET."},
    {Reason::binding_saml_response_missing, "",
     "one `SAMLResponse` field in an application/x-www-form-urlencoded POST",
     "Entra's form always carries `SAMLResponse`: a POST without it came from somewhere else, or "
     "was emptied on the way.",
     "Check that no proxy or framework in front of the ACS consumes or rewrites the form body."},
    {Reason::binding_saml_response_duplicated, "", "exactly one `SAMLResponse` field",
     "Entra's form carries one `SAMLResponse`: a second one was added after Entra sent it.", ""},
    {Reason::binding_base64_invalid, "", "a base64 `SAMLResponse` field",
     "Entra's `SAMLResponse` is one line of valid base64: it was damaged on the way (cut short, "
     "or a `+` turned into a space by URL-decoding it twice).",
     "If a proxy or framework in front of the ACS decodes the form itself, pass the raw body "
     "through unchanged."},
    {Reason::binding_too_large, "", "a form within the limits `policy.max_message_bytes` sets",
     "Entra's Responses are a few kilobytes: remove claims the SP doesn't use in Enterprise "
     "applications › <app> › Single sign-on › Attributes & Claims, or look for content added on "
     "the way.",
     "If the message is genuine, raise `policy.max_message_bytes` (reference SP; the form and "
     "base64 limits follow from it)."},
    {Reason::binding_relay_state_invalid, "",
     "no RelayState, a path under `relay_state.allowed_paths`, or a URL on an origin in "
     "`relay_state.allowed_origins`",
     "Entra returns RelayState unchanged and, for IdP-initiated sign-in, sends Enterprise "
     "applications › <app> › Single sign-on › Basic SAML Configuration › Relay State: set that to "
     "a path the SP allows (e.g. `/`) or clear it.",
     "Or allow the target in the SP (reference SP: `relay_state.allowed_paths` or "
     "`relay_state.allowed_origins`; at most 1024 bytes, never `//` or a backslash)."},

    // --- Response envelope ---
    {Reason::response_not_a_response, "", "a `samlp:Response` root element",
     "Entra posts a `samlp:Response` to the ACS: check that you captured the `SAMLResponse` of "
     "that POST, not an AuthnRequest, a LogoutResponse or metadata.",
     ""},
    {Reason::response_version_unsupported, "Response/@Version", "`2.0`",
     "Entra always writes `2.0`: `{value}` means the message was changed after Entra sent it, or "
     "did not come from Entra.",
     ""},
    {Reason::response_id_missing, "Response/@ID", "a non-empty ID",
     "Entra always writes an ID (`_` and a GUID): the message was changed after Entra sent it, or "
     "did not come from Entra.",
     ""},
    {Reason::response_issue_instant_missing, "Response/@IssueInstant", "an IssueInstant",
     "Entra always writes IssueInstant: the message was changed after Entra sent it, or did not "
     "come from Entra.",
     ""},
    {Reason::status_not_success, "Response/Status/StatusCode/@Value",
     "`urn:oasis:names:tc:SAML:2.0:status:Success`",
     "Entra refused the sign-in: fix what its StatusMessage names (`AADSTS<code>`, explained at "
     "`https://login.microsoftonline.com/error?code=<code>`).",
     "If the code is about the SP's AuthnRequest (e.g. AADSTS75016 NameIDPolicy, AADSTS75011 "
     "authentication context, AADSTS900235 Comparison), change what the SP requests."},
    {Reason::status_missing, "Response/Status/StatusCode", "a Status/StatusCode with a Value",
     "Entra always sends a StatusCode: the message was changed after Entra sent it, or did not "
     "come from Entra.",
     ""},
    {Reason::response_destination_mismatch, "Response/@Destination", "`{acs_url}`",
     "Entra writes the Reply URL it posts to: in Enterprise applications › <app> › Single sign-on "
     "› Basic SAML Configuration › Reply URL (Assertion Consumer Service URL), make `{acs_url}` "
     "the Default, exactly (case, scheme, trailing slash); the Destination is `{value}`.",
     "Or, if `{value}` is the SP's real public address (e.g. behind a TLS-terminating proxy), "
     "make it the SP's ACS URL (reference SP: `base_url`)."},
    // saml-bindings §3.5.5.2: a signed message on the POST binding must carry Destination.
    {Reason::response_destination_missing_when_signed, "Response/@Destination",
     "a Destination on a signed Response",
     "Entra always writes Destination: it was removed after Entra sent the message, or the "
     "message did not come from Entra.",
     ""},
    {Reason::response_issuer_mismatch, "Response/Issuer", "`{idp_entity_id}`",
     "Entra's Issuer is `https://sts.windows.net/<tenant-id>/` with the trailing slash; if "
     "\"Append application ID to issuer\" (Advanced SAML claims options) is on, turn it off. The "
     "Response's Issuer is `{value}`.",
     "Or register the IdP that issues `{value}` in the SP: import this app's App Federation "
     "Metadata Url (reference SP: /admin › Import federation metadata)."},
    {Reason::response_issuer_format_invalid, "Response/Issuer/@Format",
     "no Format, or `urn:oasis:names:tc:SAML:2.0:nameid-format:entity`",
     "Entra never writes an Issuer Format: `{value}` was added after Entra sent the message, or "
     "it did not come from Entra.",
     ""},
    {Reason::response_in_response_to_unknown, "Response/@InResponseTo",
     "the ID of an open AuthnRequest this SP sent from this browser", "",
     "Start a new sign-in at the SP: `{value}` is not an open request from this browser (expired "
     "after `policy.request_lifetime_seconds`, already answered, sent to another IdP, or started "
     "on another SP instance). Over https the SP's request cookie must survive Entra's cross-site "
     "POST (`SameSite=None; Secure`)."},
    {Reason::response_unsolicited_forbidden, "Response/@InResponseTo",
     "an InResponseTo (a sign-in the SP started)",
     "Sign-ins from My Apps, the portal's Test button or the User access URL are IdP-initiated: "
     "set Enterprise applications › <app> › Single sign-on › Basic SAML Configuration › Sign on "
     "URL to the SP's login URL so My Apps starts them at the SP.",
     "Or accept IdP-initiated sign-in: `policy.allow_unsolicited` = true (the reference SP's "
     "default)."},
    {Reason::response_idp_disabled, "Response/Issuer", "an enabled IdP", "",
     "The SP has the IdP `{value}` registered but disabled: enable it (reference SP: /admin › "
     "Enable, `sp_under_test idp enable <name>`, or `trusted_idps[].enabled`)."},
    {Reason::response_schema_invalid, "Response",
     "Issuer, Signature, Extensions, Status, then the Assertion, in schema order",
     "Entra never sends this: its Responses follow the schema, so an element was added or moved "
     "after Entra sent the message (signature wrapping hides copies this way).",
     ""},

    // --- Assertion ---
    {Reason::assertion_missing, "Response/Assertion", "one Assertion or EncryptedAssertion",
     "Entra's successful Responses always carry one Assertion: it was removed after Entra sent "
     "the message, or the message did not come from Entra.",
     ""},
    {Reason::assertion_multiple, "Response/Assertion", "exactly one Assertion",
     "Entra never sends this: it issues one Assertion per Response, so another was added after "
     "Entra sent it (signature wrapping).",
     ""},
    {Reason::assertion_unsigned, "Assertion/Signature",
     "a verified signature covering the Assertion, as `policy.required_signatures` asks",
     "Set Enterprise applications › <app> › Single sign-on › SAML Signing Certificate › Signing "
     "Option to `Sign SAML assertion` (the default) or `Sign SAML response and assertion`. Entra "
     "always signs one of them: if neither is signed, the signature was removed on the way.",
     "Or, when the Response is signed, accept that: `policy.required_signatures` = `either` or "
     "`response`."},
    {Reason::assertion_issuer_mismatch, "Assertion/Issuer", "`{idp_entity_id}`",
     "Entra writes the same Issuer on the Response and its Assertion: an Assertion Issuer of "
     "`{value}` means the Assertion was changed or taken from another IdP's message.",
     ""},
    {Reason::assertion_issuer_missing, "Assertion/Issuer", "an Issuer",
     "Entra always writes the Assertion's Issuer: the message was changed after Entra sent it, or "
     "did not come from Entra.",
     ""},
    {Reason::assertion_id_missing, "Assertion/@ID", "a non-empty ID",
     "Entra always writes an Assertion ID: the message was changed after Entra sent it, or did not "
     "come from Entra.",
     ""},
    {Reason::assertion_version_unsupported, "Assertion/@Version", "`2.0`",
     "Entra always writes `2.0`: `{value}` means the message was changed after Entra sent it, or "
     "did not come from Entra.",
     ""},
    {Reason::subject_missing, "Assertion/Subject", "a Subject",
     "Entra always sends a Subject: the message was changed after Entra sent it, or did not come "
     "from Entra.",
     ""},
    {Reason::subject_name_id_missing, "Assertion/Subject/NameID", "a non-empty NameID",
     "Entra always sends a NameID from Attributes & Claims › Unique User Identifier (Name ID) and "
     "fails the sign-in (AADSTS501241) rather than send an empty one: a missing, empty or "
     "encrypted NameID was not written by Entra.",
     ""},
    {Reason::subject_name_id_format_mismatch, "Assertion/Subject/NameID/@Format",
     "the Format in `policy.required_name_id_format`",
     "In Enterprise applications › <app> › Single sign-on › Attributes & Claims › Unique User "
     "Identifier (Name ID), choose the name identifier format the SP requires; the Format is "
     "`{value}` (SP-initiated sign-ins get the Format the SP's NameIDPolicy asks for).",
     "Or accept `{value}`: set `policy.required_name_id_format` to it, or to null for any "
     "Format."},
    {Reason::subject_confirmation_bearer_missing, "Assertion/Subject/SubjectConfirmation/@Method",
     "`urn:oasis:names:tc:SAML:2.0:cm:bearer`",
     "Entra always sends a bearer SubjectConfirmation: the message was changed after Entra sent "
     "it, or did not come from Entra.",
     ""},
    {Reason::subject_confirmation_data_missing,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData",
     "SubjectConfirmationData with Recipient and NotOnOrAfter",
     "Entra always sends SubjectConfirmationData: the message was changed after Entra sent it, or "
     "did not come from Entra.",
     ""},
    {Reason::subject_confirmation_recipient_mismatch,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@Recipient", "`{acs_url}`",
     "Entra writes the Reply URL it posts to: in Enterprise applications › <app> › Single sign-on "
     "› Basic SAML Configuration › Reply URL (Assertion Consumer Service URL), make `{acs_url}` "
     "the Default, exactly (case, scheme, trailing slash); the Recipient is `{value}`.",
     "Or, if `{value}` is the SP's real public address (e.g. behind a TLS-terminating proxy), "
     "make it the SP's ACS URL (reference SP: `base_url`)."},
    {Reason::subject_confirmation_recipient_missing,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@Recipient", "`{acs_url}`",
     "Entra always writes Recipient: the message was changed after Entra sent it, or did not come "
     "from Entra.",
     ""},
    {Reason::subject_confirmation_expired,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@NotOnOrAfter",
     "a time later than `{at}` minus `{skew}` s", "",
     "Entra allows about an hour from issuing, so this Response was posted late or again (a stale "
     "capture, a reload): sign in again. If `{at}` is not the real time, the SP host's clock is "
     "ahead: sync it with NTP."},
    {Reason::subject_confirmation_not_on_or_after_missing,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@NotOnOrAfter",
     "a NotOnOrAfter",
     "Entra always writes NotOnOrAfter here: the message was changed after Entra sent it, or did "
     "not come from Entra.",
     ""},
    // saml-profiles §4.1.4.2: bearer SubjectConfirmationData MUST NOT contain NotBefore.
    {Reason::subject_confirmation_not_before_present,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@NotBefore", "no NotBefore",
     "Entra never writes NotBefore here: the message was changed after Entra sent it, or did not "
     "come from Entra.",
     ""},
    {Reason::subject_confirmation_in_response_to_mismatch,
     "Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@InResponseTo",
     "the Response's InResponseTo (none for IdP-initiated sign-in)",
     "Entra writes the same InResponseTo here and on the Response: `{value}` differing means the "
     "unsigned envelope was changed, or the Assertion was taken from another Response.",
     ""},
    {Reason::conditions_missing, "Assertion/Conditions", "a Conditions element",
     "Entra always sends Conditions: the message was changed after Entra sent it, or did not come "
     "from Entra.",
     ""},
    {Reason::conditions_not_yet_valid, "Assertion/Conditions/@NotBefore",
     "a time no later than `{at}` plus `{skew}` s", "",
     "Entra dates NotBefore up to 5 minutes before it issues the token, so `{value}` after `{at}` "
     "means the SP host's clock is behind: sync it with NTP rather than raising "
     "`policy.clock_skew_seconds`."},
    {Reason::conditions_expired, "Assertion/Conditions/@NotOnOrAfter",
     "a time later than `{at}` minus `{skew}` s",
     "If a token lifetime policy shortened the Assertion's lifetime (default 1 hour, 10 minutes "
     "to 1 day), lengthen it.",
     "The Assertion had expired at `{at}`: sign in again rather than re-post an old Response; if "
     "`{at}` is not the real time, sync the SP host's clock with NTP."},
    {Reason::audience_restriction_missing, "Assertion/Conditions/AudienceRestriction",
     "an AudienceRestriction naming `{sp_entity_id}`",
     "Entra always sends an AudienceRestriction: the message was changed after Entra sent it, or "
     "did not come from Entra.",
     ""},
    {Reason::audience_restriction_audience_mismatch,
     "Assertion/Conditions/AudienceRestriction/Audience", "`{sp_entity_id}`",
     "Enterprise applications › <app> › Single sign-on › Basic SAML Configuration › Identifier "
     "(Entity ID) must be `{sp_entity_id}`; the Response's Audience is `{value}` (Entra prefixes "
     "`spn:` to an Identifier that is not a URI).",
     "Or set the SP's entity ID to the Identifier Entra has: `{value}` (reference SP: "
     "`entity_id`)."},
    {Reason::authn_statement_missing, "Assertion/AuthnStatement", "an AuthnStatement",
     "Entra always sends an AuthnStatement: the message was changed after Entra sent it, or did "
     "not come from Entra.",
     ""},
    {Reason::attribute_email_missing, "Assertion/AttributeStatement",
     "an `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress` claim, or a NameID "
     "of Format emailAddress",
     "In Enterprise applications › <app> › Single sign-on › Attributes & Claims, keep "
     "`http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress` ← `user.mail` and give "
     "the user a mail value (Entra omits empty claims), or set the Name ID format to Email "
     "address.",
     "Or let the SP match accounts by NameID: `policy.require_email` = false."},
    {Reason::assertion_schema_invalid, "Assertion",
     "Issuer, Signature, Subject, Conditions, Advice, then statements, in schema order",
     "Entra never sends this: its Assertions follow the schema, so an element was added or moved "
     "after Entra sent the message (signature wrapping hides copies this way).",
     ""},
    {Reason::attribute_duplicated, "Assertion/AttributeStatement/Attribute/@Name",
     "each Attribute Name once",
     "In Enterprise applications › <app> › Single sign-on › Attributes & Claims, keep one claim "
     "named `{value}`; if only one is configured, the message was changed after Entra sent it.",
     ""},

    // --- admission ---
    {Reason::replay_assertion_reused, "Assertion/@ID", "an Assertion ID not used before", "",
     "Nothing to change: start a new sign-in instead of re-posting a used Response (a reload, the "
     "back button or a replayed capture sends it again)."},
    {Reason::account_unknown, "", "an SP account with the signed-in email (or NameID)",
     "Make the email Entra sends the SP account's: in Enterprise applications › <app> › Single "
     "sign-on › Attributes & Claims, check the emailaddress claim (`user.mail`) and the Unique "
     "User Identifier (Name ID); a guest's `user.userprincipalname` contains `#EXT#`.",
     "Or create the account in the SP (reference SP: an `accounts[]` entry with this `email` and "
     "`idp`; the file only seeds accounts not yet in the database)."},
    {Reason::account_disabled, "", "an enabled SP account", "",
     "Enable the SP's account for this user (reference SP: `accounts[].enabled`; the file only "
     "seeds accounts not yet in the database)."},
    {Reason::store_failed, "", "", "",
     "An SP-side fault (its database failed), not a fault in the message: look this request up in "
     "the SP's log."},

    // --- sp_under_test ---
    {Reason::assertion_issuer_format_invalid, "Assertion/Issuer/@Format",
     "no Format, or `urn:oasis:names:tc:SAML:2.0:nameid-format:entity`",
     "Entra never writes an Issuer Format: `{value}` was added after Entra sent the message, or "
     "it did not come from Entra.",
     ""},
    // The Response's IssueInstant is checked first; the Assertion's gets the same reason.
    {Reason::time_issued_in_future, "Response/@IssueInstant",
     "a time no later than `{at}` plus `{skew}` s", "",
     "The SP host's clock is behind Entra's by more than `{skew}` s: sync it with NTP rather than "
     "raising `policy.clock_skew_seconds`."},
    {Reason::conditions_multiple, "Assertion/Conditions", "one Conditions element",
     "Entra sends one Conditions element: the message was changed after Entra sent it, or did not "
     "come from Entra.",
     ""},
    {Reason::conditions_condition_unknown, "Assertion/Conditions",
     "only AudienceRestriction, OneTimeUse or ProxyRestriction",
     "Entra sends only AudienceRestriction: another condition means the message was changed after "
     "Entra sent it, or did not come from Entra.",
     ""},
    {Reason::subject_sp_name_qualifier_mismatch, "Assertion/Subject/NameID/@SPNameQualifier",
     "no SPNameQualifier, or `{sp_entity_id}`", "",
     "Entra copies SPNameQualifier from the AuthnRequest's NameIDPolicy: have the SP send "
     "`{sp_entity_id}` there or nothing; `{value}` names another SP."},
    {Reason::authn_statement_session_expired, "Assertion/AuthnStatement/@SessionNotOnOrAfter",
     "a time later than `{at}` minus `{skew}` s",
     "Entra never writes SessionNotOnOrAfter: this Assertion was changed after Entra sent it, or "
     "came from another IdP.",
     ""},
    {Reason::account_sso_disabled, "", "an SP account with SSO enabled", "",
     "Turn SSO on for the SP's account for this user (reference SP: `accounts[].sso_enabled`; "
     "the file only seeds accounts not yet in the database)."},
    {Reason::account_idp_mismatch, "", "an SP account linked to `{idp_entity_id}`", "",
     "The SP's account for this user is linked to another IdP: link it to the IdP registered for "
     "`{idp_entity_id}` only if this user really signs in there (reference SP: `accounts[].idp`)."},
    {Reason::binding_parameter_invalid, "",
     "only `SAMLResponse` and `RelayState`, each once and spelled exactly",
     "Entra's form carries only `SAMLResponse` and `RelayState`: a look-alike or extra SAML field "
     "(such as `SAMLRequest`) was added after Entra sent it.",
     ""},
};

constexpr bool in_reasons_def_order() {
  for (std::size_t i = 1; i < std::size(k_fixes); ++i) {
    if (static_cast<unsigned>(k_fixes[i - 1].reason) >= static_cast<unsigned>(k_fixes[i].reason)) {
      return false;
    }
  }
  return true;
}
static_assert(in_reasons_def_order(), "k_fixes rows must follow reasons.def order, once each");

}  // namespace

std::span<const Fix> fixes() {
  return k_fixes;
}

std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        auto found = values.find(std::string(text.substr(i + 1, close - i - 1)));
        if (found != values.end()) {
          out += found->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

const Fix* fix_for(core::Reason reason) {
  for (const Fix& fix : k_fixes) {
    if (fix.reason == reason) {
      return &fix;
    }
  }
  return nullptr;
}

}  // namespace samlt::diagnose
