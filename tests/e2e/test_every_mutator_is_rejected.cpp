// SPDX-License-Identifier: Apache-2.0
// The completeness check of style §6.7: every mutator in idp_sim's registry, applied to an
// otherwise valid Entra response, is rejected by the reference SP for exactly the reason the
// mutator declares. A fault the SP misses, or catches for the wrong reason, fails CI.
#include "federation.hpp"
#include "samlt/idp/mutator.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("the unmutated response is accepted", "[e2e]") {
  test::Federation federation;
  auto exchange = federation.sign_in();
  INFO(exchange.verdict.detail);
  CHECK(test::reason_id(exchange.verdict) == "accepted");
}

namespace {

nlohmann::json baseline_of(const idp::Mutator& mutator) {
  return mutator.baseline.empty() ? nlohmann::json::object() : nlohmann::json::parse(mutator.baseline);
}

}  // namespace

TEST_CASE("every mutator is rejected with the reason it declares", "[e2e][mutator]") {
  for (const auto& mutator : idp::all_mutators()) {
    DYNAMIC_SECTION(mutator.id) {
      test::Federation federation;
      test::SignIn request;
      request.mutators = {{std::string(mutator.id), nlohmann::json::object()}};
      request.app_overrides = baseline_of(mutator);
      if (!mutator.user.empty()) {
        request.user = std::string(mutator.user);
      }
      auto exchange = federation.sign_in(request);
      INFO("step " << exchange.verdict.step << ": " << exchange.verdict.detail);
      CHECK(test::reason_id(exchange.verdict) == core::id(mutator.expected));
    }
  }
}

TEST_CASE("every mutator is also rejected on an IdP-initiated response", "[e2e][mutator]") {
  for (const auto& mutator : idp::all_mutators()) {
    if (mutator.needs_request) {
      continue;  // about answering a request: an unsolicited response has none to answer
    }
    DYNAMIC_SECTION(mutator.id) {
      test::Federation federation;
      test::SignIn request;
      request.mutators = {{std::string(mutator.id), nlohmann::json::object()}};
      request.app_overrides = baseline_of(mutator);
      if (!mutator.user.empty()) {
        request.user = std::string(mutator.user);
      }
      request.idp_initiated = true;
      auto exchange = federation.sign_in(request);
      INFO("step " << exchange.verdict.step << ": " << exchange.verdict.detail);
      CHECK(test::reason_id(exchange.verdict) == core::id(mutator.expected));
    }
  }
}
