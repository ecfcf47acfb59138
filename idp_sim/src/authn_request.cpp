// SPDX-License-Identifier: Apache-2.0
// Entra's AuthnRequest processing (entra-spec §3.2, §3.4) and the IdP-initiated defaults (§3.5).
#include "request_signature.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/aadsts.hpp"
#include "sign_in.hpp"

#include <algorithm>
#include <cctype>

namespace samlt::idp {
namespace {

using core::Reason;
namespace n = core::names;

AadstsValues values_for(const Idp& idp, const App* app, std::string value = {}) {
  AadstsValues v;
  v.value = std::move(value);
  v.tenant = idp.config().tenant_name;
  if (app != nullptr) {
    v.app_id = app->app_id;
    v.app_name = app->display_name;
  }
  return v;
}

// xs:ID is an NCName: a letter or '_' first (D1: "must not begin with a digit"), then letters,
// digits, '.', '-', '_' (non-ASCII name characters let through).
bool is_ncname(std::string_view id) {
  auto name_start = [](unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; };
  if (id.empty() || !name_start(static_cast<unsigned char>(id.front()))) {
    return false;
  }
  return std::all_of(id.begin() + 1, id.end(), [&](unsigned char c) {
    return name_start(c) || std::isdigit(c) || c == '.' || c == '-';
  });
}

bool xs_true(const std::optional<std::string>& value) {
  return value == "true" || value == "1";
}

// entra-spec §1.9: a value that is not a URI becomes "spn:" + value (an app id GUID, say).
std::string audience_for(const App& app, const std::string& requested) {
  if (app.audience_override) {
    return *app.audience_override;
  }
  auto colon = requested.find(':');
  bool uri = colon != std::string::npos && colon > 0 &&
             std::isalpha(static_cast<unsigned char>(requested[0])) &&
             std::all_of(requested.begin(), requested.begin() + static_cast<long>(colon),
                         [](unsigned char c) {
                           return std::isalnum(c) || c == '+' || c == '-' || c == '.';
                         });
  return uri ? requested : "spn:" + requested;
}

core::Result<App> resolve_app(const Idp& idp, const std::string& issuer,
                              const AcceptOptions& options) {
  const App* base = options.only_app;
  bool overriding = !options.app_overrides.is_null() && !options.app_overrides.empty();
  if (base == nullptr && overriding && !idp.config().apps.empty()) {
    base = &idp.config().apps.front();
  }
  if (base == nullptr) {
    base = idp.app_by_identifier(issuer);
    if (base == nullptr) {
      return aadsts_fail(Reason::authn_request_issuer_unknown, values_for(idp, nullptr, issuer));
    }
  }
  auto app = idp.app_with_overrides(*base, options.app_overrides);
  if (!app) {
    return app;
  }
  if (std::find(app->identifiers.begin(), app->identifiers.end(), issuer) ==
      app->identifiers.end()) {
    return aadsts_fail(Reason::authn_request_issuer_unknown, values_for(idp, nullptr, issuer));
  }
  return app;
}

// D1: Subject is not allowed; Scoping's ProxyCount and RequesterID are not supported.
std::optional<std::string> unsupported_property(const xmlNode* root) {
  if (core::child_named(root, n::ns_assertion, "Subject") != nullptr) {
    return "Subject";
  }
  const xmlNode* scoping = core::child_named(root, n::ns_protocol, "Scoping");
  if (scoping != nullptr && core::attribute(scoping, "ProxyCount")) {
    return "Scoping/ProxyCount";
  }
  if (scoping != nullptr && core::child_named(scoping, n::ns_protocol, "RequesterID") != nullptr) {
    return "Scoping/RequesterID";
  }
  return std::nullopt;
}

core::Result<void> check_header(const Idp& idp, const xmlNode* root, core::TimePoint now) {
  auto id = core::attribute(root, "ID");
  if (!id || id->empty()) {
    return aadsts_fail(Reason::authn_request_malformed, {.diagnostic = "the request has no ID"});
  }
  if (!is_ncname(*id)) {
    return aadsts_fail(Reason::authn_request_id_invalid, values_for(idp, nullptr, *id));
  }
  if (core::attribute(root, "Version") != "2.0") {
    return aadsts_fail(Reason::authn_request_malformed, {.diagnostic = "Version is not 2.0"});
  }
  auto instant_text = core::attribute(root, "IssueInstant");
  auto instant = core::parse_datetime(instant_text.value_or(""));
  if (!instant) {
    return aadsts_fail(Reason::authn_request_malformed,
                       {.diagnostic = "IssueInstant missing or unparseable"});
  }
  // D1 says IssueInstant is not evaluated; AADSTS76026 exists, hence the knob (entra-spec §3.2).
  const Knobs& k = idp.config().knobs;
  if (k.check_issue_instant &&
      (*instant < now - k.issue_instant_tolerance || *instant > now + k.issue_instant_tolerance)) {
    return aadsts_fail(Reason::authn_request_issue_instant_expired, {});
  }
  return {};
}

core::Result<std::string> choose_acs(const Idp& idp, const App& app, const xmlNode* root) {
  if (auto acs = core::attribute(root, "AssertionConsumerServiceURL")) {
    // D8: exact, case-sensitive match with a registered reply URL.
    for (const auto& reply : app.reply_urls) {
      if (reply.url == *acs) {
        return *acs;
      }
    }
    return aadsts_fail(Reason::authn_request_acs_mismatch, values_for(idp, &app, *acs));
  }
  const ReplyUrl* fallback = app.default_reply_url();
  if (fallback == nullptr) {
    return aadsts_fail(Reason::authn_request_acs_missing, values_for(idp, &app));
  }
  return fallback->url;
}

core::Result<void> read_policies(const Idp& idp, const App& app, const xmlNode* root,
                                 SignInContext& ctx) {
  if (const xmlNode* policy = core::child_named(root, n::ns_protocol, "NameIDPolicy")) {
    if (auto format = core::attribute(policy, "Format")) {
      static constexpr std::string_view k_allowed[] = {n::nameid_persistent, n::nameid_email,
                                                       n::nameid_unspecified, n::nameid_transient};
      if (std::find(std::begin(k_allowed), std::end(k_allowed), *format) == std::end(k_allowed)) {
        return aadsts_fail(Reason::authn_request_name_id_policy_invalid,
                           values_for(idp, &app, *format));
      }
      ctx.requested_name_id_format = *format;
    }
    ctx.sp_name_qualifier = core::attribute(policy, "SPNameQualifier");
  }
  if (const xmlNode* requested = core::child_named(root, n::ns_protocol, "RequestedAuthnContext")) {
    auto comparison = core::attribute(requested, "Comparison");
    if (comparison && *comparison != "exact") {
      return aadsts_fail(Reason::authn_request_authn_context_comparison,
                         values_for(idp, &app, *comparison));
    }
    for (const xmlNode* ref :
         core::children_named(requested, n::ns_assertion, "AuthnContextClassRef")) {
      ctx.requested_classes.push_back(core::simple_text(ref).value_or(""));
    }
  }
  return {};
}

}  // namespace

core::Result<SignInContext> accept_authn_request(const Idp& idp, core::XmlDoc& doc,
                                                 const ReceivedMessage& message,
                                                 const AcceptOptions& options,
                                                 core::TimePoint now) {
  const xmlNode* root = doc.root();
  if (!core::is_element(root, n::ns_protocol, "AuthnRequest")) {
    return aadsts_fail(Reason::authn_request_malformed,
                       {.diagnostic = "the root is not samlp:AuthnRequest"});
  }
  if (auto header = check_header(idp, root, now); !header) {
    return core::fail(header.error());
  }
  auto issuer = core::simple_text(core::child_named(root, n::ns_assertion, "Issuer"));
  if (!issuer || issuer->empty()) {
    return aadsts_fail(Reason::authn_request_malformed,
                       {.diagnostic = "the request has no Issuer"});
  }
  auto app = resolve_app(idp, *issuer, options);
  if (!app) {
    return core::fail(app.error());
  }
  if (app->request_verification.required) {
    if (auto verified = verify_request_signature(*app, doc, message.binding); !verified) {
      return core::fail(verified.error());
    }
  }
  if (auto property = unsupported_property(root)) {
    return aadsts_fail(Reason::authn_request_property_unsupported,
                       values_for(idp, &*app, *property));
  }
  SignInContext ctx;
  if (auto policies = read_policies(idp, *app, root, ctx); !policies) {
    return core::fail(policies.error());
  }
  if (auto binding = core::attribute(root, "ProtocolBinding");
      binding && *binding != n::binding_post) {
    return aadsts_fail(Reason::authn_request_binding_unsupported, values_for(idp, &*app, *binding));
  }
  auto destination = core::attribute(root, "Destination");
  if (idp.config().knobs.enforce_destination && destination &&
      *destination != options.endpoint_url) {
    return aadsts_fail(Reason::authn_request_destination_unexpected,
                       values_for(idp, &*app, *destination));
  }
  auto acs = choose_acs(idp, *app, root);
  if (!acs) {
    return core::fail(acs.error());
  }
  ctx.acs_url = *acs;
  ctx.request_id = core::attribute(root, "ID");
  ctx.audience = audience_for(*app, *issuer);
  ctx.force_authn = xs_true(core::attribute(root, "ForceAuthn"));
  ctx.is_passive = xs_true(core::attribute(root, "IsPassive"));
  ctx.relay_state = message.binding.relay_state();
  ctx.login_hint = message.login_hint;
  ctx.app = std::move(*app);
  return ctx;
}

core::Result<SignInContext> idp_initiated_context(const Idp& idp, const App& app,
                                                  std::optional<std::string> relay_state) {
  // D11: with signed requests enforced, IdP-initiated sign-in (My Apps, Test) stops working.
  if (app.request_verification.required) {
    return aadsts_fail(
        Reason::authn_request_signature_required,
        {.diagnostic = "IdP-initiated sign-in while the app requires signed requests"});
  }
  const ReplyUrl* reply = app.default_reply_url();
  if (reply == nullptr) {
    return aadsts_fail(Reason::authn_request_acs_missing, values_for(idp, &app));
  }
  SignInContext ctx;
  ctx.acs_url = reply->url;
  ctx.audience = audience_for(app, app.default_identifier);
  ctx.relay_state = relay_state ? relay_state : app.relay_state;
  ctx.app = app;
  return ctx;
}

}  // namespace samlt::idp
