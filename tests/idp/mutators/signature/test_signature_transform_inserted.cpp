// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

namespace {

std::vector<std::string> algorithms(const xmlNode* signature) {
  std::vector<std::string> out;
  for (xmlNode* t : core::descendants_named(signature, n::ns_dsig, "Transform")) {
    out.push_back(core::attribute(t, "Algorithm").value_or(""));
  }
  return out;
}

const std::string k_enveloped(n::alg_enveloped);
const std::string k_exc(n::alg_exc_c14n);
const std::string k_xpath = "http://www.w3.org/TR/1999/REC-xpath-19991116";

}  // namespace

TEST_CASE("signature.transform_inserted: transforms outside the profile (SIG-XFORM-XSLT, -XPATH, -EXTRA)",
          "[mutator][signature.transform_inserted]") {
  struct Case {
    std::string transform;
    std::vector<std::string> algorithms;
    bool verifies;  // re-signed with the IdP key: xmlsec1 (every transform enabled) verifies it
  };
  auto c = GENERATE(values<Case>({
      {"xslt", {"http://www.w3.org/TR/1999/REC-xslt-19991116", k_enveloped, k_exc}, false},
      {"xslt_without_algorithm", {"", k_enveloped, k_exc}, false},
      {"xpath_exclude_subject", {k_enveloped, k_xpath, k_exc}, true},
      {"xpath_costly", {k_enveloped, k_xpath, k_exc}, false},
      {"third_exc_c14n", {k_enveloped, k_exc, k_exc}, true},
      {"base64", {k_enveloped, k_exc, "http://www.w3.org/2000/09/xmldsig#base64"}, false},
      {"c14n11", {k_enveloped, "http://www.w3.org/2006/12/xml-c14n11"}, true},
      {"xpath_filter2", {k_enveloped, "http://www.w3.org/2002/06/xmldsig-filter2", k_exc}, true},
      {"inclusive_namespaces_wrong_ns", {k_enveloped, k_exc}, false},
  }));
  INFO(c.transform);
  auto m = test::idp::mutate("signature.transform_inserted", {{"transform", c.transform}});
  xmlNode* assertion = assertion_of(m.mutated_doc.root());
  xmlNode* signature = signature_of(assertion);
  CHECK(algorithms(signature) == c.algorithms);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified == c.verifies);
  if (c.transform == "xpath_exclude_subject" || c.transform == "xpath_filter2") {
    CHECK(name_id_of(assertion) == k_victim);  // forged after signing, outside the digest
  }
  if (c.transform.rfind("xslt", 0) == 0) {
    auto sheet = core::descendants_named(signature, "http://www.w3.org/1999/XSL/Transform", "value-of");
    REQUIRE(sheet.size() == 1);
    CHECK(core::attribute(sheet[0], "select")->find("canary") != std::string::npos);
  }
  if (c.transform == "inclusive_namespaces_wrong_ns") {
    CHECK(core::descendants_named(signature, "urn:samlt:not-exc-c14n", "InclusiveNamespaces").size() == 1);
  }
}
