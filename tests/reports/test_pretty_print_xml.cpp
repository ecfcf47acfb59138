// SPDX-License-Identifier: Apache-2.0
#include "report_fixture.hpp"

#include "samlt/reports/pretty_print_xml.hpp"

#include <catch2/catch.hpp>

#include <string>

using samlt::reports::pretty_print_xml;
using samlt::reports::test::occurrences;

namespace {

constexpr std::string_view k_compact =
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
    "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r1\" Version=\"2.0\">"
    "<saml:Issuer>https://sts.windows.net/t/</saml:Issuer>"
    "<saml:Assertion ID=\"_a1\"><saml:Subject><saml:NameID> alice@example.com </saml:NameID>"
    "</saml:Subject></saml:Assertion></samlp:Response>";

}  // namespace

TEST_CASE("pretty_print_xml puts one element per line, indented by depth", "[reports]") {
  const std::string pretty = pretty_print_xml(k_compact);
  CHECK(pretty.rfind("<samlp:Response", 0) == 0);  // no XML declaration before the root
  CHECK(pretty.find("<?xml") == std::string::npos);
  CHECK(pretty.find("\n  <saml:Issuer>https://sts.windows.net/t/</saml:Issuer>\n") !=
        std::string::npos);
  CHECK(pretty.find("\n  <saml:Assertion ID=\"_a1\">\n    <saml:Subject>\n") != std::string::npos);
  CHECK(pretty.back() == '>');
}

TEST_CASE("pretty_print_xml keeps text values exactly, spaces included", "[reports]") {
  const std::string pretty = pretty_print_xml(k_compact);
  CHECK(pretty.find("<saml:NameID> alice@example.com </saml:NameID>") != std::string::npos);
}

TEST_CASE("pretty_print_xml re-indents a document that was already indented", "[reports]") {
  const std::string indented = "<a>\n\t\t<b>x</b>\n      <c/>\n</a>";
  CHECK(pretty_print_xml(indented) == "<a>\n  <b>x</b>\n  <c/>\n</a>");
}

TEST_CASE("pretty_print_xml keeps blank text in mixed content", "[reports]") {
  const std::string pretty = pretty_print_xml("<a>x <b/> </a>");
  CHECK(occurrences(pretty, " ") == 2);
}

TEST_CASE("pretty_print_xml returns input it cannot parse unchanged", "[reports]") {
  const std::string malformed = "<samlp:Response><unclosed>";
  CHECK(pretty_print_xml(malformed) == malformed);
  const std::string doctype = "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>";
  CHECK(pretty_print_xml(doctype) == doctype);
  const std::string base64 = "PHNhbWxwOlJlc3BvbnNlLz4=";
  CHECK(pretty_print_xml(base64) == base64);
  CHECK(pretty_print_xml("").empty());
}
