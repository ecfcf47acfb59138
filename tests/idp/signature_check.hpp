// SPDX-License-Identifier: Apache-2.0
// Independent checks of idp_sim's signatures: this project's verifier and the xmlsec1 command line.
#pragma once

#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"

#include <string>
#include <string_view>

namespace samlt::test::idp {

// xmlsec1 --verify of the Signature that is a direct child of the element named `element`
// ("Assertion", "Response", "EntityDescriptor") in `xml`, trusting only `cert_role`'s certificate.
bool xmlsec1_verifies(const std::string& xml, std::string_view element, std::string_view cert_role);

// core::verify_enveloped of the enveloped signature of `element`, trusting only `cert_role`.
core::Result<core::VerifiedNode> core_verifies(core::XmlDoc& doc, xmlNode* element,
                                               std::string_view cert_role, bool allow_sha1 = false);

}  // namespace samlt::test::idp
