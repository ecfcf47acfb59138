// SPDX-License-Identifier: Apache-2.0
// Indented XML for people: SAML messages on the wire are one long line (Entra writes them compact).
#pragma once

#include <string>
#include <string_view>

namespace samlt::reports {

// `xml` re-serialised with one element per line and two-space indentation, without an XML
// declaration and without a trailing newline. Whitespace-only text between elements is dropped;
// text inside simple-content elements (NameID, Audience, DigestValue) is kept exactly, so the
// display never shows a value the SP did not receive. The input is parsed with core::parse_strict,
// so anything that parser refuses (malformed XML, a DOCTYPE, oversize) is returned unchanged.
// Thread-safe.
std::string pretty_print_xml(std::string_view xml);

}  // namespace samlt::reports
