// SPDX-License-Identifier: Apache-2.0
#include "load/load_stats.hpp"

#include "load/open_loop.hpp"

#include <algorithm>
#include <cmath>

namespace samlt::runner::load {
namespace {

double rank(const std::vector<double>& sorted, double fraction) {
  auto n = sorted.size();
  auto index = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n)));
  return sorted[std::clamp<std::size_t>(index, 1, n) - 1];
}

}  // namespace

Percentiles percentiles(std::vector<double> values) {
  Percentiles out;
  out.count = values.size();
  if (values.empty()) {
    return out;
  }
  std::sort(values.begin(), values.end());
  out.p50 = rank(values, 0.50);
  out.p90 = rank(values, 0.90);
  out.p99 = rank(values, 0.99);
  out.p999 = rank(values, 0.999);
  out.max = values.back();
  return out;
}

LoadSummary summarize(const std::vector<Sample>& samples, const RunFacts& facts) {
  LoadSummary s;
  s.requested_rate = facts.requested_rate;
  s.wall_seconds = facts.wall_seconds;
  s.total = samples.size();
  s.sp_pid = facts.sp_pid;
  std::vector<double> whole, login, idp, acs, lag;
  double first_start = 0, last_start = 0, last_finish = 0;
  std::size_t started = 0, completed = 0;
  std::size_t seconds = static_cast<std::size_t>(std::ceil(facts.wall_seconds)) + 1;
  s.timeline.resize(seconds);
  std::vector<std::vector<double>> latency_by_second(seconds);
  for (const Sample& sample : samples) {
    bool never_started = sample.outcome == SampleOutcome::error && sample.reason == k_not_started;
    if (!never_started) {
      first_start = started == 0 ? sample.started : std::min(first_start, sample.started);
      last_start = std::max(last_start, sample.started);
      ++started;
      lag.push_back(sample.started - sample.due);
      auto second = std::min(static_cast<std::size_t>(sample.started), seconds - 1);
      ++s.timeline[second].started;
    }
    auto end_second = std::min(static_cast<std::size_t>(sample.finished), seconds - 1);
    SecondBucket& bucket = s.timeline[end_second];
    ++bucket.finished;
    double latency = sample.finished - sample.due;
    switch (sample.outcome) {
      case SampleOutcome::accept: ++s.accepted; ++bucket.accepted; break;
      case SampleOutcome::reject: ++s.rejected; ++bucket.rejected; ++s.reject_reasons[sample.reason]; break;
      case SampleOutcome::error:
        ++s.errors;
        ++bucket.errors;
        ++s.error_reasons[sample.reason];
        s.error_examples.emplace(sample.reason, sample.detail);  // the first one of each reason
        break;
    }
    s.unexpected += sample.as_expected ? 0 : 1;
    if (sample.outcome != SampleOutcome::error) {
      ++completed;
      last_finish = std::max(last_finish, sample.finished);
      whole.push_back(latency);
      latency_by_second[end_second].push_back(latency);
    }
    if (sample.login_seconds >= 0) {
      login.push_back(sample.login_seconds);
    }
    if (sample.idp_seconds >= 0) {
      idp.push_back(sample.idp_seconds);
    }
    if (sample.acs_seconds >= 0) {
      acs.push_back(sample.acs_seconds);
    }
  }
  for (std::size_t i = 0; i < seconds; ++i) {
    auto p = percentiles(std::move(latency_by_second[i]));
    s.timeline[i].p50 = p.p50;
    s.timeline[i].p99 = p.p99;
    if (i < facts.sp_rss_kb_by_second.size() && facts.sp_rss_kb_by_second[i] >= 0) {
      s.timeline[i].sp_rss_kb = facts.sp_rss_kb_by_second[i];
      s.sp_rss_peak_kb = std::max(s.sp_rss_peak_kb.value_or(0), facts.sp_rss_kb_by_second[i]);
    }
  }
  while (s.timeline.size() > 1 && s.timeline.back().started == 0 && s.timeline.back().finished == 0) {
    s.timeline.pop_back();
  }
  s.achieved_rate = started > 1 && last_start > first_start
                        ? static_cast<double>(started - 1) / (last_start - first_start)
                        : static_cast<double>(started);
  s.throughput = completed > 0 && last_finish > first_start ? static_cast<double>(completed) / (last_finish - first_start)
                                                            : 0;
  s.whole = percentiles(std::move(whole));
  s.login = percentiles(std::move(login));
  s.idp = percentiles(std::move(idp));
  s.acs = percentiles(std::move(acs));
  s.start_lag = percentiles(std::move(lag));
  s.generator_cpu = facts.wall_seconds > 0 ? facts.cpu_seconds / (facts.wall_seconds * std::max(1u, facts.cores)) : 0;
  // Behind schedule when the starts ran under 95 % of the requested rate, or when sign-ins
  // typically started more than 10 ms late. Then it was the generator when this process used
  // most of the machine's CPU, else the slots (every one busy with a slow SP).
  bool behind = s.achieved_rate < 0.95 * s.requested_rate || s.start_lag.p50 > 0.010;
  if (behind && started > 1) {
    s.bottleneck = s.generator_cpu >= 0.85 ? Bottleneck::generator : Bottleneck::concurrency;
  }
  return s;
}

}  // namespace samlt::runner::load
