// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/xml.hpp"

#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt::core;
namespace n = samlt::core::names;

namespace {

Reason parse_reason_of(std::string_view xml, ParseLimits limits = {}) {
  auto doc = parse_strict(xml, limits);
  REQUIRE_FALSE(doc);
  return doc.error().reason;
}

}  // namespace

TEST_CASE("parse_strict accepts well-formed XML, with or without a BOM", "[core][xml]") {
  auto doc = parse_strict("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><a xmlns=\"urn:x\"><b>t</b></a>");
  REQUIRE(doc);
  CHECK(local_name(doc->root()) == "a");
  CHECK(namespace_uri(doc->root()) == "urn:x");
}

TEST_CASE("parse_strict refuses DTDs, entities and oversize input", "[core][xml]") {
  CHECK(parse_reason_of("<!DOCTYPE a><a/>") == Reason::xml_doctype_forbidden);
  // XML-XXE-FILE: the entity is never declared, let alone read.
  CHECK(parse_reason_of("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>") ==
        Reason::xml_doctype_forbidden);
  // XML-BILLION-LAUGHS
  CHECK(parse_reason_of("<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>") ==
        Reason::xml_doctype_forbidden);
  CHECK(parse_reason_of("<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a/>") == Reason::xml_doctype_forbidden);
  // An undeclared entity is a well-formedness error, not an empty string.
  CHECK(parse_reason_of("<a>&undeclared;</a>") == Reason::xml_malformed);
  ParseLimits small{100, 64};
  CHECK(parse_reason_of(std::string(101, ' '), small) == Reason::xml_too_large);
}

TEST_CASE("parse_strict refuses deep nesting, xml:id, namespace errors and malformed input", "[core][xml]") {
  std::string deep;
  for (int i = 0; i < 10000; ++i) {
    deep += "<e>";
  }
  CHECK(parse_reason_of(deep) == Reason::xml_too_deep);
  std::string ok_depth;
  for (int i = 0; i < 64; ++i) {
    ok_depth += "<e>";
  }
  for (int i = 0; i < 64; ++i) {
    ok_depth += "</e>";
  }
  CHECK(parse_strict(ok_depth));
  CHECK(parse_reason_of(ok_depth.substr(0, 3) + ok_depth) == Reason::xml_too_deep);
  CHECK(parse_reason_of("<a><b xml:id=\"_x\"/></a>") == Reason::xml_id_forbidden);
  CHECK(parse_reason_of("<p:a/>") == Reason::xml_namespace_invalid);
  CHECK(parse_reason_of("<a><b></a>") == Reason::xml_malformed);
  CHECK(parse_reason_of("") == Reason::xml_malformed);
  CHECK(parse_reason_of(std::string("<a>\0</a>", 8)) == Reason::xml_malformed);
  CHECK(parse_reason_of("<a/><b/>") == Reason::xml_malformed);
}

TEST_CASE("serialize writes Entra's compact form", "[core][xml]") {
  auto doc = XmlDoc::create();
  xmlNode* response = make_root(doc, n::ns_protocol, "samlp", "Response");
  set_attribute(response, "ID", "_1");
  set_attribute(response, "Version", "2.0");
  append_element(response, n::ns_assertion, "", "Issuer", "https://sts.windows.net/t/");
  xmlNode* status = append_element(response, n::ns_protocol, "samlp", "Status");
  set_attribute(append_element(status, n::ns_protocol, "samlp", "StatusCode"), "Value", n::status_success);
  xmlNode* assertion = append_element(response, n::ns_assertion, "", "Assertion");
  append_element(assertion, n::ns_assertion, "", "Issuer", "a<b&\"c\"");
  CHECK(serialize(doc) ==
        "<samlp:Response ID=\"_1\" Version=\"2.0\" xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        "<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">https://sts.windows.net/t/</Issuer>"
        "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
        "<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"><Issuer>a&lt;b&amp;\"c\"</Issuer></Assertion>"
        "</samlp:Response>");
  // What is written parses back to the same bytes.
  auto again = parse_strict(serialize(doc));
  REQUIRE(again);
  CHECK(serialize(*again) == serialize(doc));
}

TEST_CASE("serialize escapes attributes and keeps comments and CDATA", "[core][xml]") {
  auto doc = parse_strict("<a x=\"1&amp;2&lt;&quot;&#10;\"><!--c--><![CDATA[<raw>]]>&#13;</a>");
  REQUIRE(doc);
  CHECK(serialize(*doc) == "<a x=\"1&amp;2&lt;&quot;&#10;\"><!--c--><![CDATA[<raw>]]>&#13;</a>");
}

TEST_CASE("DOM helpers read and edit", "[core][xml]") {
  auto doc = parse_strict(
      "<r xmlns=\"urn:r\" xmlns:o=\"urn:o\" A=\"1\"><x>a<!--z-->b<![CDATA[c]]></x><o:y/><x><i/></x></r>");
  REQUIRE(doc);
  xmlNode* root = doc->root();
  CHECK(is_element(root, "urn:r", "r"));
  CHECK(element_children(root).size() == 3);
  CHECK(children_named(root, "urn:r", "x").size() == 2);
  CHECK(child_named(root, "urn:o", "y") != nullptr);
  CHECK(child_named(root, "urn:r", "y") == nullptr);
  CHECK(descendants_named(root, "urn:r", "i").size() == 1);
  CHECK(attribute(root, "A") == "1");
  CHECK_FALSE(attribute(root, "B"));
  xmlNode* first = first_element_child(root);
  CHECK(simple_text(first) == "abc");  // the comment does not cut the text (C14N-COMMENT-NAMEID)
  CHECK_FALSE(simple_text(next_element_sibling(next_element_sibling(first))));
  set_attribute(root, "A", "2");
  set_attribute(root, "B", "3");
  remove_attribute(root, "A");
  set_text(first, "new");
  set_attribute_ns(first, n::ns_xsi, "xsi", "type", "xs:string");
  insert_element_after(first, "urn:r", "", "w", "t");
  remove_node(child_named(root, "urn:o", "y"));
  CHECK(serialize(*doc) ==
        "<r B=\"3\" xmlns=\"urn:r\" xmlns:o=\"urn:o\"><x xsi:type=\"xs:string\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">new</x><w>t</w><x><i/></x></r>");
  auto copy = doc->clone();
  CHECK(serialize(copy) == serialize(*doc));
}
