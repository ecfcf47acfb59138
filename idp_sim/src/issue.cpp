// SPDX-License-Identifier: Apache-2.0
// issue_response(): the in-process IdP (issue.hpp), on the same steps as the HTTP server.
#include "samlt/idp/issue.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/idp/response_pipeline.hpp"
#include "sign_in.hpp"

namespace samlt::idp {
namespace {

IssuedResponse to_issued(const SignInContext& ctx, PipelineOutput out) {
  IssuedResponse issued;
  issued.acs_url = ctx.acs_url;
  issued.relay_state = ctx.relay_state;
  issued.xml = std::move(out.xml);
  issued.mutators_applied = std::move(out.mutators_applied);
  issued.form = std::move(out.form);
  for (const auto& [name, value] : issued.form) {
    if (name == "SAMLResponse") {
      issued.saml_response_base64 = value;
      break;
    }
  }
  issued.app_id = ctx.app.app_id;
  issued.name_id = out.spec.name_id;
  issued.name_id_format = out.spec.name_id_format;
  issued.session_index = out.spec.session_index;
  return issued;
}

// An AADSTS refusal after the request was accepted: a page, or a SAML error Response (error mode).
// The outcomes are built in place: moving a temporary variant into the Result trips a GCC 12
// -Wmaybe-uninitialized false positive.
core::Result<IssueOutcome> refuse(const Idp& idp, const SignInContext* ctx,
                                  const core::Error& error, core::TimePoint t0) {
  auto aadsts = as_aadsts(error);
  if (!aadsts) {
    return core::fail(error);
  }
  if (ctx != nullptr && posts_error(ctx->app, aadsts->code)) {
    auto posted = issue_error_response(idp, *ctx, *aadsts, t0);
    if (!posted) {
      return core::fail(posted.error());
    }
    return core::Result<IssueOutcome>(tl::in_place, std::in_place_type<IssuedResponse>, std::move(*posted));
  }
  return core::Result<IssueOutcome>(tl::in_place, std::in_place_type<AadstsError>, std::move(*aadsts));
}

// The SP's AuthnRequest: decoded already, a Redirect query, or bare XML as HTTP-POST carries it.
core::Result<ReceivedMessage> received_for(const IssueRequest& request, const Limits& limits) {
  if (request.saml_request) {
    return receive_decoded(*request.saml_request);
  }
  if (request.redirect_query) {
    return receive_redirect(*request.redirect_query, limits);
  }
  return receive_post_xml(*request.saml_request_xml, request.relay_state, limits);
}

core::Result<SignInContext> context_for(const Idp& idp, const IssueRequest& request,
                                        core::TimePoint now) {
  const App* only_app = nullptr;
  if (!request.app_id.empty()) {
    only_app = idp.find_app(request.app_id);
    if (only_app == nullptr) {
      return aadsts_fail(core::Reason::idp_app_unknown,
                         {.value = request.app_id, .tenant = idp.config().tenant_name});
    }
  }
  if (!request.saml_request && !request.redirect_query && !request.saml_request_xml) {
    const App* app =
        only_app ? only_app : (idp.config().apps.empty() ? nullptr : &idp.config().apps.front());
    if (app == nullptr) {
      return aadsts_fail(core::Reason::idp_app_unknown, {.tenant = idp.config().tenant_name});
    }
    auto overridden = idp.app_with_overrides(*app, request.app_overrides);
    if (!overridden) {
      return core::fail(overridden.error());
    }
    return idp_initiated_context(idp, *overridden, request.relay_state);
  }
  auto message = received_for(request, idp.config().limits);
  if (!message) {
    return core::fail(message.error());
  }
  auto doc = parse_message(message->binding, idp.config().limits);
  if (!doc) {
    return core::fail(doc.error());
  }
  AcceptOptions options{only_app, request.app_overrides, ""};
  auto context = accept_authn_request(idp, *doc, *message, options, now);
  if (context && request.relay_state) {
    context->relay_state = request.relay_state;  // the caller's RelayState wins
  }
  return context;
}

}  // namespace

core::TimePoint token_time(const Idp& idp, core::TimePoint now,
                           std::optional<long long> override_seconds) {
  auto offset =
      override_seconds ? std::chrono::seconds(*override_seconds) : idp.config().clock_offset;
  return now + std::chrono::duration_cast<core::Millis>(offset);
}

bool posts_error(const App& app, int code) {
  auto it = app.error_mode_overrides.find(code);
  return (it == app.error_mode_overrides.end() ? app.error_mode : it->second) ==
         ErrorMode::saml_response;
}

core::Result<IssuedResponse> issue_for(const Idp& idp, const SignInContext& context,
                                       const User& user, const SessionFacts& session,
                                       std::span<const MutatorUse> extra, core::TimePoint t0,
                                       std::string_view canary_url) {
  auto spec = make_response_spec(idp, context, user, session, t0);
  if (!spec) {
    return core::fail(spec.error());
  }
  std::vector<MutatorUse> mutators = context.app.faults;
  mutators.insert(mutators.end(), extra.begin(), extra.end());
  auto out = run_response_pipeline(std::move(*spec), mutators, context.relay_state,
                                   {t0, idp.tenant_id(), idp.config().credentials, std::string(canary_url)});
  if (!out) {
    return core::fail(out.error());
  }
  IssuedResponse issued = to_issued(context, std::move(*out));
  issued.user_object_id = user.object_id;
  return issued;
}

core::Result<IssuedResponse> issue_error_response(const Idp& idp, const SignInContext& context,
                                                  const AadstsError& error, core::TimePoint t0) {
  ResponseSpec spec;
  spec.response_id = core::new_saml_id();
  spec.response_issue_instant = t0;
  spec.in_response_to = context.request_id;  // D1 sample: no Destination on error responses
  spec.response_issuer = idp.issuer();
  spec.status_code = std::string(saml_top_status(error.reason));
  if (auto second = saml_second_status(error.reason); !second.empty()) {
    spec.second_status_code = std::string(second);
  }
  spec.status_message = aadsts_text(error, new_trace_ids(t0));
  spec.include_assertion = false;
  spec.signing = Signing::none;  // [INFER] error responses are not signed
  auto out = run_response_pipeline(std::move(spec), {}, context.relay_state,
                                   {t0, idp.tenant_id(), idp.config().credentials});
  if (!out) {
    return core::fail(out.error());
  }
  IssuedResponse issued = to_issued(context, std::move(*out));
  issued.error = error;
  return issued;
}

core::Result<IssueOutcome> issue_response(const Idp& idp, const IssueRequest& request,
                                          core::TimePoint now) {
  core::TimePoint t0 = token_time(idp, now, request.clock_offset_seconds);
  auto context = context_for(idp, request, now);
  if (!context) {
    return refuse(idp, nullptr, context.error(), t0);
  }
  const User* user = request.directory_user ? &*request.directory_user : idp.find_user(request.user);
  if (user == nullptr) {
    return refuse(idp, &*context,
                  aadsts_fail(core::Reason::sign_in_user_unknown,
                              {.value = request.user, .tenant = idp.config().tenant_name})
                      .value(),
                  t0);
  }
  if (auto checked = check_user(idp, *context, *user, user->last_auth_method); !checked) {
    return refuse(idp, &*context, checked.error(), t0);
  }
  SessionFacts session{request.authn_instant.value_or(t0), user->last_auth_method};
  auto issued = issue_for(idp, *context, *user, session, request.mutators, t0, request.canary_url);
  if (!issued) {
    return refuse(idp, &*context, issued.error(), t0);
  }
  return core::Result<IssueOutcome>(tl::in_place, std::in_place_type<IssuedResponse>, std::move(*issued));
}

}  // namespace samlt::idp
