// SPDX-License-Identifier: Apache-2.0
// Every reason the reference SP's ACS can give has a fix text (issue 13).
#include "samlt/diagnose/fixes.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

using namespace samlt;

namespace {

// The reasons the ACS never gives: other programs' reasons, configuration and control, and the
// SP's pages other than the ACS. A new reason is either here or in fixes.cpp.
bool acs_never_gives(std::string_view id) {
  static const std::set<std::string_view> singles{
      "io.read_failed", "io.write_failed", "key.generation_failed", "key.mismatch", "encryption.failed",
      "binding.message_missing", "config.invalid", "control.unknown_mutator", "control.request_invalid",
      "account.password_invalid", "session.missing", "session.role_forbidden", "logout.message_invalid"};
  for (std::string_view prefix : {"metadata.", "idp.", "authn_request.", "sign_in.", "logout_request.", "mutator.",
                                  "runner."}) {
    if (id.substr(0, prefix.size()) == prefix) {
      return true;
    }
  }
  return singles.count(id) != 0;
}

}  // namespace

TEST_CASE("fixes: every reason the ACS can give has one, and no other", "[diagnose][fixes]") {
  for (core::Reason reason : core::all_reasons()) {
    INFO(core::id(reason));
    CHECK((diagnose::fix_for(reason) != nullptr) != acs_never_gives(core::id(reason)));
  }
}

TEST_CASE("fixes: paths and placeholders are ones the diagnosis fills", "[diagnose][fixes]") {
  const std::regex path("^((Response|Assertion)(/[A-Za-z0-9]+)*(/@[A-Za-z]+)?)?$");
  const std::regex placeholder("\\{([^}]*)\\}");
  const std::set<std::string> known{"value", "sp_entity_id", "acs_url", "idp_entity_id", "at", "skew"};
  for (const auto& fix : diagnose::fixes()) {
    INFO(core::id(fix.reason));
    CHECK(std::regex_match(std::string(fix.element), path));
    CHECK_FALSE((fix.entra.empty() && fix.sp.empty()));
    for (std::string_view text : {fix.expected, fix.entra, fix.sp}) {
      std::string copy(text);
      for (std::sregex_iterator it(copy.begin(), copy.end(), placeholder), end; it != end; ++it) {
        CHECK(known.count((*it)[1].str()) == 1);
      }
    }
  }
}
