// SPDX-License-Identifier: Apache-2.0
// The HTML form of a diagnosis: one self-contained page (inline CSS, nothing fetched) with a HAR's
// timeline, each message's findings, and the decoded message pretty-printed with the elements and
// attributes at fault highlighted.
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/diagnose/report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace samlt::diagnose {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string qualified(const xmlNode* node) {
  std::string name(reinterpret_cast<const char*>(node->name));
  if (node->ns != nullptr && node->ns->prefix != nullptr) {
    return std::string(reinterpret_cast<const char*>(node->ns->prefix)) + ":" + name;
  }
  return name;
}

// What to highlight: element paths ("Response/Assertion/Conditions") and attribute paths
// ("Response/Assertion/Conditions/@NotOnOrAfter"), each with the reason that names it.
using Faults = std::map<std::string, std::string>;

class XmlPrinter {
 public:
  explicit XmlPrinter(const Faults& faults) : m_faults(faults) {}

  std::string print(const xmlNode* root) {
    element(root, std::string(core::local_name(root)), 0);
    return m_out;
  }

 private:
  void open_mark(const std::string& path, bool& marked) {
    if (auto fault = m_faults.find(path); fault != m_faults.end()) {
      m_out += "<mark title=\"" + escape(fault->second) + "\">";
      marked = true;
    }
  }

  void element(const xmlNode* node, const std::string& path, int depth) {
    std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    bool marked = false;
    m_out += indent;
    open_mark(path, marked);
    m_out += "<span class=\"tag\">&lt;" + escape(qualified(node)) + "</span>";
    for (const xmlNs* ns = node->nsDef; ns != nullptr; ns = ns->next) {
      std::string prefix = ns->prefix ? ":" + std::string(reinterpret_cast<const char*>(ns->prefix)) : "";
      m_out += " <span class=\"ns\">xmlns" + escape(prefix) + "=\"" +
               escape(reinterpret_cast<const char*>(ns->href)) + "\"</span>";
    }
    for (const xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      std::string name(reinterpret_cast<const char*>(attribute->name));
      std::string value = core::attribute(node, name).value_or("");
      bool attribute_marked = false;
      m_out += " ";
      open_mark(path + "/@" + name, attribute_marked);
      m_out += "<span class=\"attr\">" + escape(name) + "</span>=\"<span class=\"value\">" + escape(value) +
               "</span>\"";
      if (attribute_marked) {
        m_out += "</mark>";
      }
    }
    std::vector<xmlNode*> children = core::element_children(node);
    std::string text = children.empty() ? trimmed(core::simple_text(node).value_or("")) : std::string();
    if (children.empty() && text.empty()) {
      m_out += "<span class=\"tag\">/&gt;</span>";
    } else if (children.empty()) {
      m_out += "<span class=\"tag\">&gt;</span><span class=\"text\">" + escape(text) +
               "</span><span class=\"tag\">&lt;/" + escape(qualified(node)) + "&gt;</span>";
    } else {
      m_out += "<span class=\"tag\">&gt;</span>";
      if (marked) {
        m_out += "</mark>";
        marked = false;
      }
      m_out += "\n";
      for (const xmlNode* child : children) {
        element(child, path + "/" + std::string(core::local_name(child)), depth + 1);
      }
      m_out += indent + "<span class=\"tag\">&lt;/" + escape(qualified(node)) + "&gt;</span>";
    }
    if (marked) {
      m_out += "</mark>";
    }
    m_out += "\n";
  }

  const Faults& m_faults;
  std::string m_out;
};

// The findings' element paths, rooted at the document shown (`root`: "Response" or "Assertion").
Faults faults_for(const MessageDiagnosis& diagnosis, std::string_view root) {
  Faults out;
  for (const FindingReport& report : diagnosis.findings) {
    if (report.finding.outcome != sp::FindingOutcome::failed || report.element.empty()) {
      continue;
    }
    std::string path = report.element;
    if (root == "Response" && path.rfind("Assertion", 0) == 0) {
      path = "Response/" + path;
    }
    if (path.rfind(std::string(root), 0) == 0) {
      out.emplace(path, std::string(core::id(report.finding.reason)));
    }
  }
  return out;
}

std::string pretty(const std::string& xml, const Faults& faults) {
  auto doc = core::parse_strict(xml);
  if (!doc) {
    return escape(xml);  // shown as it came: the findings say why it does not parse
  }
  return XmlPrinter(faults).print(doc->root());
}

std::string_view outcome_class(sp::FindingOutcome outcome) {
  switch (outcome) {
    case sp::FindingOutcome::passed: return "pass";
    case sp::FindingOutcome::failed: return "fail";
    case sp::FindingOutcome::not_checked: return "unchecked";
  }
  return "unchecked";
}

std::string_view outcome_label(sp::FindingOutcome outcome) {
  switch (outcome) {
    case sp::FindingOutcome::passed: return "pass";
    case sp::FindingOutcome::failed: return "FAIL";
    case sp::FindingOutcome::not_checked: return "not checked";
  }
  return "not checked";
}

std::size_t failures(const MessageDiagnosis& diagnosis) {
  std::size_t count = static_cast<std::size_t>(
      std::count_if(diagnosis.findings.begin(), diagnosis.findings.end(),
                    [](const FindingReport& report) { return report.finding.outcome == sp::FindingOutcome::failed; }));
  return count + (diagnosis.entra && diagnosis.entra->code != 0 ? 1 : 0);
}

std::string timeline(const std::vector<MessageDiagnosis>& diagnoses) {
  std::optional<core::TimePoint> first;
  for (const auto& diagnosis : diagnoses) {
    if (diagnosis.captured_at && (!first || *diagnosis.captured_at < *first)) {
      first = diagnosis.captured_at;
    }
  }
  if (!first) {
    return {};
  }
  std::string out = "<h2>Timeline</h2>\n<table class=\"timeline\"><tr><th>at</th><th>+ s</th><th>message</th>"
                    "<th>request</th><th>checks</th></tr>\n";
  for (std::size_t i = 0; i < diagnoses.size(); ++i) {
    const auto& diagnosis = diagnoses[i];
    std::string at = diagnosis.captured_at ? core::format_datetime(*diagnosis.captured_at) : "";
    std::string offset;
    if (diagnosis.captured_at) {
      double seconds = std::chrono::duration<double>(*diagnosis.captured_at - *first).count();
      char text[32];
      std::snprintf(text, sizeof text, "%.3f", seconds);
      offset = text;
    }
    std::size_t failed = failures(diagnosis);
    out += "<tr><td>" + escape(at) + "</td><td>" + offset + "</td><td><a href=\"#m" + std::to_string(i) + "\">" +
           escape(message_kind_name(diagnosis.kind)) + " " + escape(diagnosis.id) + "</a></td><td>" +
           escape(diagnosis.method) + " " + escape(diagnosis.url) + "</td><td class=\"" +
           (failed ? "fail\">" + std::to_string(failed) + " failed" : std::string("pass\">no failure")) +
           "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::string findings_table(const MessageDiagnosis& diagnosis) {
  std::string out = "<table class=\"findings\"><tr><th></th><th>step</th><th>what</th></tr>\n";
  for (const FindingReport& report : diagnosis.findings) {
    const sp::Finding& finding = report.finding;
    out += "<tr class=\"" + std::string(outcome_class(finding.outcome)) + "\"><td>" +
           std::string(outcome_label(finding.outcome)) + "</td><td>" + escape(finding.step) + "</td><td>";
    if (finding.outcome == sp::FindingOutcome::failed) {
      out += "<b>" + escape(core::id(finding.reason)) + "</b>: " + escape(finding.detail);
      if (!report.element.empty()) {
        out += "<br>at <code>" + escape(report.element) + "</code>" +
               (report.value.empty() ? " (absent)" : " = <code>" + escape(report.value) + "</code>");
      }
      if (!report.expected.empty()) {
        out += "<br>expected: " + escape(report.expected);
      }
      if (!report.entra.empty()) {
        out += "<br><span class=\"fix\">Entra:</span> " + escape(report.entra);
      }
      if (!report.sp.empty()) {
        out += "<br><span class=\"fix\">SP:</span> " + escape(report.sp);
      }
    } else {
      out += escape(finding.detail);
    }
    out += "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::string entra_block(const EntraRequestReport& entra) {
  std::string out = "<h3>Entra, as " + escape(entra.from) + (entra.app.empty() ? "" : ", app " + escape(entra.app)) +
                    "</h3>\n<p class=\"";
  if (!entra.internal_error.empty()) {
    return out + "unchecked\">not checked: " + escape(entra.internal_error) + "</p>\n";
  }
  if (entra.code == 0) {
    return out + "pass\">accepted: the Response would go to <code>" + escape(entra.acs_url) +
           "</code> with Audience <code>" + escape(entra.audience) + "</code></p>\n";
  }
  out += "fail\"><b>AADSTS" + std::to_string(entra.code) + "</b> (" + escape(core::id(entra.reason)) +
         "): " + escape(entra.message) + "</p>\n<p>" + escape(entra.meaning) + "</p>\n";
  if (!entra.entra.empty()) {
    out += "<p><span class=\"fix\">Entra:</span> " + escape(entra.entra) + "</p>\n";
  }
  if (!entra.sp.empty()) {
    out += "<p><span class=\"fix\">SP:</span> " + escape(entra.sp) + "</p>\n";
  }
  return out;
}

constexpr std::string_view k_style =
    "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1b1b1b}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;"
    "vertical-align:top;text-align:left}.pass td:first-child,td.pass,p.pass{color:#17603a}"
    ".fail td:first-child,td.fail,p.fail{color:#a11}.unchecked td:first-child,p.unchecked{color:#8a5a00}"
    "pre.xml{background:#f6f8fa;padding:1em;overflow-x:auto;font-size:12px}.tag{color:#22863a}"
    ".attr{color:#6f42c1}.value{color:#032f62}.ns{color:#999}mark{background:#ffd6d6;outline:1px solid #d33}"
    ".fix{font-weight:600;color:#0b5cad}section{border-top:2px solid #ddd;margin-top:2em}"
    ".timeline td:nth-child(4){word-break:break-all}";

}  // namespace

std::string html_report(const std::vector<MessageDiagnosis>& diagnoses) {
  std::size_t failed = 0;
  for (const auto& diagnosis : diagnoses) {
    failed += failures(diagnosis);
  }
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>idp_sim diagnose"
                    "</title><style>" +
                    std::string(k_style) + "</style></head><body>\n<h1>idp_sim diagnose</h1>\n<p>" +
                    std::to_string(diagnoses.size()) + " messages, " + std::to_string(failed) + " failed checks</p>\n";
  out += timeline(diagnoses);
  for (std::size_t i = 0; i < diagnoses.size(); ++i) {
    const MessageDiagnosis& diagnosis = diagnoses[i];
    out += "<section id=\"m" + std::to_string(i) + "\"><h2>" + escape(message_kind_name(diagnosis.kind)) + " " +
           escape(diagnosis.id) + "</h2>\n<p>" + escape(diagnosis.file) + ", " + escape(diagnosis.source) + "</p>\n";
    if (!diagnosis.issuer.empty()) {
      out += "<p>Issuer: <code>" + escape(diagnosis.issuer) + "</code></p>\n";
    }
    if (diagnosis.kind == MessageKind::response) {
      out += "<p>judged at " + escape(core::format_datetime(diagnosis.judged_at)) + " (" +
             escape(diagnosis.judged_at_from) + ")</p>\n" + findings_table(diagnosis);
    }
    if (diagnosis.entra) {
      out += entra_block(*diagnosis.entra);
    }
    if (!diagnosis.notes.empty()) {
      out += "<ul class=\"notes\">";
      for (const auto& note : diagnosis.notes) {
        out += "<li>" + escape(note) + "</li>";
      }
      out += "</ul>\n";
    }
    if (!diagnosis.message_xml.empty()) {
      out += "<h3>The message, decoded</h3>\n<pre class=\"xml\">" +
             pretty(diagnosis.message_xml, faults_for(diagnosis, "Response")) + "</pre>\n";
    }
    // An encrypted Assertion is shown as the steps read it, decrypted.
    if (!diagnosis.assertion_xml.empty() && diagnosis.message_xml.find("EncryptedAssertion") != std::string::npos) {
      out += "<h3>The Assertion, decrypted</h3>\n<pre class=\"xml\">" +
             pretty(diagnosis.assertion_xml, faults_for(diagnosis, "Assertion")) + "</pre>\n";
    }
    out += "</section>\n";
  }
  return out + "</body></html>\n";
}

}  // namespace samlt::diagnose
