// SPDX-License-Identifier: Apache-2.0
#include "metadata_step.hpp"

#include "canary.hpp"
#include "samlt/idp/metadata.hpp"

#include <regex>

namespace samlt::runner {
namespace {

core::Result<std::string> app_metadata(const DriverContext& context, std::span<const idp::MutatorUse> faults,
                                       std::string_view canary_url) {
  const idp::App* app = context.idp.find_app(context.app_id);
  if (app == nullptr) {
    return core::fail(core::Reason::internal_error, "the target's app is not in the IdP configuration");
  }
  return idp::federation_metadata(context.idp, idp::MetadataKind::app, app, context.idp_base_url, context.clock.now(),
                                  faults, canary_url);
}

core::Result<void> sign_in_admin(const MetadataRefresh& refresh, MetadataAdmin& admin) {
  auto signed_in = admin.browser.post_form(refresh.login->url, refresh.login->fields, {}, "POST admin login");
  if (!signed_in) {
    return core::fail(signed_in.error());
  }
  if (signed_in->status >= 400) {
    return core::fail(core::Reason::runner_sp_protocol, "metadata_refresh.login: " + refresh.login->url +
                                                            " answered HTTP " + std::to_string(signed_in->status));
  }
  admin.signed_in = true;
  return {};
}

// The import form: the CSRF token from the admin's page when the SP wants one, then the document
// or the URL serving it.
core::Result<HttpResponse> post_import(const std::string& xml, MetadataSource source, const DriverContext& context,
                                       MetadataAdmin& admin) {
  const MetadataRefresh& refresh = *context.target.metadata_refresh;
  core::FormFields form = refresh.fields;
  if (refresh.csrf) {
    auto page = admin.browser.get(refresh.csrf->page, {}, "GET admin page (CSRF token)");
    if (!page) {
      return core::fail(page.error());
    }
    std::smatch token;
    if (!std::regex_search(page->body, token, make_pattern(refresh.csrf->pattern))) {
      return core::fail(core::Reason::runner_sp_protocol, "metadata_refresh.csrf: " + refresh.csrf->page + " (HTTP " +
                                                              std::to_string(page->status) + ") has nothing matching /" +
                                                              refresh.csrf->pattern + "/");
    }
    form.emplace_back(refresh.csrf->field, token[1].str());
  }
  if (source == MetadataSource::url) {
    if (!refresh.url_field || context.canary == nullptr) {
      return core::fail(core::Reason::runner_sp_protocol,
                        "metadata_refresh has no url_field, so the SP cannot be given a metadata URL to fetch");
    }
    form.emplace_back(*refresh.url_field, context.canary->serve(xml));
  } else {
    form.emplace_back(refresh.document_field, xml);
  }
  reports::NamedValues headers;
  if (context.target.json_verdict) {
    headers.emplace_back("Accept", "application/json");
  }
  return admin.browser.post_form(refresh.url, form, headers, "POST IdP metadata to the SP");
}

// Signs the admin in when needed, and once more when the SP no longer knows the admin's session
// (it answered 401, or the CSRF token was not on the page of a signed-out browser).
core::Result<HttpResponse> hand_over(const std::string& xml, MetadataSource source, const DriverContext& context,
                                     reports::ScenarioResult& result) {
  const MetadataRefresh& refresh = *context.target.metadata_refresh;
  MetadataAdmin local(context.http_timeout_seconds, context.target.tls);
  MetadataAdmin& admin = context.metadata_admin != nullptr ? *context.metadata_admin : local;
  std::lock_guard lock(admin.mutex);
  std::size_t seen = admin.browser.exchanges().size();
  core::Result<HttpResponse> answer = core::fail(core::Reason::internal_error, "not sent");
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool fresh = !admin.signed_in;
    if (refresh.login && fresh) {
      if (auto signed_in = sign_in_admin(refresh, admin); !signed_in) {
        answer = core::fail(signed_in.error());
        break;
      }
    }
    answer = post_import(xml, source, context, admin);
    bool session_lost = refresh.login && !fresh &&
                        ((answer && answer->status == 401) ||
                         (!answer && answer.error().reason == core::Reason::runner_sp_protocol));
    if (!session_lost) {
      break;
    }
    admin.signed_in = false;
  }
  const auto& exchanges = admin.browser.exchanges();
  result.exchanges.insert(result.exchanges.end(), exchanges.begin() + static_cast<std::ptrdiff_t>(seen), exchanges.end());
  return answer;
}

}  // namespace

core::Result<Judgement> run_refresh_metadata(const Step& step, const DriverContext& context,
                                             const std::string& canary_url, reports::ScenarioResult& result,
                                             std::size_t step_number) {
  auto xml = app_metadata(context, step.metadata_mutators, canary_url);
  if (!xml) {
    return core::fail(xml.error());
  }
  result.messages.push_back(reports::message_for_report(
      "IdP metadata (step " + std::to_string(step_number) +
          (step.metadata_source == MetadataSource::url ? ", served for the SP to fetch)" : ", in the import form)"),
      *xml, *xml));
  auto answer = hand_over(*xml, step.metadata_source, context, result);
  if (!answer) {
    return core::fail(answer.error());
  }
  return judge_metadata_answer(context.target, *answer);
}

core::Result<void> restore_metadata(const DriverContext& context, reports::ScenarioResult& result) {
  auto xml = app_metadata(context, {}, {});
  if (!xml) {
    return core::fail(xml.error());
  }
  auto answer = hand_over(*xml, MetadataSource::document, context, result);
  if (!answer) {
    return core::fail(answer.error());
  }
  auto judged = judge_metadata_answer(context.target, *answer);
  if (judged.observed.outcome != reports::Outcome::accept) {
    return core::fail(core::Reason::runner_sp_protocol, "the SP refused the IdP's own metadata back: " +
                                                            judged.observed.detail + " (" +
                                                            judged.observed.reason.value_or("no reason given") + ")");
  }
  return {};
}

}  // namespace samlt::runner
