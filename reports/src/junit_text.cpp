// SPDX-License-Identifier: Apache-2.0
#include "junit_text.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace samlt::reports {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) {
      text += separator;
    }
    text += item;
  }
  return text;
}

void add_line(std::string& text, std::string_view label, std::string_view value) {
  if (value.empty()) {
    return;
  }
  text += label;
  text += ": ";
  text += value;
  text += '\n';
}

}  // namespace

std::string headline(const ScenarioResult& result) {
  if (!result.message.empty()) {
    return result.message;
  }
  return "expected " + describe(result.expected) + ", got " + describe(result.observed);
}

std::string verdict_text(const ScenarioResult& result) {
  std::string text;
  add_line(text, "title", result.title);
  add_line(text, "expected", describe(result.expected));
  add_line(text, "observed", describe(result.observed));
  add_line(text, "message", result.message);
  add_line(text, "faults", joined(result.mutators, ", "));
  add_line(text, "spec", result.spec_ref);
  add_line(text, "file", result.file);
  add_line(text, "detail", result.observed.detail);
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    const StepResult& step = result.steps[i];
    text += "step " + std::to_string(i + 1) + " (" + step.name +
            "): " + std::string(status_id(step.status)) + ", expected " + describe(step.expected) +
            ", got " + describe(step.observed);
    if (!step.message.empty()) {
      text += " - " + step.message;
    }
    text += '\n';
  }
  return text;
}

std::string messages_text(const ScenarioResult& result) {
  std::string text;
  for (const SamlMessage& message : result.messages) {
    text += "=== " + message.label + " ===\n";
    text += message.decoded.empty() ? message.raw : message.decoded;
    text += "\n\n";
  }
  for (const HttpExchange& exchange : result.exchanges) {
    text += "=== HTTP " + exchange.label + " ===\n" + exchange.method + " " + exchange.url + " -> ";
    text += exchange.status ? "HTTP " + std::to_string(*exchange.status) : "no response";
    text += '\n';
  }
  return text;
}

}  // namespace samlt::reports
