// SPDX-License-Identifier: Apache-2.0
// --redact: personal data in a capture replaced, in every output, by stable placeholders. The same
// value gets the same placeholder everywhere in one run, so a redacted report still shows that the
// NameID and the email claim were one address. SAML messages found encoded in an output (base64,
// or raw DEFLATE then base64, URL-encoded or not) are decoded, redacted and encoded again.
#pragma once

#include "samlt/diagnose/capture.hpp"
#include "samlt/diagnose/diagnosis.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::diagnose {

class Redactor {
 public:
  // Learns the personal values of `captures`: each message's NameIDs, attribute values (but URIs),
  // SessionIndex and SubjectConfirmationData/@Address, the personal parameters of its URL, and
  // each HAR's secrets (capture.hpp); each also as a URL carries it, percent-encoded.
  explicit Redactor(const std::vector<Capture>& captures);

  // `text` with every learned value, and every email address, GUID, IPv4 address and JWT,
  // replaced; encoded SAML messages in it redacted inside. Placeholders keep each value's shape:
  //   email → user-N@redacted.invalid        GUID → 00000000-0000-4000-8000-00000000000N
  //   IPv4  → 192.0.2.N (RFC 5737)           token, cookie, JWT → redacted-token-N
  //   other (names, departments …) → redacted-N
  std::string text(std::string_view text);

  // A SAML message's XML with its text and attribute values redacted (namespace URIs kept), or
  // text() of it when it does not parse.
  std::string xml(std::string_view xml);

  // Every string of the diagnoses, in place.
  void diagnoses(std::vector<MessageDiagnosis>& diagnoses);

  // Original → placeholder, for tests and for a scenario that must stay consistent.
  const std::map<std::string, std::string, std::less<>>& placeholders() const { return m_placeholders; }

 private:
  enum class Shape { email, guid, ipv4, token, other };
  std::string placeholder(const std::string& value, Shape shape);
  void learn(const std::string& value, Shape shape);
  void learn_message(const std::string& xml);
  std::string values_and_patterns(std::string_view text);
  std::string encoded_messages(std::string_view text);

  std::map<std::string, std::string, std::less<>> m_placeholders;
  std::vector<std::string> m_learned;  // longest first, replaced before the patterns run
  std::map<Shape, int> m_counts;
};

}  // namespace samlt::diagnose
