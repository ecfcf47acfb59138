// SPDX-License-Identifier: Apache-2.0
#include "oracle_step.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace samlt::runner {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// What the headers say, per-request values aside: Date and Content-Length (the body is compared
// itself) are left out, a Set-Cookie counts by its name only.
std::multiset<std::string> header_shape(const HttpResponse& answer) {
  std::multiset<std::string> shape;
  for (const auto& [name, value] : answer.headers) {
    std::string key = lower(name);
    if (key == "date" || key == "content-length") {
      continue;
    }
    shape.insert(key == "set-cookie" ? key + ": " + value.substr(0, value.find('=')) + "=…"
                                     : key + ": " + without_request_identifiers(value));
  }
  return shape;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

std::string milliseconds(double seconds) {
  return std::to_string(static_cast<long long>(seconds * 1000 + 0.5)) + " ms";
}

}  // namespace

std::string without_request_identifiers(const std::string& body) {
  static const std::regex guid("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // Eight or more hex digits with a digit among them: trace and tracking numbers (SimpleSAMLphp's
  // error page shows a 10-digit one), session and request ids.
  static const std::regex hex("\\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\\b");
  static const std::regex saml_id("_[0-9A-Za-z-]{16,}");
  static const std::regex instant("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z?");
  std::string out = std::regex_replace(body, guid, "<guid>");
  out = std::regex_replace(out, saml_id, "<id>");
  out = std::regex_replace(out, hex, "<hex>");
  return std::regex_replace(out, instant, "<instant>");
}

core::Result<OracleJudgement> run_probe_oracle(const Step& step, const SendProbe& send) {
  std::vector<ProbeAnswer> first(step.probes.size());
  std::vector<std::vector<double>> times(step.probes.size());
  for (int round = 0; round < step.rounds; ++round) {
    for (std::size_t p = 0; p < step.probes.size(); ++p) {
      auto answer = send(step.probes[p].mutators, round == 0);
      if (!answer) {
        return core::fail(answer.error());
      }
      times[p].push_back(answer->seconds);
      if (round == 0) {
        first[p] = std::move(*answer);
      }
    }
  }
  OracleJudgement out;
  out.judged = first.front().judged;
  for (const auto& probe : first) {
    if (probe.judged.observed.outcome == reports::Outcome::accept) {
      out.judged = probe.judged;
      break;
    }
  }
  const ProbeAnswer& base = first.front();
  const std::string& base_name = step.probes.front().name;
  std::string told;
  auto differs = [&](const std::string& what, std::size_t p) {
    told += "; " + what + ": " + base_name + " and " + step.probes[p].name + " differ";
  };
  for (std::size_t p = 1; p < first.size(); ++p) {
    if (first[p].acs_answer.status != base.acs_answer.status) {
      differs("status (" + std::to_string(base.acs_answer.status) + " and " +
                  std::to_string(first[p].acs_answer.status) + ")",
              p);
    }
    if (header_shape(first[p].acs_answer) != header_shape(base.acs_answer)) {
      differs("headers", p);
    }
    if (without_request_identifiers(first[p].acs_answer.body) != without_request_identifiers(base.acs_answer.body)) {
      differs("body", p);
    }
    if (first[p].judged.observed.reason != base.judged.observed.reason) {
      differs("reason (" + base.judged.observed.reason.value_or("none") + " and " +
                  first[p].judged.observed.reason.value_or("none") + ")",
              p);
    }
  }
  // Within noise: no probe's median answer time more than twice the fastest's and 10 ms beyond
  // it (loopback answers differ by far less; an oracle that decrypts further shows as a step).
  std::string medians;
  double fastest = 0;
  double slowest = 0;
  for (std::size_t p = 0; p < times.size(); ++p) {
    double m = median(times[p]);
    fastest = p == 0 ? m : std::min(fastest, m);
    slowest = std::max(slowest, m);
    medians += (p == 0 ? "" : ", ") + step.probes[p].name + " " + milliseconds(m);
  }
  if (slowest - fastest > std::max(0.010, fastest)) {
    told += "; timing: median answer times " + medians;
  }
  out.distinguishable = told.empty() ? "" : told.substr(2);
  out.judged.observed.detail += "; " + std::to_string(step.probes.size()) + " probes × " + std::to_string(step.rounds) +
                                " rounds, median answer times " + medians;
  return out;
}

}  // namespace samlt::runner
