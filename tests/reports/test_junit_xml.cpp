// SPDX-License-Identifier: Apache-2.0
// Golden-structure checks: the produced junit.xml is parsed as a CI server would and its shape
// compared with the RunReport, never against a stored text snapshot.
#include "report_fixture.hpp"

#include "samlt/core/xml.hpp"
#include "samlt/reports/report_writers.hpp"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <catch2/catch.hpp>

#include <memory>
#include <string>

using namespace samlt::reports;
using samlt::core::XmlDoc;

namespace {

// Parsed like a CI server would: plain libxml2, no recovery, so a bad character fails the parse.
XmlDoc parse_junit(const std::string& text) {
  return XmlDoc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "junit.xml", nullptr,
                              XML_PARSE_NONET));
}

struct XPathContextFree {
  void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct XPathObjectFree {
  void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};

// The XPath 1.0 string() of `expression`, e.g. "count(//testcase)" gives "5".
std::string xpath(const XmlDoc& doc, const std::string& expression) {
  std::unique_ptr<xmlXPathContext, XPathContextFree> context(xmlXPathNewContext(doc.get()));
  const std::string wrapped = "string(" + expression + ")";
  std::unique_ptr<xmlXPathObject, XPathObjectFree> result(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(wrapped.c_str()), context.get()));
  REQUIRE(result);
  REQUIRE(result->stringval != nullptr);
  return reinterpret_cast<const char*>(result->stringval);
}

XmlDoc render_sample() {
  auto text = render_junit_xml(test::sample_report());
  REQUIRE(text);
  XmlDoc doc = parse_junit(*text);
  REQUIRE(doc);
  return doc;
}

}  // namespace

TEST_CASE("junit.xml has one testsuite per suite with matching counts", "[reports]") {
  const XmlDoc doc = render_sample();
  CHECK(xpath(doc, "name(/*)") == "testsuites");
  CHECK(xpath(doc, "/testsuites/@tests") == "5");
  CHECK(xpath(doc, "/testsuites/@failures") == "1");
  CHECK(xpath(doc, "/testsuites/@errors") == "1");
  CHECK(xpath(doc, "count(/testsuites/testsuite)") == "3");
  CHECK(xpath(doc, "/testsuites/testsuite[1]/@name") == "entra");
  CHECK(xpath(doc, "/testsuites/testsuite[2]/@name") == "faults");
  CHECK(xpath(doc, "/testsuites/testsuite[3]/@name") == "profile");
  for (const char* suite : {"entra", "faults", "profile"}) {
    const std::string at = std::string("/testsuites/testsuite[@name='") + suite + "']";
    CHECK(xpath(doc, at + "/@tests") == xpath(doc, "count(" + at + "/testcase)"));
    CHECK(xpath(doc, at + "/@failures") == xpath(doc, "count(" + at + "/testcase/failure)"));
    CHECK(xpath(doc, at + "/@errors") == xpath(doc, "count(" + at + "/testcase/error)"));
    CHECK(xpath(doc, at + "/@timestamp") == "2024-05-01T10:00:00");
  }
  CHECK(xpath(doc, "/testsuites/testsuite[@name='profile']/@time") == "0.750");
}

TEST_CASE("junit.xml names each testcase by suite and scenario id", "[reports]") {
  const XmlDoc doc = render_sample();
  CHECK(xpath(doc, "count(//testcase)") == "5");
  CHECK(xpath(doc, "count(//testcase[@classname=../@name])") == "5");
  CHECK(xpath(doc, "//testcase[1]/@name") == "entra/signed_assertion");
  CHECK(xpath(doc, "//testcase[@name='entra/signed_assertion']/@time") == "0.250");
  CHECK(xpath(doc, "//testcase[@name='entra/signed_assertion']/@file") ==
        "scenarios/entra/signed_assertion.json");
  // Markup characters in an id survive the round trip through attribute escaping.
  CHECK(xpath(doc, "//testsuite[@name='profile']/testcase[1]/@name") == "profile/sp_unreachable");
  CHECK(xpath(doc, "//testsuite[@name='profile']/testcase[2]/@name") == test::k_hostile_id);
}

