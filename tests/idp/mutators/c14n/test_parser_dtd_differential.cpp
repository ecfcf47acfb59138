// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>
#include <libxml/parser.h>

#include <memory>

using namespace samlt;
namespace n = core::names;

namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// What a DTD-processing parser makes of the bytes (never the project's parser).
DocPtr lenient(const std::string& xml, int options) {
  return DocPtr(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | options));
}

std::string text(const xmlNode* node) { return core::simple_text(node).value_or("(none)"); }

std::string serialized(const test::idp::RawMutation& m) { return m.mutated.xml; }

test::idp::RawMutation run(const std::string& form, const nlohmann::json& app) {
  return test::idp::mutate_raw({{"parser.dtd_differential", {{"form", form}}}}, app);
}

}  // namespace

TEST_CASE("parser.dtd_differential doctype_comment: libxml2 reads the forged Response, REXML the "
          "signed original",
          "[mutator][parser.dtd_differential]") {
  auto m = test::idp::mutate_raw({{"parser.dtd_differential", nlohmann::json::object()}}, {{"signing", "response"}});
  const std::string& xml = m.mutated.xml;
  REQUIRE(xml.rfind("<!DOCTYPE response SYSTEM 'x\"><!--'>\n", 0) == 0);
  // The original, as REXML sees it: after the CDATA opener, closed by the final end tag, with a
  // comment before it that exclusive c14n drops.
  const std::string opener = "<![CDATA[-->\n";
  auto at = xml.find(opener);
  REQUIRE(at != std::string::npos);
  std::string original_view = xml.substr(at + opener.size());
  std::string base_open = m.base.xml.substr(0, m.base.xml.size() - std::string("</samlp:Response>").size());
  CHECK(original_view == base_open + "<!--]]>--></samlp:Response>");
  auto oracle = test::idp::xmlsec1_verifies(original_view, test::idp::k_response_signature);
  INFO(oracle.output);
  CHECK(oracle.verified);

  auto doc = lenient(xml, 0);
  REQUIRE(doc);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  CHECK(core::is_element(root, n::ns_protocol, "Response"));
  CHECK(text(test::idp::one(root, "NameID")) == "megan.bowen@contoso.example");
  CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_doctype_forbidden);
  CHECK(idp::find_mutator("parser.dtd_differential")->expected == core::Reason::xml_doctype_forbidden);
}

TEST_CASE("parser.dtd_differential attlist_namespace: only a DTD-defaulting parser sees the moved "
          "ds:Signature",
          "[mutator][parser.dtd_differential]") {
  auto m = run("attlist_namespace", {{"signing", "assertion"}});
  const std::string& xml = serialized(m);
  REQUIRE(xml.rfind("<!DOCTYPE Response [<!ATTLIST Signature xmlns CDATA #FIXED \"" + std::string(n::ns_dsig), 0) == 0);
  CHECK(xml.find("xmlns:example=\"http://example.com\xC2\x80\"") != std::string::npos);

  // In the bytes the moved Signature is unqualified: only the DTD's #FIXED xmlns puts it in the
  // ds namespace. (libxml2 applies defaulted xmlns attributes on every parse, so the bytes are
  // what a DTD-ignoring parser such as REXML reads.)
  auto detail_at = xml.find("<samlp:StatusDetail>");
  REQUIRE(detail_at != std::string::npos);
  CHECK(xml.compare(detail_at + std::string("<samlp:StatusDetail>").size(), 11, "<Signature>") == 0);

  auto defaulted = lenient(xml, XML_PARSE_DTDATTR);
  REQUIRE(defaulted);
  xmlNode* root = xmlDocGetRootElement(defaulted.get());
  xmlNode* detail = core::child_named(core::child_named(root, n::ns_protocol, "Status"), n::ns_protocol, "StatusDetail");
  CHECK(core::is_element(core::first_element_child(detail), n::ns_dsig, "Signature"));

  // The Assertion carries the decoy: a Signature whose DigestValue is SHA-256 of nothing.
  xmlNode* assertion = core::child_named(root, n::ns_assertion, "Assertion");
  auto signatures = core::children_named(assertion, n::ns_dsig, "Signature");
  REQUIRE(signatures.size() == 1);
  CHECK(text(core::descendants_named(signatures[0], n::ns_dsig, "DigestValue").at(0)) ==
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_doctype_forbidden);
}

TEST_CASE("parser.dtd_differential entity_in_id: the Response ID is the Assertion's only after "
          "entity expansion",
          "[mutator][parser.dtd_differential]") {
  auto m = run("entity_in_id", {{"signing", "both"}});
  const std::string& xml = serialized(m);
  auto base = test::idp::parse(m.base.xml);
  std::string id = core::attribute(core::child_named(base.root(), n::ns_assertion, "Assertion"), "ID").value();
  REQUIRE(xml.rfind("<!DOCTYPE response [\n<!ENTITY idViaEntity \"" + id + "\">", 0) == 0);
  CHECK(xml.find("ID=\"&idViaEntity;\"") != std::string::npos);

  auto expanded = lenient(xml, XML_PARSE_NOENT);
  REQUIRE(expanded);
  xmlNode* root = xmlDocGetRootElement(expanded.get());
  CHECK(core::attribute(root, "ID") == id);
  auto signatures = core::children_named(root, n::ns_dsig, "Signature");
  REQUIRE(signatures.size() == 1);  // the Response's own signature is gone, the carrier is here
  xmlNode* object = core::child_named(signatures[0], n::ns_dsig, "Object");
  REQUIRE(object != nullptr);
  xmlNode* hidden = core::child_named(object, n::ns_assertion, "Assertion");
  CHECK(core::attribute(hidden, "ID") == "P" + id);
  xmlNode* visible = core::child_named(root, n::ns_assertion, "Assertion");
  CHECK(core::attribute(visible, "ID") == id + "ffff");
  CHECK(core::child_named(visible, n::ns_dsig, "Signature") == nullptr);
  CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_doctype_forbidden);
}

TEST_CASE("parser.dtd_differential refuses an unknown form", "[mutator][parser.dtd_differential]") {
  CHECK(test::idp::mutate_error("parser.dtd_differential", {{"form", "other"}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("parser.dtd_differential", {{"form", "entity_in_id"}}, {{"signing", "response"}}).reason ==
        core::Reason::mutator_not_applicable);
}
