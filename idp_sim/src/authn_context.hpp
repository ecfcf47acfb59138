// SPDX-License-Identifier: Apache-2.0
// Which requested AuthnContextClassRef a sign-in satisfies (entra-spec §1.11).
#pragma once

#include "samlt/idp/idp_config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samlt::idp {

// The first of `requested` that `method` satisfies (Password and PasswordProtectedTransport for
// password sign-ins, X509/Smartcard/TLSClient for certificates, windows/Kerberos for WIA;
// unspecified for all), or nullopt.
std::optional<std::string> satisfied_class(const std::vector<std::string>& requested,
                                           AuthMethod method);

}  // namespace samlt::idp
