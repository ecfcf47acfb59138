// SPDX-License-Identifier: Apache-2.0
// Diagnosing a capture's messages with the reference SP's steps, and the fix for each failure.
#include "samlt/diagnose/diagnosis.hpp"

#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/diagnose/aadsts_advice.hpp"
#include "samlt/diagnose/fixes.hpp"
#include "samlt/idp/authn_request_check.hpp"
#include "samlt/sp/acs_request.hpp"
#include "samlt/sp/validation/context.hpp"

#include <algorithm>
#include <map>

namespace samlt::diagnose {
namespace {

namespace n = core::names;

std::string trim(std::string text) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  return text;
}

// The values at `path` ("Assertion/Conditions/@NotOnOrAfter") under `root`, joined by ", ".
std::string values_at(xmlNode* root, std::string_view path) {
  std::size_t slash = path.find('/');
  std::string_view rest = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  std::vector<xmlNode*> level{root};
  std::vector<std::string> found;
  while (!rest.empty() && !level.empty()) {
    std::size_t next = rest.find('/');
    std::string_view segment = rest.substr(0, next);
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    if (segment.front() == '@') {
      for (xmlNode* node : level) {
        if (auto value = core::attribute(node, segment.substr(1))) {
          found.push_back(*value);
        }
      }
      level.clear();
      break;
    }
    std::vector<xmlNode*> children;
    for (xmlNode* node : level) {
      for (xmlNode* child : core::element_children(node)) {
        if (core::local_name(child) == segment) {
          children.push_back(child);
        }
      }
    }
    level = std::move(children);
  }
  for (xmlNode* node : level) {
    if (auto text = core::simple_text(node)) {
      found.push_back(trim(*text));
    } else {
      found.push_back("<" + std::string(core::local_name(node)) + ">");
    }
  }
  std::string joined;
  for (const auto& value : found) {
    joined += (joined.empty() ? "" : ", ") + value;
  }
  return joined;
}

// The reasons that compare the message with an SP setting, and which setting.
bool needs_entity_id(core::Reason reason) {
  return reason == core::Reason::audience_restriction_audience_mismatch ||
         reason == core::Reason::subject_sp_name_qualifier_mismatch;
}
bool needs_acs_url(core::Reason reason) {
  return reason == core::Reason::response_destination_mismatch ||
         reason == core::Reason::subject_confirmation_recipient_mismatch;
}

struct SentRequest {
  std::string id;
  std::string issuer;
  std::string acs_url;
  std::string destination;
  std::optional<std::string> relay_state;
  core::TimePoint issued{};
};

std::optional<SentRequest> read_request(const CapturedMessage& message) {
  if (message.kind != MessageKind::authn_request || !message.message) {
    return std::nullopt;
  }
  auto doc = core::parse_strict(message.message->xml());
  if (!doc) {
    return std::nullopt;
  }
  SentRequest request;
  request.id = core::attribute(doc->root(), "ID").value_or("");
  request.acs_url = core::attribute(doc->root(), "AssertionConsumerServiceURL").value_or("");
  request.destination = core::attribute(doc->root(), "Destination").value_or("");
  request.relay_state = message.message->relay_state();
  if (auto text = core::simple_text(core::child_named(doc->root(), n::ns_assertion, "Issuer"))) {
    request.issuer = trim(*text);
  }
  if (auto issued = core::parse_datetime(core::attribute(doc->root(), "IssueInstant").value_or(""))) {
    request.issued = *issued;
  }
  return request;
}

MessageDiagnosis describe(const Capture& capture, const CapturedMessage& message) {
  MessageDiagnosis out;
  out.file = capture.file;
  out.source = message.source;
  out.kind = message.kind;
  out.captured_at = message.captured_at;
  out.method = message.method;
  out.url = message.url;
  if (message.message) {
    out.message_xml = message.message->xml();
    if (auto doc = core::parse_strict(message.message->xml())) {
      out.id = core::attribute(doc->root(), "ID").value_or("");
      if (auto text = core::simple_text(core::child_named(doc->root(), n::ns_assertion, "Issuer"))) {
        out.issuer = trim(*text);
      }
    }
  }
  return out;
}

// When the message is judged (issue 13): --at, else when it was captured, else its IssueInstant.
void judge_time(MessageDiagnosis& out, const CapturedMessage& message, const DiagnoseOptions& options) {
  if (options.at) {
    out.judged_at = *options.at;
    out.judged_at_from = "--at";
    return;
  }
  if (message.captured_at) {
    out.judged_at = *message.captured_at;
    out.judged_at_from = "the HAR entry's time";
    return;
  }
  if (message.message) {
    if (auto doc = core::parse_strict(message.message->xml())) {
      if (auto issued = core::parse_datetime(core::attribute(doc->root(), "IssueInstant").value_or(""))) {
        out.judged_at = *issued;
        out.judged_at_from = "the IssueInstant";
        return;
      }
    }
  }
  out.judged_at = core::SystemClock().now();
  out.judged_at_from = "now (the capture gives no time)";
}

sp::AcsRequest acs_request_of(const CapturedMessage& message) {
  if (message.method == "POST") {
    return {"POST", message.content_type, message.body, message.body.size()};
  }
  return {message.method, "", "", 0};  // a Redirect: binding.post_form names the fault
}

FindingReport report_of(const sp::Finding& finding, const sp::DiagnosisEvidence& ev,
                        const std::map<std::string, std::string>& placeholders) {
  FindingReport report{finding, {}, {}, {}, {}, {}};
  if (finding.outcome != sp::FindingOutcome::failed) {
    return report;
  }
  const Fix* fix = fix_for(finding.reason);
  if (fix == nullptr) {
    return report;
  }
  report.element = std::string(fix->element);
  // fixes.cpp names the Assertion's Signature; the Response's own step reads the Response's.
  if (finding.step == "signature.response" && report.element.rfind("Assertion/Signature", 0) == 0) {
    report.element.replace(0, 9, "Response");
  }
  xmlNode* root = nullptr;
  if (report.element.rfind("Response", 0) == 0) {
    root = ev.response;
  } else if (report.element.rfind("Assertion", 0) == 0) {
    root = ev.assertion ? ev.assertion->node() : ev.assertion_candidate;
  }
  if (root != nullptr) {
    report.value = values_at(root, report.element);
  }
  auto values = placeholders;
  values["value"] = report.value;
  report.expected = fill_placeholders(fix->expected, values);
  report.entra = fill_placeholders(fix->entra, values);
  report.sp = fill_placeholders(fix->sp, values);
  return report;
}

std::string listed(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    out += (out.empty() ? "'" : ", '") + value + "'";
  }
  return out.empty() ? "none" : out;
}

