// SPDX-License-Identifier: Apache-2.0
// `idp_sim load` against the real reference SP on loopback, in both flows: every sign-in unique,
// freshly signed and accepted (a repeated Assertion ID would meet the SP's replay cache), the SP's
// memory sampled by its pid.
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/runner/load_command.hpp"
#include "support/captured_stream.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace samlt;

TEST_CASE("load: sign-ins against the reference SP are each accepted once, in both flows", "[integration][load]") {
  test::FederationServers servers;
  auto target = servers.write_reference_target();
  for (const std::string flow : {"sp_initiated", "idp_initiated"}) {
    DYNAMIC_SECTION(flow) {
      auto report_dir = servers.dir() / ("load-" + flow);
      test::CapturedStream out;
      int code = runner::load_command({"--target", target.string(), "--rate", "40", "--duration", "2", "--flow", flow,
                                       "--sp-pid", std::to_string(servers.sp_pid()), "--report", report_dir.string(),
                                       "--quiet"},
                                      out.get(), out.get());
      INFO(out.text());
      REQUIRE(code == 0);
      auto report = nlohmann::json::parse(*core::read_file(report_dir / "load.json"));
      CHECK(report["counts"]["accepted"] == 80);
      CHECK(report["counts"]["unexpected"] == 0);
      CHECK(report["achieved_rate"].get<double>() == Approx(40).epsilon(0.05));
      CHECK(report["sp"]["rss_peak_kb"].get<long>() > 0);
      CHECK(report["latency"]["acs"]["count"] == 80);
      CHECK(report["latency"]["login"]["count"] == (flow == "sp_initiated" ? 80 : 0));
      auto html = core::read_file(report_dir / "load.html");
      REQUIRE(html);
      CHECK(html->find("<svg") != std::string::npos);
      CHECK(html->find("<script") == std::string::npos);
    }
  }
}
