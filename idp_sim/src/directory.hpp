// SPDX-License-Identifier: Apache-2.0
// Reading directory users the way Entra's claim sources name their attributes ("user.mail").
#pragma once

#include "samlt/idp/idp_config.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace samlt::idp {

// True when `source` names an attribute this directory has (e.g. "user.givenname").
bool is_known_source(std::string_view source);

// "user.userprincipalname, user.mail, …": for configuration error messages.
std::string known_sources_joined();

// The value of `source` for `user` ("" when the user has none). REQUIRES: is_known_source(source).
std::string user_attribute(const User& user, std::string_view source);

// The persistent pairwise identifier (entra-spec §1.7, [INFER] algorithm): base64url without
// padding of SHA-256(tenant | app | user object id | salt): 43 characters, stable per (user, app).
std::string pairwise_id(std::string_view tenant_id, std::string_view app_id,
                        std::string_view object_id, std::string_view salt);

// A fresh random opaque transient NameID value (43 base64url characters).
std::string transient_id();

}  // namespace samlt::idp