TEST_CASE("junit.xml reports a missed expectation as failure and a broken run as error",
          "[reports]") {
  const XmlDoc doc = render_sample();
  const std::string failure = "//testcase[@name='faults/assertion_expired']/failure";
  CHECK(xpath(doc, "count(" + failure + ")") == "1");
  CHECK(xpath(doc, failure + "/@message") == "expected reject/conditions.expired, got accept");
  CHECK(xpath(doc, failure + "/@type") == "expectation.unmet");
  CHECK_THAT(xpath(doc, failure), Catch::Contains("faults: assertion.expired") &&
                                      Catch::Contains("observed: accept (HTTP 302)"));
  const std::string error = "//testcase[@name='profile/sp_unreachable']/error";
  CHECK(xpath(doc, "count(" + error + ")") == "1");
  CHECK(xpath(doc, error + "/@type") == "run.error");
  CHECK(xpath(doc,
              "count(//testcase[@name='entra/signed_assertion']/*[self::failure or "
              "self::error])") == "0");
}

TEST_CASE("junit.xml carries target and policy as properties", "[reports]") {
  const XmlDoc doc = render_sample();
  const std::string props = "/testsuites/testsuite[1]/properties/property";
  CHECK(xpath(doc, props + "[@name='target.name']/@value") == "reference-sp");
  CHECK(xpath(doc, props + "[@name='target.acs_url']/@value") == "https://sp.example.test/acs");
  CHECK(xpath(doc, props + "[@name='policy.clock_skew']/@value") == "180s");
  CHECK(xpath(doc, props + "[@name='policy.allow_sha1']/@value") == "false");
}

TEST_CASE("junit.xml puts the decoded SAML messages in system-out", "[reports]") {
  const XmlDoc doc = render_sample();
  const std::string out = xpath(doc, "//testcase[@name='entra/signed_assertion']/system-out");
  CHECK_THAT(out, Catch::Contains("=== Response (step 1) ===") &&
                      Catch::Contains("<samlp:Response>\n  <saml:Issuer/>") &&
                      Catch::Contains("POST https://sp.example.test/acs -> HTTP 302"));
  // Without a decoded form the raw message is shown.
  CHECK_THAT(xpath(doc, "//testcase[@name='faults/assertion_expired']/system-out"),
             Catch::Contains("https://sts.windows.net/tenant/"));
}

TEST_CASE("junit.xml stays parseable with XML-forbidden characters and bad UTF-8", "[reports]") {
  RunReport report = test::sample_report();
  report.results[2].observed.detail = std::string("nul\0byte", 8);
  // A control character, a stray byte, a truncated sequence, a UTF-16 surrogate, an overlong '/'.
  report.results[0].messages[0].decoded = "\x02\xff\xc3(\xed\xa0\x80\xc0\xaf ok";
  report.policy.push_back({"odd\x1b", "\xef\xbf\xbe"});  // U+FFFE is not an XML Char either
  auto text = render_junit_xml(report);
  REQUIRE(text);
  CHECK(text->find('\x01') == std::string::npos);
  CHECK(text->find('\0') == std::string::npos);
  CHECK(text->find('\x1b') == std::string::npos);
  const XmlDoc doc = parse_junit(*text);
  REQUIRE(doc);
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(xpath(doc, "//testcase[@name='profile/sp_unreachable']/error/@message") ==
        "SP unreachable: connection reset" + replacement + replacement + replacement + " by peer");
  CHECK_THAT(xpath(doc, "//testcase[@name='profile/sp_unreachable']/error"),
             Catch::Contains("detail: nul" + replacement + "byte"));
  // Each bad byte is replaced on its own, so the valid text after it survives.
  const std::string& r = replacement;
  const std::string cleaned = r + r + r + "(" + r + r + r + r + r + " ok";
  CHECK_THAT(xpath(doc, "//testcase[1]/system-out"), Catch::Contains("===\n" + cleaned + "\n"));
  CHECK(xpath(doc, "//property[@name='policy.odd" + replacement + "']/@value") == replacement);
}

TEST_CASE("junit.xml of an empty run is a valid empty testsuites", "[reports]") {
  auto text = render_junit_xml(RunReport{});
  REQUIRE(text);
  const XmlDoc doc = parse_junit(*text);
  REQUIRE(doc);
  CHECK(xpath(doc, "/testsuites/@tests") == "0");
  CHECK(xpath(doc, "count(//testsuite)") == "0");
}
