// SPDX-License-Identifier: Apache-2.0
// The HTML pages idp_sim shows a browser besides the error page (aadsts.hpp). Every value is
// HTML-escaped.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/idp/idp_config.hpp"

#include <string>
#include <vector>

namespace samlt::idp {

// entra-spec §1.14: `<form method="POST" name="hiddenform" action="{ACS}">` with hidden inputs,
// a <noscript> submit button and an auto-submit script. `fields` in order (SAMLResponse,
// RelayState).
std::string auto_post_form_html(const std::string& action, const core::FormFields& fields);

// The sign-in page: pick a user or type a UPN (and a password). Posts `ctx`, `login`, `passwd` to
// `action`. `error` (may be empty) is shown above the form, as Entra shows a wrong password.
struct SignInPage {
  std::string action;
  std::string ctx;
  std::string app_name;
  std::string login_hint;
  std::string error;
  const std::vector<User>* users = nullptr;
};
std::string sign_in_page_html(const SignInPage& page);

// "You signed out of your account" (entra-spec §4.4, no Logout URL registered).
std::string signed_out_page_html();

}  // namespace samlt::idp
