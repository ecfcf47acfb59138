// SPDX-License-Identifier: Apache-2.0
// index.html: escaping, self-containment and completeness. Checked on the text, since the page is
// HTML5 (not XML), but never against a stored snapshot.
#include "report_fixture.hpp"

#include "samlt/reports/report_writers.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace samlt::reports;
using test::occurrences;

namespace {

std::string render(const RunReport& report) {
  auto html = render_html_report(report);
  REQUIRE(html);
  return *html;
}

}  // namespace

TEST_CASE("index.html escapes a script injected through a scenario title", "[reports]") {
  const std::string html = render(test::sample_report());
  // Exactly one script element: the page's own filter script.
  CHECK(occurrences(html, "<script") == 1);
  CHECK(occurrences(html, "</script>") == 1);
  CHECK(html.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("index.html lists every scenario id, escaped", "[reports]") {
  const RunReport report = test::sample_report();
  const std::string html = render(report);
  CHECK(occurrences(html, "<tbody class=\"scenario\"") == report.results.size());
  for (const ScenarioResult& result : report.results) {
    if (result.id != test::k_hostile_id) {
      CHECK(html.find("<code>" + result.id + "</code>") != std::string::npos);
    }
  }
  CHECK(html.find("<code>profile/title_&lt;b&gt;&amp;&quot;quoted&quot;</code>") !=
        std::string::npos);
  CHECK(html.find("title_<b>") == std::string::npos);
}

TEST_CASE("index.html names the target, its policy and the summary counts", "[reports]") {
  const std::string html = render(test::sample_report());
  CHECK(html.find("<h1>SAML conformance report: reference-sp</h1>") != std::string::npos);
  CHECK(html.find("<tr><td><code>clock_skew</code></td><td>180s</td><td>declared</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td><code>allow_sha1</code></td><td>false</td><td>declared</td></tr>") != std::string::npos);
  CHECK(html.find(">5 total<") != std::string::npos);
  CHECK(html.find(">3 passed<") != std::string::npos);
  CHECK(html.find(">1 failed<") != std::string::npos);
  CHECK(html.find(">1 errors<") != std::string::npos);
}

TEST_CASE("index.html is self-contained and readable without JavaScript", "[reports]") {
  const std::string html = render(test::sample_report());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  // Our attributes are always double-quoted, and a quote in a value is escaped to &quot;.
  CHECK(html.find("src=\"") == std::string::npos);
  CHECK(html.find("href=\"") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // Filters do nothing without the script, so they start hidden; details are native <details>.
  CHECK(html.find("<form id=\"filters\" hidden>") != std::string::npos);
  CHECK(occurrences(html, "<details><summary>Details of ") == 5);
  // Nothing else starts hidden: every scenario is visible to a reader without the script.
  CHECK(occurrences(html.substr(0, html.find("<script")), " hidden") == 1);
}

TEST_CASE("index.html offers a filter per status and per suite", "[reports]") {
  const std::string html = render(test::sample_report());
  for (const char* status : {"passed", "failed", "error"}) {
    CHECK(html.find(std::string("name=\"status\" value=\"") + status + "\"") != std::string::npos);
    CHECK(html.find(std::string("data-status=\"") + status + "\"") != std::string::npos);
  }
  for (const char* suite : {"entra", "faults", "profile"}) {
    CHECK(html.find(std::string("name=\"suite\" value=\"") + suite + "\"") != std::string::npos);
  }
  CHECK(occurrences(html, "data-suite=\"profile\"") == 3);
  CHECK(html.find("id=\"search\"") != std::string::npos);
}

TEST_CASE("index.html shows expected vs observed, messages and exchanges", "[reports]") {
  const std::string html = render(test::sample_report());
  CHECK(html.find("<td>reject/conditions.expired</td><td>accept (HTTP 302)</td>") !=
        std::string::npos);
  CHECK(html.find("&lt;samlp:Response&gt;\n  &lt;saml:Issuer/&gt;") != std::string::npos);
  CHECK(html.find("POST https://sp.example.test/acs\nContent-Type: "
                  "application/x-www-form-urlencoded\n\nSAMLResponse=") != std::string::npos);
  CHECK(html.find("HTTP 302\nLocation: /me\nSet-Cookie: sid=1\n") != std::string::npos);
  CHECK(html.find("post the same Response again") != std::string::npos);
  CHECK(html.find("\x01") == std::string::npos);
}