// The AuthnRequest through idp_sim's Entra checks, with the advice for a refusal.
EntraRequestReport entra_report(const EntraSettings& entra, const CapturedMessage& message,
                                const SentRequest& request, core::TimePoint at) {
  const idp::Idp& tenant = *entra.tenant;
  idp::AuthnRequestVerdict verdict = idp::check_authn_request(tenant, *message.message, at);
  EntraRequestReport out;
  out.from = entra.from;
  if (!verdict.app_id.empty()) {
    out.app = verdict.app_name + " (" + verdict.app_id + ")";
  }
  out.internal_error = verdict.internal_error;
  if (!verdict.refusal) {
    out.acs_url = verdict.acs_url;
    out.audience = verdict.audience;
    return out;
  }
  out.code = verdict.refusal->code;
  out.reason = verdict.refusal->reason;
  out.message = verdict.refusal->message;
  std::vector<std::string> identifiers;
  std::vector<std::string> reply_urls;
  for (const idp::App& app : tenant.config().apps) {
    if (verdict.app_id.empty() || app.app_id == verdict.app_id) {
      identifiers.insert(identifiers.end(), app.identifiers.begin(), app.identifiers.end());
      for (const auto& reply : app.reply_urls) {
        reply_urls.push_back(reply.url);
      }
    }
  }
  std::map<std::string, std::string> values{
      {"issuer", request.issuer},
      {"acs_url", request.acs_url},
      {"identifiers", listed(identifiers)},
      {"reply_urls", listed(reply_urls)},
      {"sig_alg", message.message->sig_alg().value_or("no SigAlg")},
      {"tenant", tenant.config().tenant_name}};
  if (const AadstsAdvice* advice = aadsts_advice(out.reason)) {
    out.meaning = std::string(advice->meaning);
    out.entra = fill_placeholders(advice->entra, values);
    out.sp = fill_placeholders(advice->sp, values);
  }
  return out;
}

}  // namespace

