// SPDX-License-Identifier: Apache-2.0
// §1 XML signature wrapping: the mutators (one .cpp each) and the DOM helpers they share for
// forging copies of a signed element and hiding one copy in the message.
#pragma once

#include "mutators/mutators.hpp"
#include "samlt/idp/mutator.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> xsw_original_hidden(Target& target);
core::Result<void> xsw_evil_copy_added(Target& target);
core::Result<void> xsw_first_signature_nested(Target& target);
core::Result<void> xsw_second_root_appended(Target& target);
core::Result<void> xsw_digest_smuggled(Target& target);
core::Result<void> xsw_signed_info_doubled(Target& target);
core::Result<void> xsw_digest_value_commented(Target& target);
core::Result<void> xsw_foreign_object_carried(Target& target);
core::Result<void> xsw_signature_moved(Target& target);
core::Result<void> xsw_reference_added(Target& target);
core::Result<void> xsw_envelope_field_changed(Target& target);

namespace xsw {

// The identity a forged copy claims: param `victim`, default the tenant's megan.bowen (the
// attacker is the user the Response was issued to).
inline constexpr std::string_view k_default_victim = "megan.bowen@contoso.example";
core::Result<std::string> victim(const Target& target);

// Writes `victim` as the text of every NameID and of every emailaddress and name claim value under
// `subtree` (the reference SP maps accounts by the email claim, others by NameID).
void write_victim(xmlNode* subtree, std::string_view victim);

// The Response (document element), or its first Assertion child; nullptr when there is none.
xmlNode* response(const Target& target);
xmlNode* first_assertion(const Target& target);

// A deep copy of `element` in the same document, unlinked, without its direct ds:Signature.
xmlNode* copy_without_signature(const xmlNode* element);

// How the IDs of a forged copy change: every ID attribute in the subtree gets a new value, only
// the copy's own ID does, or none does.
enum class Ids { fresh, root_only, shared };
core::Result<Ids> ids_param(const Target& target, Ids fallback);
// Applies `ids` to `subtree`; the root's new ID is `root_id` when given.
void rename_ids(xmlNode* subtree, Ids ids, const std::optional<std::string>& root_id);

// The string parameter `name` restricted to `choices` ("a|b|c"); `fallback` when absent.
core::Result<std::string> choice_param(const Target& target, std::string_view name, std::string_view choices,
                                       std::string_view fallback);

// The direct ds:Signature child of `element`, or nullptr.
xmlNode* signature_of(const xmlNode* element);

// samlp:Extensions of `response` at its schema place (after Issuer and Signature, before Status),
// made when absent; `qualified` false makes an `Extensions` element in no namespace instead.
xmlNode* extensions_of(xmlNode* response, bool qualified);

// Every place hide() knows, for choice_param.
inline constexpr std::string_view k_places =
    "signature|object|object_unqualified|key_info|before_signature|response_end|inside_visible|sibling_before|"
    "sibling_after|extensions|extensions_unqualified|status_detail|advice|attribute_value|"
    "subject_confirmation_data|wrapper|wrapper_before";

// Puts `hidden` (unlinked) at `place` relative to `visible` (a Response or an Assertion in the
// document): inside visible's Signature (as its last child, in a ds:Object or an unqualified
// Object, in its KeyInfo) or just before it; last child of the Response or of `visible`; just
// before or after `visible`; in the Response's samlp:Extensions (or an unqualified Extensions) or
// Status/StatusDetail; in the Advice, a new AttributeValue or the SubjectConfirmationData of
// visible's Assertion; in an unknown element `wrapper` (no namespace) right after or before
// `visible` (last child of it when it is the document element). mutator.not_applicable when the
// place does not exist in this message; `hidden` then stays unlinked.
core::Result<void> hide(xmlNode* visible, xmlNode* hidden, std::string_view place, std::string_view wrapper);

// The SHA-256 DigestValue an enveloped Reference to `element` would carry now: base64 of the
// digest of exc-c14n(element without its direct Signature). Fails with internal.error.
core::Result<std::string> enveloped_digest(const xmlNode* element);

// Recomputes every Reference digest and the SignatureValue of `signature` (an edited Signature in
// the document, whatever transforms it names) with the app's signing key, KeyInfo left as it is.
// REQUIRES: a signature was already made in this process (xmlsec is initialised by then).
// Fails with mutator.not_applicable when xmlsec cannot sign the edited template.
core::Result<void> resign(const Target& target, xmlNode* signature);

// Inserts `node` (unlinked) before `anchor` / appends it as the last child of `parent`.
void insert_before(xmlNode* anchor, xmlNode* node);
void append_child(xmlNode* parent, xmlNode* node);

}  // namespace xsw
}  // namespace samlt::idp::mutators
