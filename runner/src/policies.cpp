// SPDX-License-Identifier: Apache-2.0
// THE table of policy settings scenarios consult (scenarios/README.md, "Policy").
#include "samlt/runner/policies.hpp"

#include <charconv>

namespace samlt::runner {
namespace {

// The assumed values are what SAML itself requires or what Entra's own defaults make safe; a
// rule that only some SPs make (an email claim) is assumed off.
constexpr PolicyKnob k_policies[] = {
    {"clock_skew_seconds", PolicyKind::number, "180", "seconds (a whole number)",
     "how far the SP lets the IdP's clock run ahead or behind when it judges IssueInstant, "
     "NotBefore and NotOnOrAfter (saml-core §1.3.3 leaves it to the relying party)"},
    {"allow_unsolicited", PolicyKind::boolean, "true", "true or false",
     "whether the SP accepts IdP-initiated (unsolicited) responses, as Entra's My Apps sends "
     "them (saml-profiles §4.1.5)"},
    {"enforce_certificate_validity", PolicyKind::boolean, "false", "true or false",
     "whether the SP refuses a signature by a trusted certificate outside its validity dates; "
     "Entra keeps signing with an expired certificate, and the SAML V2.0 Metadata "
     "Interoperability Profile has metadata consumers ignore certificate dates"},
    {"min_signature_algorithm", PolicyKind::choice, "sha256", "sha1 or sha256",
     "the weakest signature and digest algorithm the SP accepts; Entra signs with SHA-256 unless "
     "an app is switched to SHA-1"},
    {"require_email", PolicyKind::boolean, "false", "true or false",
     "whether the SP refuses a sign-in that carries no email address (no emailaddress claim and "
     "no email-format NameID); SAML has no such rule, some SPs do"},
    {"required_signatures", PolicyKind::choice, "either", "either or assertion or response or both",
     "which signatures the SP requires: either the Response's or the Assertion's (saml-profiles "
     "§4.1.4.5 as amended; SAML2int IIP-SSO04), the Assertion's own, the Response's, or both"},
    {"max_message_age_seconds", PolicyKind::number, "none", "seconds (a whole number), or none",
     "the oldest Response IssueInstant the SP takes, skew included, however long the assertion "
     "itself stays valid (Shibboleth's MessageFlow expires plus its clock skew); none: no limit"},
    {"require_metadata_valid_until", PolicyKind::boolean, "false", "true or false",
     "whether the SP refuses IdP metadata without validUntil (SAML2int IIP-MD04); Entra's "
     "federation metadata carries none, so an SP that requires it cannot import Entra's as published"},
    {"max_metadata_validity_days", PolicyKind::number, "none", "days (a whole number), or none",
     "how far ahead the SP lets IdP metadata's validUntil lie before it refuses the document as a "
     "stale one that never expires (SAML2int IIP-MD04); none: no limit"},
};

// "none" is the unbounded value of a number setting that allows it: above every number.
constexpr std::string_view k_unbounded = "none";

bool allows_unbounded(const PolicyKnob& knob) {
  return std::string_view(knob.values).find("or none") != std::string_view::npos;
}

bool is_number(std::string_view text, long long& value) {
  if (text.empty()) {
    return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

struct Comparison {
  std::string_view op;  // "", "<", "<=", ">", ">="
  std::string_view operand;
};

Comparison split_comparison(std::string_view condition) {
  for (std::string_view op : {"<=", ">=", "<", ">"}) {
    if (condition.substr(0, op.size()) == op) {
      return {op, condition.substr(op.size())};
    }
  }
  return {"", condition};
}

bool choice_allowed(const PolicyKnob& knob, std::string_view value) {
  if (knob.kind == PolicyKind::boolean) {
    return value == "true" || value == "false";
  }
  // "sha1 or sha256": the words of the values column.
  std::string_view values = knob.values;
  while (!values.empty()) {
    auto space = values.find(' ');
    auto word = values.substr(0, space);
    if (word != "or" && word == value) {
      return true;
    }
    values = space == std::string_view::npos ? std::string_view() : values.substr(space + 1);
  }
  return false;
}

}  // namespace

std::span<const PolicyKnob> all_policies() { return k_policies; }

const PolicyKnob* find_policy(std::string_view name) {
  for (const auto& knob : k_policies) {
    if (knob.name == name) {
      return &knob;
    }
  }
  return nullptr;
}

std::string check_condition(const PolicyKnob& knob, std::string_view condition) {
  if (knob.kind == PolicyKind::number) {
    auto [op, operand] = split_comparison(condition);
    long long unused = 0;
    bool unbounded = allows_unbounded(knob) && op.empty() && operand == k_unbounded;
    return is_number(operand, unused) || unbounded
               ? std::string()
               : "a number of " + std::string(knob.values) + ", or a comparison such as \">=180\"";
  }
  return choice_allowed(knob, condition) ? std::string() : std::string(knob.values);
}

bool condition_holds(const PolicyKnob& knob, std::string_view condition, std::string_view value) {
  if (knob.kind != PolicyKind::number) {
    return condition == value;
  }
  auto [op, operand] = split_comparison(condition);
  long long want = 0;
  long long have = 0;
  if (allows_unbounded(knob) && value == k_unbounded) {
    return op.empty() ? operand == k_unbounded : op[0] == '>';
  }
  if (!is_number(operand, want) || !is_number(value, have)) {
    return false;  // an SP that publishes no number satisfies no numeric condition
  }
  if (op == "<") {
    return have < want;
  }
  if (op == "<=") {
    return have <= want;
  }
  if (op == ">") {
    return have > want;
  }
  if (op == ">=") {
    return have >= want;
  }
  return have == want;
}

std::vector<reports::PolicySetting> effective_policy(const std::map<std::string, std::string>& declared,
                                                     const std::map<std::string, std::string>& fetched) {
  std::vector<reports::PolicySetting> out;
  for (const auto& knob : k_policies) {
    std::string name(knob.name);
    if (auto it = fetched.find(name); it != fetched.end()) {
      out.push_back({name, it->second, reports::PolicyOrigin::fetched});
    } else if (auto it2 = declared.find(name); it2 != declared.end()) {
      out.push_back({name, it2->second, reports::PolicyOrigin::declared});
    } else {
      out.push_back({name, std::string(knob.assumed), reports::PolicyOrigin::assumed});
    }
  }
  for (const auto& [name, value] : fetched) {
    if (find_policy(name) == nullptr) {
      out.push_back({name, value, reports::PolicyOrigin::fetched});
    }
  }
  return out;
}

std::map<std::string, std::string> policy_values(const std::vector<reports::PolicySetting>& settings) {
  std::map<std::string, std::string> out;
  for (const auto& setting : settings) {
    out[setting.name] = setting.value;
  }
  return out;
}

std::string policies_text() {
  std::string out =
      "Policy settings the scenarios consult (if_policy). A target states them in \"policy\" or "
      "publishes them at policy_url;\nthe runner assumes the value below for any it does not "
      "state, and every report header lists each value and its origin.\n";
  for (const auto& knob : k_policies) {
    out += "\n  " + std::string(knob.name) + "  (" + std::string(knob.values) + "; assumed " +
           std::string(knob.assumed) + ")\n      " + std::string(knob.meaning) + "\n";
  }
  return out;
}

}  // namespace samlt::runner
