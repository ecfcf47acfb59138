// SPDX-License-Identifier: Apache-2.0
// The SP's own metadata (saml-metadata §2.4.4): what an IdP admin imports, or copies by hand into
// Entra's "Basic SAML Configuration".
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/sp_config.hpp"

#include <string>

namespace samlt::sp {

// An EntityDescriptor with one SPSSODescriptor: AuthnRequestsSigned, WantAssertionsSigned (true
// when the policy requires the Assertion's own signature), the signing and encryption
// certificates, the Redirect SingleLogoutService, the emailAddress NameIDFormat and the HTTP-POST
// AssertionConsumerService. Signed with the SP signing key. Fails with internal.error.
core::Result<std::string> build_sp_metadata(const SpConfig& config);

}  // namespace samlt::sp