std::vector<MessageDiagnosis> diagnose_capture(const std::vector<Capture>& captures, SpSettings sp,
                                               const IdpSettings& idp, const DiagnoseOptions& options) {
  // The AuthnRequests the SP sent, and the SP settings they show.
  std::map<std::string, sp::OutstandingRequest, std::less<>> sent;
  std::map<std::string, std::optional<std::string>, std::less<>> relay_states;  // the requests' RelayState
  for (const Capture& capture : captures) {
    for (const CapturedMessage& message : capture.messages) {
      auto request = read_request(message);
      if (!request) {
        continue;
      }
      if (sp.entity_id.empty() && !request->issuer.empty()) {
        sp.entity_id = request->issuer;
        sp.entity_id_from = "the AuthnRequest's Issuer (" + message.source + ")";
      }
      if (sp.acs_url.empty() && !request->acs_url.empty()) {
        sp.acs_url = request->acs_url;
        sp.acs_url_from = "the AuthnRequest's AssertionConsumerServiceURL (" + message.source + ")";
      }
      sp::OutstandingRequest outstanding;
      outstanding.id = request->id;
      outstanding.kind = sp::RequestKind::authn;
      // The IdP it went to: the one whose SSO URL is its Destination, or the only one.
      auto to = std::find_if(idp.trust.begin(), idp.trust.end(),
                             [&](const sp::TrustedIdp& trusted) { return trusted.sso_url == request->destination; });
      if (to == idp.trust.end() && idp.trust.size() == 1) {
        to = idp.trust.begin();
      }
      outstanding.idp = to == idp.trust.end() ? std::string() : to->name;
      outstanding.expires_at = request->issued + sp.policy.request_lifetime;
      sent[request->id] = outstanding;
      relay_states[request->id] = request->relay_state;
    }
  }
  sp::OutstandingLookup lookup = [&](std::string_view id) -> core::Result<std::optional<sp::OutstandingRequest>> {
    auto found = sent.find(id);
    if (found == sent.end()) {
      return std::optional<sp::OutstandingRequest>();
    }
    return std::optional<sp::OutstandingRequest>(found->second);
  };

  std::vector<MessageDiagnosis> out;
  for (const Capture& capture : captures) {
    for (const CapturedMessage& message : capture.messages) {
      MessageDiagnosis diagnosis = describe(capture, message);
      judge_time(diagnosis, message, options);
      if (message.kind != MessageKind::response) {
        if (auto request = read_request(message)) {
          // What Entra matches against the app's settings (AADSTS700016: Identifier, 50011: Reply URL).
          diagnosis.notes.push_back("Issuer (Entra: the app's Identifier): '" + request->issuer + "'");
          diagnosis.notes.push_back("AssertionConsumerServiceURL (Entra: a Reply URL of the app): " +
                                    (request->acs_url.empty() ? std::string("(absent: Entra uses the default Reply URL)")
                                                              : "'" + request->acs_url + "'"));
          if (message.message && message.message->binding() == core::Binding::redirect) {
            diagnosis.notes.push_back(std::string("query signature (Redirect binding): ") +
                                      (message.message->is_signed()
                                           ? "yes, SigAlg " + message.message->sig_alg().value_or("(none)")
                                           : "none"));
          }
          diagnosis.notes.push_back("the Responses' InResponseTo is matched against this request");
          if (options.entra.tenant && message.kind == MessageKind::authn_request) {
            diagnosis.entra = entra_report(options.entra, message, *request, diagnosis.judged_at);
          }
        }
        out.push_back(std::move(diagnosis));
        continue;
      }
      SpSettings settings = sp;
      if (settings.acs_url.empty() && message.sent && message.method == "POST" && !message.url.empty()) {
        settings.acs_url = message.url;
        settings.acs_url_from = "the URL the Response was posted to (" + message.source + ")";
      }
      sp::AcsRequest request = acs_request_of(message);
      sp::Context ctx{settings.entity_id, settings.acs_url, settings.base_url, settings.policy,
                      settings.relay_state, diagnosis.judged_at, request, "", idp.trust, lookup,
                      settings.decryption_keys};
      sp::DiagnosisEvidence ev;
      sp::DiagnosisInputs inputs{!sent.empty(), message.message};
      std::vector<sp::Finding> findings = sp::diagnose_response(ctx, ev, inputs);
      if (auto in_response_to = ev.response ? core::attribute(ev.response, "InResponseTo") : std::nullopt) {
        diagnosis.answers_captured_request = sent.contains(*in_response_to);
        if (diagnosis.answers_captured_request) {
          diagnosis.request_relay_state = relay_states[*in_response_to];
        }
      }
      if (xmlNode* examined = ev.assertion ? ev.assertion->node() : ev.assertion_candidate) {
        diagnosis.assertion_xml = core::serialize(examined);
      }
      std::map<std::string, std::string> placeholders{
          {"sp_entity_id", settings.entity_id},
          {"acs_url", settings.acs_url},
          {"idp_entity_id", idp.trust.empty() ? std::string("(no IdP metadata given)") : idp.trust.front().entity_id},
          {"at", core::format_datetime(diagnosis.judged_at)},
          {"skew", std::to_string(settings.policy.clock_skew.count())}};
      for (sp::Finding& finding : findings) {
        if (finding.outcome == sp::FindingOutcome::failed &&
            ((needs_entity_id(finding.reason) && settings.entity_id.empty()) ||
             (needs_acs_url(finding.reason) && settings.acs_url.empty()))) {
          finding.outcome = sp::FindingOutcome::not_checked;
          finding.detail = std::string("no SP ") + (needs_entity_id(finding.reason) ? "entity ID" : "ACS URL") +
                           " is known to compare with: give --sp-config or --sp-metadata";
        }
        diagnosis.findings.push_back(report_of(finding, ev, placeholders));
      }
      if (!settings.entity_id.empty()) {
        diagnosis.notes.push_back("SP entity ID '" + settings.entity_id + "' from " + settings.entity_id_from);
      }
      if (!settings.acs_url.empty()) {
        diagnosis.notes.push_back("SP ACS URL '" + settings.acs_url + "' from " + settings.acs_url_from);
      }
      if (idp.trust.empty()) {
        diagnosis.notes.push_back("no IdP certificate is known, so no signature could be checked: give "
                                  "--idp-metadata (Entra: Enterprise applications › the app › Single "
                                  "sign-on › SAML Certificates › App Federation Metadata Url)");
      } else {
        diagnosis.notes.push_back("IdP certificates from " + idp.from);
      }
      if (!settings.policy_given) {
        diagnosis.notes.push_back("SP policy: the reference SP's defaults (give --sp-config for another)");
      }
      out.push_back(std::move(diagnosis));
    }
  }
  return out;
}

bool any_failed(const std::vector<MessageDiagnosis>& diagnoses) {
  return std::any_of(diagnoses.begin(), diagnoses.end(), [](const MessageDiagnosis& diagnosis) {
    if (diagnosis.entra && (diagnosis.entra->code != 0 || !diagnosis.entra->internal_error.empty())) {
      return true;
    }
    return std::any_of(diagnosis.findings.begin(), diagnosis.findings.end(), [](const FindingReport& report) {
      return report.finding.outcome == sp::FindingOutcome::failed;
    });
  });
}

}  // namespace samlt::diagnose
