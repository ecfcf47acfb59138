// SPDX-License-Identifier: Apache-2.0
// load.html: the figures of a load run and its timeline as inline SVG line charts. Nothing is
// fetched and there is no script; every value is escaped.
#include "samlt/reports/load_report.hpp"

#include "html_assets.hpp"
#include "samlt/core/codec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace samlt::reports {
namespace {

using core::html_escape;

std::string number(double value, int decimals = 1) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

struct Series {
  std::string name;
  std::string color;
  std::vector<double> values;  // one per second
};

// The smallest of 1, 2, 5 x 10^k at or above `value`, so that axis labels are round.
double nice_ceiling(double value) {
  if (value <= 0) {
    return 1;
  }
  double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

std::string line_chart(const std::string& title, const std::string& unit, const std::vector<Series>& series) {
  constexpr double width = 720, height = 240, left = 60, right = 20, top = 24, bottom = 36;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  std::size_t points = 0;
  double high = 0;
  for (const auto& s : series) {
    points = std::max(points, s.values.size());
    for (double v : s.values) {
      high = std::max(high, v);
    }
  }
  high = nice_ceiling(high);
  double span = std::max<double>(1, static_cast<double>(points) - 1);
  auto x = [&](std::size_t i) { return left + plot_w * static_cast<double>(i) / span; };
  auto y = [&](double v) { return top + plot_h * (1 - v / high); };
  std::string svg = "<figure><figcaption>" + html_escape(title) + "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    "role=\"img\" width=\"" + number(width, 0) + "\" height=\"" + number(height, 0) +
                    "\" viewBox=\"0 0 " + number(width, 0) + " " + number(height, 0) + "\">\n";
  for (int tick = 0; tick <= 4; ++tick) {
    double value = high * tick / 4;
    double ty = y(value);
    svg += "<line x1=\"" + number(left) + "\" x2=\"" + number(width - right) + "\" y1=\"" + number(ty) + "\" y2=\"" +
           number(ty) + "\" stroke=\"#d0d7de\"/>";
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(ty + 4) + "\" text-anchor=\"end\" font-size=\"11\">" +
           html_escape(number(value, value >= 10 ? 0 : 2)) + "</text>\n";
  }
  std::size_t x_step = std::max<std::size_t>(1, (points + 9) / 10);
  for (std::size_t i = 0; i < points; i += x_step) {
    svg += "<text x=\"" + number(x(i)) + "\" y=\"" + number(height - bottom + 16) +
           "\" text-anchor=\"middle\" font-size=\"11\">" + std::to_string(i) + "</text>";
  }
  svg += "<text x=\"" + number(left + plot_w / 2) + "\" y=\"" + number(height - 4) +
         "\" text-anchor=\"middle\" font-size=\"11\">seconds since the start</text>";
  svg += "<text x=\"12\" y=\"" + number(top + plot_h / 2) + "\" font-size=\"11\" transform=\"rotate(-90 12 " +
         number(top + plot_h / 2) + ")\" text-anchor=\"middle\">" + html_escape(unit) + "</text>\n";
  double legend_x = left + 8;
  for (const auto& s : series) {
    std::string path;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      path += (i == 0 ? "M" : " L") + number(x(i), 1) + "," + number(y(s.values[i]), 1);
    }
    if (s.values.size() == 1) {
      path += " L" + number(x(0) + 2, 1) + "," + number(y(s.values[0]), 1);
    }
    svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + s.color + "\" stroke-width=\"2\"/>\n";
    svg += "<rect x=\"" + number(legend_x) + "\" y=\"" + number(top - 16) + "\" width=\"10\" height=\"10\" fill=\"" +
           s.color + "\"/><text x=\"" + number(legend_x + 14) + "\" y=\"" + number(top - 7) + "\" font-size=\"11\">" +
           html_escape(s.name) + "</text>";
    legend_x += 24 + 7 * static_cast<double>(s.name.size());
  }
  svg += "</svg></figure>\n";
  return svg;
}

std::string row(const std::string& name, const std::string& value) {
  return "<dt>" + html_escape(name) + "</dt><dd>" + html_escape(value) + "</dd>\n";
}

std::string ms(double seconds) { return number(seconds * 1000, 2); }

std::string latency_row(const std::string& name, const Percentiles& p) {
  return "<tr><th>" + html_escape(name) + "</th><td>" + std::to_string(p.count) + "</td><td>" + ms(p.p50) + "</td><td>" +
         ms(p.p90) + "</td><td>" + ms(p.p99) + "</td><td>" + ms(p.p999) + "</td><td>" + ms(p.max) + "</td></tr>\n";
}

std::string reasons_table(const std::string& title, const std::map<std::string, std::size_t>& reasons,
                          const std::map<std::string, std::string>& examples = {}) {
  if (reasons.empty()) {
    return {};
  }
  std::string out = "<h2>" + html_escape(title) + "</h2><table><tr><th>reason</th><th>count</th>" +
                    (examples.empty() ? "" : "<th>the first one</th>") + "</tr>\n";
  for (const auto& [reason, count] : reasons) {
    out += "<tr><td><code>" + html_escape(reason) + "</code></td><td>" + std::to_string(count) + "</td>";
    if (!examples.empty()) {
      auto example = examples.find(reason);
      out += "<td>" + (example == examples.end() ? std::string() : html_escape(example->second)) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

core::Result<std::string> render_load_html(const LoadSummary& s) {
  Series started{"started/s", "#0969da", {}}, completed{"completed/s", "#1a7f37", {}}, errors{"errors/s", "#cf222e", {}};
  Series p50{"p50 ms", "#0969da", {}}, p99{"p99 ms", "#9a6700", {}};
  for (const auto& b : s.timeline) {
    started.values.push_back(static_cast<double>(b.started));
    completed.values.push_back(static_cast<double>(b.accepted + b.rejected));
    errors.values.push_back(static_cast<double>(b.errors));
    p50.values.push_back(b.p50 * 1000);
    p99.values.push_back(b.p99 * 1000);
  }
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Load: " +
                    html_escape(s.target) + "</title><style>";
  out += k_html_style;
  out += "figure { margin: 1rem 0; } figcaption { font-weight: 600; margin-bottom: .25rem; }</style></head><body>\n";
  out += "<h1>Load against " + html_escape(s.target) + "</h1>\n<dl class=\"facts\">\n";
  out += row("started", s.started_at);
  out += row("flow", s.flow);
  out += row("scenario", s.scenario);
  out += row("requested", number(s.requested_rate) + " sign-ins/s for " + number(s.duration_seconds) + " s, at most " +
                              std::to_string(s.concurrency) + " at once");
  out += row("achieved", number(s.achieved_rate) + " started/s; throughput " + number(s.throughput) + " completed/s");
  out += row("outcomes", std::to_string(s.accepted) + " accepted, " + std::to_string(s.rejected) + " rejected, " +
                             std::to_string(s.errors) + " errors (" + std::to_string(s.unexpected) + " not as expected)");
  if (s.minted > 0) {
    out += row("pre-signed", std::to_string(s.minted) + " sign-ins in " + number(s.mint_seconds) +
                                 " s before the run (live signing here: about " + number(s.live_signing_rate, 0) +
                                 "/s); the run timed only the ACS");
  }
  out += row("generator", number(s.generator_cpu * 100, 0) + " % of the machine's CPU; bottleneck: " +
                              std::string(bottleneck_name(s.bottleneck)));
  if (s.sp_rss_peak_kb) {
    out += row("SP memory", "peak RSS " + number(*s.sp_rss_peak_kb / 1024.0) + " MiB (pid " + std::to_string(s.sp_pid) + ")");
  }
  out += row("wall time", number(s.wall_seconds) + " s");
  out += "</dl>\n<h2>Latency (ms; the whole flow counts from when each sign-in was due)</h2>\n";
  out += "<table><tr><th></th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>\n";
  out += latency_row("whole flow", s.whole);
  if (s.login.count > 0) {
    out += latency_row("login start", s.login);
  }
  out += latency_row("IdP (signing)", s.idp);
  out += latency_row("ACS", s.acs);
  out += latency_row("start lag", s.start_lag);
  out += "</table>\n";
  out += reasons_table("Rejections", s.reject_reasons);
  out += reasons_table("Errors", s.error_reasons, s.error_examples);
  out += "<h2>Over time</h2>\n";
  out += line_chart("Sign-ins per second", "per second", {started, completed, errors});
  out += line_chart("Latency of the sign-ins completed in each second", "ms", {p50, p99});
  out += "</body></html>\n";
  return out;
}

}  // namespace samlt::reports
