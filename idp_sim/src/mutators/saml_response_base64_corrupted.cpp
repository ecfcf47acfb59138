// SPDX-License-Identifier: Apache-2.0
// saml_response.base64_corrupted — a proxy or a hand-edited form breaks the encoding; an SP whose
// decoder silently skips bad characters may parse garbage (BIND-BASE64-BAD; crewjam/saml
// TestSPInvalidResponses). saml-bindings §3.5.4: the SAMLResponse value is base64 (RFC 2045);
// anything else must be refused before XML parsing. Param form: inserted_junk (default, "*%*" in
// the middle), garbage ("???"), truncated_padding (last character dropped), url_safe (the RFC 4648
// §5 alphabet, '-' and '_'), nul_then_data (a NUL, then more base64). Two forms are valid RFC 2045
// encodings a strict SP must still accept: line_wrapped (CRLF every 76 characters) and
// space_padded (spaces around the value).
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

#include <algorithm>

namespace samlt::idp::mutators {
namespace {

// RFC 2045 §6.8: encoded lines are at most 76 characters, separated by CRLF.
std::string line_wrapped(const std::string& base64) {
  std::string out;
  for (std::size_t at = 0; at < base64.size(); at += 76) {
    out += (at == 0 ? "" : "\r\n") + base64.substr(at, 76);
  }
  return out;
}

}  // namespace

core::Result<void> saml_response_base64_corrupted(Target& target) {
  auto form = choice_param(target, "form",
                           {"inserted_junk", "garbage", "truncated_padding", "url_safe", "nul_then_data",
                            "line_wrapped", "space_padded"},
                           "inserted_junk");
  if (!form) {
    return core::fail(form.error());
  }
  core::FormField* field = form_field(target, "SAMLResponse");
  if (field == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
  }
  std::string& value = field->second;
  if (*form == "inserted_junk") {
    value.insert(value.size() / 2, "*%*");
  } else if (*form == "garbage") {
    value = "???";
  } else if (*form == "truncated_padding") {
    value.pop_back();  // the length is no longer a multiple of 4
  } else if (*form == "url_safe") {
    if (value.find_first_of("+/") == std::string::npos) {
      return core::fail(core::Reason::mutator_not_applicable, "the value has no '+' or '/' to replace");
    }
    std::replace(value.begin(), value.end(), '+', '-');
    std::replace(value.begin(), value.end(), '/', '_');
  } else if (*form == "nul_then_data") {
    value += std::string(1, '\0') + core::base64_encode("<samlp:Extensions/>");
  } else if (*form == "line_wrapped") {
    value = line_wrapped(value);
  } else {
    value = "  " + value + "  ";
  }
  return {};
}

}  // namespace samlt::idp::mutators
