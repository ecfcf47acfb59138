// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

constexpr std::string_view k_ns_exc = "http://www.w3.org/2001/10/xml-exc-c14n#";

// The PrefixList of every InclusiveNamespaces in `signature`.
std::vector<std::string> prefix_lists(const xmlNode* signature) {
  std::vector<std::string> out;
  for (xmlNode* inclusive : core::descendants_named(signature, k_ns_exc, "InclusiveNamespaces")) {
    out.push_back(core::attribute(inclusive, "PrefixList").value_or("(none)"));
  }
  return out;
}

}  // namespace

TEST_CASE("signature.inclusive_namespaces types the AttributeValues and names xs/xsi in both "
          "PrefixLists; without resign the digest breaks",
          "[mutator][signature.inclusive_namespaces]") {
  auto m = test::idp::mutate("signature.inclusive_namespaces");
  xmlNode* root = m.mutated_doc.root();
  CHECK(m.mutated.xml.find("xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"") != std::string::npos);
  for (xmlNode* value : core::descendants_named(root, n::ns_assertion, "AttributeValue")) {
    xmlChar* type = xmlGetNsProp(value, BAD_CAST "type", BAD_CAST n::ns_xsi.data());
    REQUIRE(type != nullptr);
    CHECK(std::string(reinterpret_cast<char*>(type)) == "xs:string");
    xmlFree(type);
  }
  xmlNode* signature = core::child_named(test::idp::one(root, "Assertion"), n::ns_dsig, "Signature");
  CHECK(prefix_lists(signature) == std::vector<std::string>{"xs xsi", "xs xsi"});
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature()).verified);
  CHECK(idp::find_mutator("signature.inclusive_namespaces")->expected == core::Reason::signature_digest_mismatch);
}

TEST_CASE("signature.inclusive_namespaces with resign: both signatures verify (xmlsec1)",
          "[mutator][signature.inclusive_namespaces]") {
  for (std::string signing : {"assertion", "both"}) {
    DYNAMIC_SECTION(signing) {
      auto m = test::idp::mutate("signature.inclusive_namespaces", {{"resign", true}}, {{"signing", signing}});
      auto assertion = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
      INFO(assertion.output);
      CHECK(assertion.verified);
      if (signing == "both") {
        auto response = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
        INFO(response.output);
        CHECK(response.verified);
        CHECK(prefix_lists(core::child_named(m.mutated_doc.root(), n::ns_dsig, "Signature")).size() == 2);
      }
    }
  }
  CHECK(test::idp::mutate_error("signature.inclusive_namespaces", {{"resign", "yes"}}).reason ==
        core::Reason::mutator_params_invalid);
}
