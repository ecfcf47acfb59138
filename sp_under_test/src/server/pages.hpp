// SPDX-License-Identifier: Apache-2.0
// The SP's HTML pages. Every value that comes from a request, a message, the database or the
// configuration is HTML-escaped here (attack-catalogue BIND-RELAYSTATE-XSS, POS-STATUS-ERROR-CLEAN).
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/store.hpp"
#include "samlt/sp/verdict.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp::pages {

std::string rejection(const Verdict& verdict);
std::string error(int status, const core::Error& error);
std::string index(const std::vector<IdpRecord>& idps);
std::string me(const SessionRecord& session, const Account& account);
std::string login(const std::vector<IdpRecord>& idps, std::string_view message);
std::string admin(const std::vector<IdpRecord>& idps, std::string_view csrf, std::string_view message);

}  // namespace samlt::sp::pages
