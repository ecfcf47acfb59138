// SPDX-License-Identifier: Apache-2.0
// JUnit XML in the shape Jenkins, GitLab and GitHub read (the Ant junit schema): every scenario a
// <testcase>, a missed expectation a <failure>, a scenario that could not be judged an <error>.
#include "junit_text.hpp"
#include "markup_text.hpp"
#include "samlt/reports/report_writers.hpp"
#include "seconds_text.hpp"
#include "suites.hpp"
#include "xml_save.hpp"

#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"

#include <libxml/tree.h>

#include <string>
#include <utility>
#include <vector>

namespace samlt::reports {
namespace {

const xmlChar* xml_chars(const std::string& text) {
  return reinterpret_cast<const xmlChar*>(text.c_str());
}

// Every value passes through to_markup_text: libxml2 escapes markup on output, but it would
// write a forbidden control character as is and make the whole file unparseable.
void set_attr(xmlNode* element, const char* name, std::string_view value) {
  xmlNewProp(element, reinterpret_cast<const xmlChar*>(name), xml_chars(to_markup_text(value)));
}

xmlNode* add_element(xmlNode* parent, const char* name, std::string_view text = {}) {
  xmlNode* element = xmlNewChild(parent, nullptr, reinterpret_cast<const xmlChar*>(name), nullptr);
  if (!text.empty()) {
    const std::string safe = to_markup_text(text);
    xmlAddChild(element,
                xmlNewDocTextLen(parent->doc, xml_chars(safe), static_cast<int>(safe.size())));
  }
  return element;
}

void add_property(xmlNode* properties, const std::string& name, std::string_view value) {
  xmlNode* property = add_element(properties, "property");
  set_attr(property, "name", name);
  set_attr(property, "value", value);
}

std::vector<const ScenarioResult*> results_of(const RunReport& report, std::string_view suite) {
  std::vector<const ScenarioResult*> results;
  for (const ScenarioResult& result : report.results) {
    if (suite_name(result) == suite) {
      results.push_back(&result);
    }
  }
  return results;
}

// The Ant schema's timestamp has no zone designator; RunReport::started_at is UTC, so its first
// 19 characters after re-formatting are exact. Empty when started_at is not an xs:dateTime.
std::string junit_timestamp(const std::string& started_at) {
  auto at = core::parse_datetime(started_at);
  if (!at) {
    return {};
  }
  return core::format_datetime(*at).substr(0, 19);
}

Summary count(const std::vector<const ScenarioResult*>& results) {
  Summary counts;
  counts.total = results.size();
  for (const ScenarioResult* result : results) {
    counts.passed += result->status == Status::passed ? 1 : 0;
    counts.failed += result->status == Status::failed ? 1 : 0;
    counts.errors += result->status == Status::error ? 1 : 0;
    counts.skipped += result->status == Status::skipped ? 1 : 0;
  }
  return counts;
}

double total_seconds(const std::vector<const ScenarioResult*>& results) {
  double seconds = 0.0;
  for (const ScenarioResult* result : results) {
    seconds += result->duration_seconds;
  }
  return seconds;
}

void set_counts(xmlNode* element, const Summary& counts, double seconds) {
  set_attr(element, "tests", std::to_string(counts.total));
  set_attr(element, "failures", std::to_string(counts.failed));
  set_attr(element, "errors", std::to_string(counts.errors));
  set_attr(element, "skipped", std::to_string(counts.skipped));
  set_attr(element, "time", seconds_text(seconds));
}

// JUnit has no place for run-wide data but suite properties, so every suite repeats them.
void add_properties(xmlNode* testsuite, const RunReport& report) {
  xmlNode* properties = add_element(testsuite, "properties");
  add_property(properties, "target.name", report.target.name);
  add_property(properties, "target.entity_id", report.target.entity_id);
  add_property(properties, "target.acs_url", report.target.acs_url);
  add_property(properties, "target.login_url", report.target.login_url);
  add_property(properties, "target.description", report.target.description);
  for (const auto& capability : report.target.capabilities) {
    add_property(properties, "target.capability", capability);
  }
  add_property(properties, "run.tool_version", report.tool_version);
  add_property(properties, "run.started_at", report.started_at);
  for (const auto& setting : report.policy) {
    add_property(properties, "policy." + setting.name, setting.value);
    add_property(properties, "policy." + setting.name + ".origin", policy_origin_id(setting.origin));
  }
}

void add_testcase(xmlNode* testsuite, const std::string& suite, const ScenarioResult& result) {
  xmlNode* testcase = add_element(testsuite, "testcase");
  set_attr(testcase, "classname", suite);
  set_attr(testcase, "name", result.id);
  set_attr(testcase, "time", seconds_text(result.duration_seconds));
  if (!result.file.empty()) {
    set_attr(testcase, "file", result.file);
  }
  if (result.status == Status::skipped) {
    // The Ant schema: <skipped message="…"/>; the message names the unmet need.
    xmlNode* skipped = add_element(testcase, "skipped");
    set_attr(skipped, "message", result.message);
  } else if (result.status != Status::passed) {
    const bool failed = result.status == Status::failed;
    xmlNode* problem = add_element(testcase, failed ? "failure" : "error", verdict_text(result));
    set_attr(problem, "message", headline(result));
    set_attr(problem, "type", failed ? "expectation.unmet" : "run.error");
  }
  const std::string out = messages_text(result);
  if (!out.empty()) {
    add_element(testcase, "system-out", out);
  }
}

}  // namespace

core::Result<std::string> render_junit_xml(const RunReport& report) {
  core::XmlDoc doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  if (!doc) {
    return core::fail(core::Reason::internal_error, "xmlNewDoc failed");
  }
  xmlNode* root =
      xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("testsuites"), nullptr);
  xmlDocSetRootElement(doc.get(), root);
  set_attr(root, "name", "samlt " + report.target.name);
  set_counts(root, summarize(report), report.duration_seconds);

  const std::string timestamp = junit_timestamp(report.started_at);
  for (const std::string& name : suite_names(report)) {
    const std::vector<const ScenarioResult*> results = results_of(report, name);
    xmlNode* testsuite = add_element(root, "testsuite");
    set_attr(testsuite, "name", name);
    set_counts(testsuite, count(results), total_seconds(results));
    if (!timestamp.empty()) {
      set_attr(testsuite, "timestamp", timestamp);
    }
    add_properties(testsuite, report);
    for (const ScenarioResult* result : results) {
      add_testcase(testsuite, name, *result);
    }
  }
  return save_indented(doc.get(), XmlDeclaration::write);
}

}  // namespace samlt::reports
