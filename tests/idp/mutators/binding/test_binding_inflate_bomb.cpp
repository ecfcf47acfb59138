// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("binding.inflate_bomb: ~100 KB of raw DEFLATE that inflates to 100 MiB of zeros",
          "[mutator][binding.inflate_bomb]") {
  auto m = test::idp::mutate("binding.inflate_bomb");
  CHECK(m.differences.empty());  // the Response is untouched; only the field changed
  REQUIRE(m.mutated.form.size() == m.base.form.size());
  CHECK(m.mutated.form[1] == m.base.form[1]);  // RelayState
  auto stream = core::base64_decode(m.mutated.form[0].second);
  REQUIRE(stream);
  CHECK(stream->size() > 90 * 1024);
  CHECK(stream->size() < 110 * 1024);
  // A bounded inflater stops at its cap ...
  auto capped = core::inflate_raw(*stream, 2 * 1024 * 1024);
  REQUIRE_FALSE(capped);
  CHECK(capped.error().reason == core::Reason::codec_inflate_too_large);
  // ... an unbounded one gets every byte: 1 + 258 per match, all zero.
  auto inflated = core::inflate_raw(*stream, 200 * 1024 * 1024);
  REQUIRE(inflated);
  CHECK(inflated->size() >= 100 * 1024 * 1024);
  CHECK(inflated->size() < 100 * 1024 * 1024 + 300);
  CHECK(inflated->find_first_not_of('\0') == std::string::npos);
  CHECK(samlt::idp::find_mutator("binding.inflate_bomb")->expected == core::Reason::xml_malformed);
}

TEST_CASE("binding.inflate_bomb: inflated_mb sets the size", "[mutator][binding.inflate_bomb]") {
  auto m = test::idp::mutate("binding.inflate_bomb", {{"inflated_mb", 1}});
  auto inflated = core::inflate_raw(core::base64_decode(m.mutated.form[0].second).value(), 2 * 1024 * 1024);
  REQUIRE(inflated);
  CHECK(inflated->size() == 1 + 258 * (1024 * 1024 / 258 + 1));
  CHECK(test::idp::mutate_error("binding.inflate_bomb", {{"inflated_mb", 0}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("binding.inflate_bomb", {{"inflated_mb", 4097}}).reason ==
        core::Reason::mutator_params_invalid);
}
