// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

// The kinds of the children of `node`, in order: "text:<content>", "comment", "cdata:<content>".
Strings child_kinds(const xmlNode* node) {
  Strings out;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    std::string content = c->content ? reinterpret_cast<const char*>(c->content) : "";
    if (c->type == XML_TEXT_NODE) {
      out.push_back("text:" + content);
    } else if (c->type == XML_COMMENT_NODE) {
      out.push_back("comment");
    } else if (c->type == XML_CDATA_SECTION_NODE) {
      out.push_back("cdata:" + content);
    } else {
      out.push_back("other");
    }
  }
  return out;
}

xmlNode* attribute_value(const xmlNode* root, std::string_view name) {
  for (xmlNode* a : core::descendants_named(root, n::ns_assertion, "Attribute")) {
    if (core::attribute(a, "Name") == name) {
      return core::child_named(a, n::ns_assertion, "AttributeValue");
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("c14n.text_split puts a comment into the signed NameID; the signature still verifies",
          "[mutator][c14n.text_split]") {
  auto m = test::idp::mutate("c14n.text_split", {{"at", "alex.wilber@contoso"}});
  CHECK(m.differences == Strings{});  // the joined text is the same
  xmlNode* name_id = test::idp::one(m.mutated_doc.root(), "NameID");
  CHECK(child_kinds(name_id) == Strings{"text:alex.wilber@contoso", "comment", "text:.example"});
  CHECK(m.mutated.xml.find("<NameID Format=\"" + std::string(n::nameid_email) +
                           "\">alex.wilber@contoso<!---->.example</NameID>") != std::string::npos);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("c14n.text_split")->expected == core::Reason::account_unknown);
}

TEST_CASE("c14n.text_split with split cdata writes the rest as a CDATA section",
          "[mutator][c14n.text_split]") {
  auto m = test::idp::mutate("c14n.text_split", {{"at", "alex.wilber@contoso"}, {"split", "cdata"}});
  CHECK(m.differences == Strings{});
  CHECK(child_kinds(test::idp::one(m.mutated_doc.root(), "NameID")) ==
        Strings{"text:alex.wilber@contoso", "cdata:.example"});
  CHECK(m.mutated.xml.find("alex.wilber@contoso<![CDATA[.example]]></NameID>") != std::string::npos);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("c14n.text_split splits the email claim or a named attribute value",
          "[mutator][c14n.text_split]") {
  SECTION("email") {
    auto m = test::idp::mutate("c14n.text_split", {{"element", "email"}, {"at", "alex.wilber@"}},
                               {{"signing", "response"}});
    CHECK(m.differences == Strings{});
    CHECK(child_kinds(attribute_value(m.mutated_doc.root(), n::claim_email)) ==
          Strings{"text:alex.wilber@", "comment", "text:contoso.example"});
    CHECK(child_kinds(test::idp::one(m.mutated_doc.root(), "NameID")).size() == 1);
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
  SECTION("attribute by name") {
    auto m = test::idp::mutate("c14n.text_split",
                               {{"element", "attribute"}, {"name", n::claim_surname}, {"at", "Wil"}});
    CHECK(child_kinds(attribute_value(m.mutated_doc.root(), n::claim_surname)) ==
          Strings{"text:Wil", "comment", "text:ber"});
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
}

TEST_CASE("c14n.text_split refuses bad params and text it cannot split", "[mutator][c14n.text_split]") {
  CHECK(test::idp::mutate_error("c14n.text_split", {{"split", "pi"}}).reason == core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("c14n.text_split", {{"element", "issuer"}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("c14n.text_split", {{"element", "attribute"}}).reason ==
        core::Reason::mutator_params_invalid);
  // alex's NameID does not start with the victim's address, and a whole value is not "more".
  CHECK(test::idp::mutate_error("c14n.text_split", {}).reason == core::Reason::mutator_not_applicable);
  CHECK(test::idp::mutate_error("c14n.text_split", {{"at", "alex.wilber@contoso.example"}}).reason ==
        core::Reason::mutator_not_applicable);
}
