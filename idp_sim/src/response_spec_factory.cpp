// SPDX-License-Identifier: Apache-2.0
// The ResponseSpec Entra would issue for one sign-in: IDs (entra-spec §1.3), lifetimes (§1.4),
// Issuer (§1.5), NameID (§1.7), Audience (§1.9), claims (§1.10), AuthnStatement (§1.11),
// signing (§1.12) and encryption (§1.13).
#include "authn_context.hpp"
#include "directory.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/idp/aadsts.hpp"
#include "sign_in.hpp"

namespace samlt::idp {
namespace {

namespace n = core::names;
using std::chrono::milliseconds;
using std::chrono::minutes;

void set_times(const TokenSettings& tokens, core::TimePoint t0, ResponseSpec& spec) {
  // Observed: Assertion IssueInstant ≈ T0 + 150 ms, Response IssueInstant a few ms later (§1.4).
  spec.assertion_issue_instant = t0 + milliseconds(150);
  spec.response_issue_instant = spec.assertion_issue_instant + milliseconds(6);
  if (tokens.profile == LifetimeProfile::docs_literal) {
    // D1: NotBefore = IssueInstant, "no buffer"; NotOnOrAfter = NotBefore + lifetime + 10 min.
    spec.not_before = spec.assertion_issue_instant;
    spec.not_on_or_after = spec.not_before + tokens.lifetime + minutes(10);
  } else {
    spec.not_before = t0 - tokens.not_before_skew;
    spec.not_on_or_after = t0 + tokens.lifetime;
  }
  spec.subject_not_on_or_after = tokens.scd_mode == ScdMode::same_as_conditions
                                     ? spec.not_on_or_after
                                     : spec.assertion_issue_instant + minutes(5);
}

std::string_view format_uri(NameIdFormat format, std::string_view source) {
  switch (format) {
    case NameIdFormat::email:
      return n::nameid_email;
    case NameIdFormat::persistent:
      return n::nameid_persistent;
    case NameIdFormat::unspecified:
      return n::nameid_unspecified;
    case NameIdFormat::windows:
      return n::nameid_windows;
    case NameIdFormat::transient:
      return n::nameid_transient;
    case NameIdFormat::default_format:
      break;
  }
  return source == "user.userprincipalname" || source == "user.mail" ? n::nameid_email
                                                                     : n::nameid_unspecified;
}

// §1.7: a requested format wins (persistent = pairwise, transient = random); else the configured
// source and format; an empty source value is AADSTS501241 or a pairwise fallback (knob).
core::Result<void> set_name_id(const Idp& idp, const SignInContext& ctx, const User& user,
                               ResponseSpec& spec) {
  const auto& setting = ctx.app.name_id;
  auto pairwise = [&] {
    return pairwise_id(idp.tenant_id(), ctx.app.app_id, user.object_id,
                       idp.config().knobs.pairwise_salt);
  };
  std::string_view format = ctx.requested_name_id_format
                                ? std::string_view(*ctx.requested_name_id_format)
                                : format_uri(setting.format, setting.source);
  spec.name_id_format = std::string(format);
  spec.sp_name_qualifier = ctx.sp_name_qualifier;
  if (format == n::nameid_transient) {
    spec.name_id = transient_id();
    return {};
  }
  if (ctx.requested_name_id_format == n::nameid_persistent) {
    spec.name_id = pairwise();
    return {};
  }
  spec.name_id = user_attribute(user, setting.source);
  if (!spec.name_id.empty()) {
    return {};
  }
  if (idp.config().knobs.empty_name_id == EmptyNameIdBehaviour::pairwise_fallback) {
    spec.name_id = pairwise();
    spec.name_id_format = std::string(n::nameid_persistent);
    return {};
  }
  return aadsts_fail(core::Reason::sign_in_name_id_source_empty, {.value = setting.source});
}

std::vector<std::string> amr_values(AuthMethod method) {
  constexpr std::string_view k_amr =
      "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/";
  switch (method) {
    case AuthMethod::password:
      return {std::string(n::amr_password)};
    case AuthMethod::mfa:
      return {std::string(n::amr_password), std::string(n::amr_multiple)};
    case AuthMethod::x509:
      return {std::string(k_amr) + "x509", std::string(n::amr_multiple)};
    case AuthMethod::windows:
      return {std::string(k_amr) + "windows"};
  }
  return {};
}

void add(ResponseSpec& spec, std::string_view name, std::vector<std::string> values,
         bool name_format) {
  std::erase(values, std::string());
  if (values.empty()) {
    return;  // §1.10 (S4): claims without a value are left out entirely
  }
  AttributeSpec attribute{std::string(name), std::move(values), std::nullopt};
  if (name_format) {  // §1.10 [INFER] values for "Include attribute name format"
    bool uri = name.find("://") != std::string_view::npos || name.rfind("urn:", 0) == 0;
    attribute.name_format = uri ? "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
                                : "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
  }
  spec.attributes.push_back(std::move(attribute));
}

// §1.10: system claims first (tenantid, objectidentifier, displayname, groups, identityprovider,
// authnmethodsreferences), then the app's claims in their configured order.
void set_attributes(const Idp& idp, const SignInContext& ctx, const User& user, AuthMethod method,
                    ResponseSpec& spec) {
  const App& app = ctx.app;
  bool nf = app.include_attribute_name_format;
  add(spec, n::claim_tenant_id, {idp.tenant_id()}, nf);
  add(spec, n::claim_object_id, {user.object_id}, nf);
  add(spec, n::claim_display_name, {user.display_name}, nf);
  if (app.group_claims &&
      static_cast<int>(user.groups.size()) > idp.config().knobs.group_overage_limit) {
    add(spec, n::claim_groups_link,
        {"https://graph.windows.net/" + idp.tenant_id() + "/users/" + user.object_id +
         "/getMemberObjects"},
        nf);
  } else if (app.group_claims) {
    add(spec, n::claim_groups, user.groups, nf);
  }
  add(spec, n::claim_identity_provider, {user.identity_provider.value_or(idp.issuer())}, nf);
  add(spec, n::claim_authn_methods, amr_values(method), nf);
  for (const auto& claim : app.claims) {
    add(spec, claim.name, {user_attribute(user, claim.source)}, nf);
  }
}

}  // namespace

core::Result<ResponseSpec> make_response_spec(const Idp& idp, const SignInContext& ctx,
                                              const User& user, const SessionFacts& session,
                                              core::TimePoint t0) {
  ResponseSpec spec;
  spec.response_id = core::new_saml_id();
  spec.assertion_id = core::new_assertion_id();
  set_times(idp.config().tokens, t0, spec);
  spec.destination = ctx.acs_url;
  spec.recipient = ctx.acs_url;
  spec.in_response_to = ctx.request_id;
  // §1.5 [INFER]: "Append application ID to issuer" gives https://sts.windows.net/{tid}/{app-id}.
  spec.response_issuer = idp.issuer() + (ctx.app.issuer_append_app_id ? ctx.app.app_id : "");
  spec.assertion_issuer = spec.response_issuer;
  spec.status_code = std::string(n::status_success);
  if (auto name_id = set_name_id(idp, ctx, user, spec); !name_id) {
    return core::fail(name_id.error());
  }
  spec.audiences = {ctx.audience};
  set_attributes(idp, ctx, user, session.method, spec);
  spec.authn_instant = session.authn_instant;
  spec.session_index = spec.assertion_id;  // §1.3: SessionIndex = Assertion ID
  auto requested = satisfied_class(ctx.requested_classes, session.method);
  spec.authn_context_class =
      requested
          ? *requested
          : std::string(session.method == AuthMethod::windows ? n::ac_windows : n::ac_password);
  spec.signing = ctx.app.signing;
  spec.sign_options.algorithm = ctx.app.algorithm;
  spec.sign_options.style = idp.config().knobs.signature_style;
  auto signer = idp.signing_certificate(ctx.app, t0);
  if (!signer) {
    return aadsts_fail(core::Reason::idp_signing_key_missing, {.app_id = ctx.app.app_id});
  }
  spec.signer = (*signer)->credential;
  if (ctx.app.token_encryption.enabled) {
    spec.encrypt_for = ctx.app.token_encryption.certificate;
    spec.encrypt_options = ctx.app.token_encryption.options;
  }
  return spec;
}

}  // namespace samlt::idp
