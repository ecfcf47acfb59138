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

constexpr const char* k_more = "http://www.w3.org/2001/04/xmldsig-more#";

// Algorithm URIs of SignatureMethod, CanonicalizationMethod and the DigestMethod of `signature`.
Strings algorithms(const xmlNode* signature) {
  xmlNode* info = core::child_named(signature, n::ns_dsig, "SignedInfo");
  return {core::attribute(core::child_named(info, n::ns_dsig, "SignatureMethod"), "Algorithm").value_or(""),
          core::attribute(core::child_named(info, n::ns_dsig, "CanonicalizationMethod"), "Algorithm").value_or(""),
          core::attribute(core::descendants_named(info, n::ns_dsig, "DigestMethod").at(0), "Algorithm").value_or("")};
}

xmlNode* assertion_signature(const core::XmlDoc& doc) {
  return core::child_named(test::idp::one(doc.root(), "Assertion"), n::ns_dsig, "Signature");
}

}  // namespace

TEST_CASE("signature.algorithm_set re-signs the Assertion with RSA-MD5 and an MD5 digest (xmlsec1 verifies)",
          "[mutator][signature.algorithm_set]") {
  auto m = test::idp::mutate("signature.algorithm_set");
  CHECK(algorithms(assertion_signature(m.mutated_doc)) ==
        Strings{std::string(k_more) + "rsa-md5", std::string(n::alg_exc_c14n), std::string(k_more) + "md5"});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("signature.algorithm_set")->expected == core::Reason::signature_algorithm_forbidden);
}

TEST_CASE("signature.algorithm_set: modern pairs re-signed, both signatures of B-BOTH kept valid",
          "[mutator][signature.algorithm_set]") {
  struct Pair {
    const char* method;
    const char* digest;
  };
  for (auto pair : {Pair{"rsa-sha512", "sha512"}, Pair{"rsa-sha256", "sha512"}, Pair{"rsa-sha1", "sha1"},
                    Pair{"rsa-sha256", "md5"}}) {
    DYNAMIC_SECTION(pair.method << " + " << pair.digest) {
      auto m = test::idp::mutate("signature.algorithm_set", {{"signature_method", pair.method}, {"digest_method", pair.digest}},
                                 {{"signing", "both"}});
      auto assertion = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
      INFO(assertion.output);
      CHECK(assertion.verified);
      auto response = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
      INFO(response.output);
      CHECK(response.verified);
    }
  }
}

TEST_CASE("signature.algorithm_set without resign only relabels", "[mutator][signature.algorithm_set]") {
  for (std::string which : {"signature_method", "digest_method", "canonicalization_method"}) {
    DYNAMIC_SECTION(which) {
      auto m = test::idp::mutate("signature.algorithm_set", {{which, "bogus"}, {"resign", false}});
      auto found = algorithms(assertion_signature(m.mutated_doc));
      auto base = algorithms(assertion_signature(m.base_doc));
      std::size_t at = which == "signature_method" ? 0 : which == "canonicalization_method" ? 1 : 2;
      for (std::size_t i = 0; i < 3; ++i) {
        CHECK(found[i] == (i == at ? std::string("urn:bogus") : base[i]));
      }
      // The values are the IdP's own: only the label changed.
      CHECK(core::simple_text(core::descendants_named(assertion_signature(m.mutated_doc), n::ns_dsig, "SignatureValue").at(0)) ==
            core::simple_text(core::descendants_named(assertion_signature(m.base_doc), n::ns_dsig, "SignatureValue").at(0)));
    }
  }
  auto xslt = test::idp::mutate("signature.algorithm_set", {{"canonicalization_method", "xslt"}, {"resign", false}});
  CHECK(algorithms(assertion_signature(xslt.mutated_doc))[1] == "http://www.w3.org/TR/1999/REC-xslt-19991116");
}

TEST_CASE("signature.algorithm_set refuses what it cannot do", "[mutator][signature.algorithm_set]") {
  CHECK(test::idp::mutate_error("signature.algorithm_set", {{"signature_method", "rsa-sha3"}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("signature.algorithm_set", {{"signature_method", "bogus"}}).reason ==
        core::Reason::mutator_not_applicable);  // nobody can sign with urn:bogus
  CHECK(test::idp::mutate_error("signature.algorithm_set", {{"target", "response"}}).reason ==
        core::Reason::mutator_not_applicable);
  CHECK(test::idp::mutate_error("signature.algorithm_set", {{"credential", "nobody"}}).reason ==
        core::Reason::mutator_params_invalid);
}
