// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

std::size_t body_bytes(const samlt::idp::PipelineOutput& out) { return core::encode_form(out.form).size(); }

}  // namespace

TEST_CASE("binding.body_oversized pads the Response after its Issuer; the Assertion signature still verifies",
          "[mutator][binding.body_oversized]") {
  auto m = test::idp::mutate("binding.body_oversized", {{"size_mb", 1}});
  // Only the Response gained a child: the Assertion is byte-for-byte the signed one.
  CHECK(test::idp::differences(test::idp::one(m.base_doc.root(), "Assertion"),
                               test::idp::one(m.mutated_doc.root(), "Assertion")) == Strings{});
  auto children = test::idp::child_names(m.mutated_doc.root());
  CHECK(children == Strings{"Issuer", "Extensions", "Status", "Assertion"});
  xmlNode* extensions = core::child_named(m.mutated_doc.root(), n::ns_protocol, "Extensions");
  REQUIRE(extensions != nullptr);
  for (xmlNode* pad : core::element_children(extensions)) {
    CHECK(core::namespace_uri(pad) == "urn:samlt:pad");
  }
  // About size_mb MiB of form body: base64 makes 4 characters of 3 bytes.
  CHECK(body_bytes(m.mutated) >= 1024 * 1024);
  CHECK(body_bytes(m.mutated) < 1024 * 1024 * 103 / 100);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(samlt::idp::find_mutator("binding.body_oversized")->expected == core::Reason::binding_too_large);
}

TEST_CASE("binding.body_oversized: the default is a 5 MiB body in 1 MiB padding elements",
          "[mutator][binding.body_oversized]") {
  auto raw = test::idp::mutate_raw({{"binding.body_oversized", nlohmann::json::object()}});
  const auto* out = &raw.mutated;
  CHECK(body_bytes(*out) >= 5 * 1024 * 1024);
  CHECK(body_bytes(*out) < 5 * 1024 * 1024 * 103 / 100);
  std::size_t pads = 0;
  for (auto at = out->xml.find("<x:pad "); at != std::string::npos; at = out->xml.find("<x:pad ", at + 1)) {
    ++pads;
  }
  CHECK(pads == 4);  // 3.75 MiB of XML
  auto oracle = test::idp::xmlsec1_verifies(out->xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("binding.body_oversized: size_mb is 1 to 512", "[mutator][binding.body_oversized]") {
  for (const auto& params : {nlohmann::json{{"size_mb", 0}}, nlohmann::json{{"size_mb", 513}},
                             nlohmann::json{{"size_mb", "5"}}}) {
    INFO(params.dump());
    CHECK(test::idp::mutate_error("binding.body_oversized", params).reason == core::Reason::mutator_params_invalid);
  }
}
