// SPDX-License-Identifier: Apache-2.0
// The user checks of a sign-in (entra-spec §3.6) and RequestedAuthnContext matching (§1.11).
#include "authn_context.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/idp/aadsts.hpp"
#include "sign_in.hpp"

#include <algorithm>

namespace samlt::idp {
namespace {

namespace n = core::names;
constexpr std::string_view k_classes = "urn:oasis:names:tc:SAML:2.0:ac:classes:";

// The class names Entra's 75011 message prints ("{Password, ProtectedTransport}", I4).
std::string requested_label(const std::vector<std::string>& classes) {
  std::string out;
  for (const auto& uri : classes) {
    std::string name = uri.rfind(k_classes, 0) == 0 ? uri.substr(k_classes.size()) : uri;
    if (name == "PasswordProtectedTransport") {
      name = "Password, ProtectedTransport";
    } else if (uri == n::ac_windows) {
      name = "Windows";
    }
    out += (out.empty() ? "" : ", ") + name;
  }
  return "{" + out + "}";
}

std::string method_label(AuthMethod method) {
  switch (method) {
    case AuthMethod::password:
      return "{Password}";
    case AuthMethod::mfa:
      return "{Password, MultiFactor}";
    case AuthMethod::x509:
      return "{X509, MultiFactor}";
    case AuthMethod::windows:
      return "{Windows}";
  }
  return "{Password}";
}

}  // namespace

std::optional<std::string> satisfied_class(const std::vector<std::string>& requested,
                                           AuthMethod method) {
  auto by = [&](std::initializer_list<std::string_view> classes) -> std::optional<std::string> {
    for (const auto& want : requested) {
      if (std::find(classes.begin(), classes.end(), want) != classes.end()) {
        return want;
      }
    }
    return std::nullopt;
  };
  const std::string pwd = std::string(k_classes) + "Password";
  const std::string ppt = std::string(k_classes) + "PasswordProtectedTransport";
  const std::string unspecified = std::string(k_classes) + "unspecified";
  switch (method) {
    case AuthMethod::password:
    case AuthMethod::mfa:
      return by({pwd, ppt, unspecified});
    case AuthMethod::x509:
      return by({std::string(k_classes) + "X509", std::string(k_classes) + "Smartcard",
                 std::string(k_classes) + "SmartcardPKI", std::string(k_classes) + "TLSClient",
                 unspecified});
    case AuthMethod::windows:
      return by({n::ac_windows, std::string(k_classes) + "Kerberos", unspecified});
  }
  return std::nullopt;
}

core::Result<void> check_user(const Idp& idp, const SignInContext& context, const User& user,
                              AuthMethod method) {
  AadstsValues values;
  values.value = user.user_principal_name;
  values.tenant = idp.config().tenant_name;
  values.app_id = context.app.app_id;
  values.app_name = context.app.display_name;
  if (!user.enabled) {
    return aadsts_fail(core::Reason::sign_in_user_disabled, values);
  }
  if (context.app.assignment_required && !idp.is_assigned(context.app, user)) {
    return aadsts_fail(core::Reason::sign_in_user_not_assigned, values);
  }
  if (!context.requested_classes.empty() && !satisfied_class(context.requested_classes, method)) {
    values.value = method_label(method);
    values.other = requested_label(context.requested_classes);
    return aadsts_fail(core::Reason::authn_request_authn_context_mismatch, values);
  }
  return {};
}

}  // namespace samlt::idp
