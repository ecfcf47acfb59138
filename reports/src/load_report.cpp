// SPDX-License-Identifier: Apache-2.0
// The load report's text and JSON forms, and the one function that writes the files.
#include "samlt/reports/load_report.hpp"

#include "samlt/core/fs.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <system_error>

namespace samlt::reports {
namespace {

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string ms(double seconds) { return fixed(seconds * 1000, 2); }

std::string percentile_line(std::string_view name, const Percentiles& p) {
  return "  " + std::string(name) + ": p50 " + ms(p.p50) + "  p90 " + ms(p.p90) + "  p99 " + ms(p.p99) +
         "  p99.9 " + ms(p.p999) + "  max " + ms(p.max) + " ms  (" + std::to_string(p.count) + ")\n";
}

std::string reasons_text(const std::map<std::string, std::size_t>& reasons) {
  std::string out;
  for (const auto& [reason, count] : reasons) {
    out += (out.empty() ? "" : ", ") + reason + " " + std::to_string(count);
  }
  return out;
}

nlohmann::ordered_json percentiles_json(const Percentiles& p) {
  return {{"count", p.count},          {"p50_ms", p.p50 * 1000},   {"p90_ms", p.p90 * 1000},
          {"p99_ms", p.p99 * 1000},    {"p999_ms", p.p999 * 1000}, {"max_ms", p.max * 1000}};
}

nlohmann::ordered_json reasons_json(const std::map<std::string, std::size_t>& reasons) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [reason, count] : reasons) {
    out[reason] = count;
  }
  return out;
}

}  // namespace

std::string_view bottleneck_name(Bottleneck bottleneck) {
  switch (bottleneck) {
    case Bottleneck::none: return "none";
    case Bottleneck::generator: return "generator";
    case Bottleneck::concurrency: return "concurrency";
  }
  return "none";
}

std::string render_load_text(const LoadSummary& s) {
  std::string out = "load against " + s.target + " (" + s.flow + ", " + s.scenario + "): " + std::to_string(s.total) +
                    " sign-ins in " + fixed(s.wall_seconds, 1) + " s\n";
  out += "  rate: requested " + fixed(s.requested_rate, 1) + "/s, achieved " + fixed(s.achieved_rate, 1) +
         "/s; throughput " + fixed(s.throughput, 1) + " completed/s\n";
  out += "  outcomes: " + std::to_string(s.accepted) + " accepted, " + std::to_string(s.rejected) + " rejected, " +
         std::to_string(s.errors) + " errors; " + std::to_string(s.unexpected) + " not as expected\n";
  if (!s.reject_reasons.empty()) {
    out += "  rejected: " + reasons_text(s.reject_reasons) + "\n";
  }
  if (!s.error_reasons.empty()) {
    out += "  errors: " + reasons_text(s.error_reasons) + "\n";
    for (const auto& [reason, detail] : s.error_examples) {
      out += "    first " + reason + ": " + detail + "\n";
    }
  }
  if (s.minted > 0) {
    out += "  pre-signed: " + std::to_string(s.minted) + " sign-ins in " + fixed(s.mint_seconds, 1) +
           " s before the run (live signing here: about " + fixed(s.live_signing_rate, 0) +
           "/s); the run timed only the ACS\n";
  }
  out += percentile_line("latency (from due)", s.whole);
  if (s.login.count > 0) {
    out += percentile_line("login start", s.login);
  }
  out += percentile_line("IdP (signing)", s.idp);
  out += percentile_line("ACS", s.acs);
  out += percentile_line("start lag", s.start_lag);
  if (s.sp_rss_peak_kb) {
    out += "  SP (pid " + std::to_string(s.sp_pid) + ") peak RSS " + fixed(*s.sp_rss_peak_kb / 1024.0, 1) + " MiB\n";
  }
  out += "  generator CPU " + fixed(s.generator_cpu * 100, 0) + " % of the machine";
  switch (s.bottleneck) {
    case Bottleneck::none: out += "; the schedule was kept\n"; break;
    case Bottleneck::generator:
      out += std::string("; behind schedule: the generator (") + (s.minted > 0 ? "posting" : "signing") +
             " here), not the SP, was the bottleneck\n";
      break;
    case Bottleneck::concurrency:
      out += "; behind schedule: every one of the " + std::to_string(s.concurrency) +
             " slots was busy (a slow SP: see the latency; raise --concurrency to send at the rate)\n";
      break;
  }
  return out;
}

core::Result<std::string> render_load_json(const LoadSummary& s) {
  try {
    nlohmann::ordered_json timeline = nlohmann::ordered_json::array();
    for (const auto& b : s.timeline) {
      nlohmann::ordered_json second = {{"started", b.started},   {"finished", b.finished}, {"accepted", b.accepted},
                                       {"rejected", b.rejected}, {"errors", b.errors},     {"p50_ms", b.p50 * 1000},
                                       {"p99_ms", b.p99 * 1000}};
      second["sp_rss_kb"] = b.sp_rss_kb ? nlohmann::ordered_json(*b.sp_rss_kb) : nlohmann::ordered_json();
      timeline.push_back(std::move(second));
    }
    nlohmann::ordered_json out = {
        {"started_at", s.started_at},
        {"target", s.target},
        {"flow", s.flow},
        {"scenario", s.scenario},
        {"requested_rate", s.requested_rate},
        {"duration_seconds", s.duration_seconds},
        {"concurrency", s.concurrency},
        {"achieved_rate", s.achieved_rate},
        {"throughput", s.throughput},
        {"wall_seconds", s.wall_seconds},
        {"counts",
         {{"total", s.total}, {"accepted", s.accepted}, {"rejected", s.rejected}, {"errors", s.errors},
          {"unexpected", s.unexpected}}},
        {"reject_reasons", reasons_json(s.reject_reasons)},
        {"error_reasons", reasons_json(s.error_reasons)},
        {"error_examples", s.error_examples},
        {"latency",
         {{"whole", percentiles_json(s.whole)},
          {"login", percentiles_json(s.login)},
          {"idp", percentiles_json(s.idp)},
          {"acs", percentiles_json(s.acs)},
          {"start_lag", percentiles_json(s.start_lag)}}},
        {"minted", s.minted},
        {"mint_seconds", s.mint_seconds},
        {"live_signing_rate", s.live_signing_rate},
        {"generator_cpu", s.generator_cpu},
        {"bottleneck", bottleneck_name(s.bottleneck)},
        {"sp", {{"pid", s.sp_pid == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(s.sp_pid)},
                {"rss_peak_kb", s.sp_rss_peak_kb ? nlohmann::ordered_json(*s.sp_rss_peak_kb) : nlohmann::ordered_json()}}},
        {"timeline", std::move(timeline)},
    };
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } catch (const std::exception& e) {
    return core::fail(core::Reason::internal_error, std::string("load.json: ") + e.what());
  }
}

core::Result<void> write_load_reports(const LoadSummary& summary, const std::filesystem::path& dir) {
  auto json = render_load_json(summary);
  if (!json) {
    return core::fail(json.error());
  }
  auto html = render_load_html(summary);
  if (!html) {
    return core::fail(html.error());
  }
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir, error)) {
    return core::fail(core::Reason::io_write_failed,
                      dir.string() + ": cannot create report directory" + (error ? ": " + error.message() : std::string()));
  }
  if (auto written = core::write_file_atomic(dir / "load.json", *json); !written) {
    return written;
  }
  return core::write_file_atomic(dir / "load.html", *html);
}

}  // namespace samlt::reports
