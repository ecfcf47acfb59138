// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/fs.hpp"
#include "samlt/core/random.hpp"

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sys/stat.h>

using namespace samlt;

TEST_CASE("write_file_atomic and read_file", "[core][fs]") {
  test::TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "a.txt", "first"));
  REQUIRE(core::write_file_atomic(dir / "a.txt", "second", 0600));
  CHECK(core::read_file(dir / "a.txt") == "second");
  struct stat info {};
  REQUIRE(::stat((dir / "a.txt").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  // No temporary file is left beside it.
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);

  auto missing = core::read_file(dir / "missing.txt");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == core::Reason::io_read_failed);
  auto unwritable = core::write_file_atomic(dir / "no-such-dir" / "a.txt", "x");
  REQUIRE_FALSE(unwritable);
  CHECK(unwritable.error().reason == core::Reason::io_write_failed);
}

TEST_CASE("identifiers have Entra's shapes", "[core][random]") {
  const std::regex guid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  CHECK(std::regex_match(core::new_guid(), guid));
  std::string id = core::new_saml_id();
  CHECK(id[0] == '_');
  CHECK(std::regex_match(id.substr(1), guid));
  std::string assertion = core::new_assertion_id();
  CHECK(assertion.substr(assertion.size() - 2) == "00");
  CHECK(core::new_guid() != core::new_guid());
  CHECK(core::to_hex(std::string("\x01\xab", 2)) == "01ab");
  CHECK(core::random_bytes(32).size() == 32);
}
