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
  // A time of day, its colons maybe written as character references: Shibboleth's error page says
  // "The system encountered an error at Tue Dec  8 01&#58;57&#58;51 2026", so two probes answered
  // either side of a second differed there.
  static const std::regex clock("[0-9]{2}(:|&#58;|&#x3[aA];)[0-9]{2}(:|&#58;|&#x3[aA];)[0-9]{2}");
  std::string out = std::regex_replace(body, guid, "<guid>");
  out = std::regex_replace(out, saml_id, "<id>");
  out = std::regex_replace(out, hex, "<hex>");
  out = std::regex_replace(out, instant, "<instant>");
  return std::regex_replace(out, clock, "<time>");
}

namespace {

using AnswerTimes = std::vector<std::vector<double>>;  // per probe, one per round

// Posts every probe `step.rounds` times, interleaved, so that a slow spell of the machine falls on
// all probes alike. The first round's answers go to `first` when it is given.
core::Result<AnswerTimes> time_probes(const Step& step, const SendProbe& send, std::vector<ProbeAnswer>* first) {
  AnswerTimes times(step.probes.size());
  for (int round = 0; round < step.rounds; ++round) {
    for (std::size_t p = 0; p < step.probes.size(); ++p) {
      auto answer = send(step.probes[p].mutators, first != nullptr && round == 0);
      if (!answer) {
        return core::fail(answer.error());
      }
      times[p].push_back(answer->seconds);
      if (first != nullptr && round == 0) {
        (*first)[p] = std::move(*answer);
      }
    }
  }
  return times;
}

// Each probe's fastest answer, which is what the SP's own work costs: noise on a busy machine only
// ever adds time (Crosby, Wallach & Riedi, "Opportunities and Limits of Remote Timing Attacks",
// ACM TISSEC 2009, judge by the low end). Empty when they are within noise: none more than twice
// the fastest and 10 ms beyond it (loopback answers differ by far less; an oracle that decrypts
// further shows as a step).
std::string timing_gap(const Step& step, const AnswerTimes& times) {
  std::string fastest_each;
  double fastest = 0;
  double slowest = 0;
  for (std::size_t p = 0; p < times.size(); ++p) {
    double low = *std::min_element(times[p].begin(), times[p].end());
    fastest = p == 0 ? low : std::min(fastest, low);
    slowest = std::max(slowest, low);
    fastest_each += (p == 0 ? "" : ", ") + step.probes[p].name + " " + milliseconds(low);
  }
  return slowest - fastest > std::max(0.010, fastest) ? fastest_each : std::string();
}

}  // namespace

core::Result<OracleJudgement> run_probe_oracle(const Step& step, const SendProbe& send) {
  std::vector<ProbeAnswer> first(step.probes.size());
  auto times = time_probes(step, send, &first);
  if (!times) {
    return core::fail(times.error());
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
  // A gap in one series may be a slow spell that hit one probe's rounds; only a gap that a second
  // series shows again tells the probes apart.
  std::string medians;
  for (std::size_t p = 0; p < times->size(); ++p) {
    medians += (p == 0 ? "" : ", ") + step.probes[p].name + " " + milliseconds(median((*times)[p]));
  }
  std::string gap = timing_gap(step, *times);
  std::string series = "1 series";
  if (!gap.empty()) {
    auto again = time_probes(step, send, nullptr);
    if (!again) {
      return core::fail(again.error());
    }
    std::string gap_again = timing_gap(step, *again);
    series = "2 series";
    if (!gap_again.empty()) {
      told += "; timing: fastest answer times " + gap + ", and again " + gap_again;
    }
  }
  out.distinguishable = told.empty() ? "" : told.substr(2);
  out.judged.observed.detail += "; " + std::to_string(step.probes.size()) + " probes × " + std::to_string(step.rounds) +
                                " rounds × " + series + ", median answer times " + medians;
  return out;
}

}  // namespace samlt::runner
