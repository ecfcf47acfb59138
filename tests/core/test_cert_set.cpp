// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/cert_set.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

#include <ctime>

using namespace samlt;
using namespace std::chrono;

namespace {

// `openssl x509 -noout -dates -subject` parsed, as an independent check of the windows.
struct OpensslView {
  core::TimePoint not_before;
  core::TimePoint not_after;
  std::string subject;
};

core::TimePoint parse_openssl_date(const std::string& text) {  // "Nov 22 00:00:00 2029 GMT"
  std::tm tm{};
  REQUIRE(strptime(text.c_str(), "%b %d %H:%M:%S %Y GMT", &tm) != nullptr);
  return time_point_cast<core::Millis>(system_clock::from_time_t(timegm(&tm)));
}

OpensslView openssl_view(const std::filesystem::path& cert) {
  auto result = test::run_command({"openssl", "x509", "-noout", "-dates", "-subject", "-in", cert.string()});
  REQUIRE(result.exit_code == 0);
  OpensslView view;
  std::istringstream lines(result.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("notBefore=", 0) == 0) {
      view.not_before = parse_openssl_date(line.substr(10));
    } else if (line.rfind("notAfter=", 0) == 0) {
      view.not_after = parse_openssl_date(line.substr(9));
    } else if (line.rfind("subject=", 0) == 0) {
      view.subject = line.substr(8);
    }
  }
  return view;
}

}  // namespace

TEST_CASE("the certificate set has every role with the promised windows", "[core][certs]") {
  const auto& set = test::test_cert_set();
  const auto now = test::test_now();
  for (auto role : core::cert_set_roles()) {
    INFO(role);
    REQUIRE(set.find(role) != nullptr);
    REQUIRE(set.credential(role));
  }
  auto view = [&](std::string_view role) { return openssl_view(set.certificate_path(role)); };
  auto signing = view("idp-signing");
  CHECK(signing.subject == "CN = Microsoft Azure Federated SSO Certificate");
  CHECK(signing.not_before <= now);
  CHECK(signing.not_after - signing.not_before >= days(3 * 365));
  CHECK(signing.not_after - signing.not_before <= days(3 * 365 + 1));
  auto expired = view("idp-signing-expired");
  CHECK(expired.not_after < now - days(7));
  auto future = view("idp-signing-not-yet-valid");
  CHECK(future.not_before > now + days(7));
  CHECK(view("idp-rogue").subject == signing.subject);
  CHECK_FALSE(set.credential("idp-rogue")->certificate.same_as(set.credential("idp-signing")->certificate));
  CHECK(view("tls-loopback").subject == "CN = localhost");
}

TEST_CASE("generate_cert_set writes a manifest that load_cert_set reads", "[core][certs]") {
  test::TempDir dir;
  auto generated = core::generate_cert_set(dir.path(), test::test_now());
  REQUIRE(generated);
  auto loaded = core::load_cert_set(dir.path());
  REQUIRE(loaded);
  CHECK(loaded->entries().size() == core::cert_set_roles().size());
  CHECK(loaded->find("sp-encryption")->certificate_file == "sp-encryption.crt");
  CHECK(loaded->credential("idp-signing"));
  auto unknown = loaded->credential("nope");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().reason == core::Reason::config_invalid);
}

TEST_CASE("the expired and not-yet-valid certificates sit exactly 30 days either side of now", "[core][certs]") {
  test::TempDir dir;
  const auto now = floor<seconds>(test::test_now());
  REQUIRE(core::generate_cert_set(dir.path(), now));
  auto expired = openssl_view(dir / "idp-signing-expired.crt");
  CHECK(expired.not_after == now - days(30));
  CHECK(expired.not_after - expired.not_before >= days(3 * 365));
  CHECK(expired.not_after - expired.not_before <= days(3 * 365 + 1));
  auto future = openssl_view(dir / "idp-signing-not-yet-valid.crt");
  CHECK(future.not_before == now + days(30));
  auto signing = openssl_view(dir / "idp-signing.crt");
  CHECK(signing.not_before == now - hours(1));
}

TEST_CASE("load_cert_set reports what is wrong", "[core][certs]") {
  test::TempDir dir;
  auto missing = core::load_cert_set(dir.path());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == core::Reason::io_read_failed);
  REQUIRE(core::write_file_atomic(dir / "manifest.json", R"({"entries":[{"role":"x","key":1}]})"));
  auto bad = core::load_cert_set(dir.path());
  REQUIRE_FALSE(bad);
  CHECK(bad.error().reason == core::Reason::config_invalid);
  CHECK(bad.error().detail.find("/entries/0/key") != std::string::npos);
}
