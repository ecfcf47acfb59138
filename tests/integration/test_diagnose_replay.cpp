// SPDX-License-Identifier: Apache-2.0
// The replay round trip (issue 13): each bundled scenario of the entra/, faults/ and profile/
// suites runs against the real reference SP; its HAR is diagnosed into a scenario
// (--to-scenario's replay_scenario); that scenario runs against the same SP. The new Response has
// the captured one's structure (elements and attributes in order, claim names, formats) and gets
// the same verdict. A result whose posted bytes hold no message anyone can describe (the codec or
// the strict parser refuses them) has no replay, and the test checks that is the only reason.
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/diagnose/diagnosis.hpp"
#include "samlt/diagnose/replay.hpp"
#include "samlt/runner/run_command.hpp"
#include "support/captured_stream.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>

using namespace samlt;

namespace {

constexpr const char* k_app_metadata =
    "/aaaabbbb-0000-cccc-1111-dddd2222eeee/federationmetadata/2007-06/federationmetadata.xml"
    "?appid=00001111-aaaa-2222-bbbb-3333cccc4444";

// The document's shape: each element's name and its attributes' names, in document order, with
// the values that are structure (claim names, formats, algorithms), not data.
std::vector<std::string> shape_of(const std::string& xml) {
  std::vector<std::string> out;
  auto doc = core::parse_strict(xml);
  if (!doc) {
    return {"unparseable: " + doc.error().detail};
  }
  static constexpr std::string_view k_kept[] = {"Name", "NameFormat", "Format", "Algorithm", "Method"};
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* node) {
    std::string line(core::local_name(node));
    for (const xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      std::string name(reinterpret_cast<const char*>(attribute->name));
      line += " @" + name;
      if (std::find(std::begin(k_kept), std::end(k_kept), name) != std::end(k_kept)) {
        line += "=" + core::attribute(node, name).value_or("");
      }
    }
    out.push_back(line);
    for (const xmlNode* child : core::element_children(node)) {
      walk(child);
    }
  };
  walk(doc->root());
  return out;
}

struct Captured {
  std::string outcome;
  std::string reason;
  std::vector<std::string> shape;
};

// The first Response of the result's HAR, as posted.
std::optional<std::string> first_response_xml(const diagnose::Capture& capture) {
  for (const auto& message : capture.messages) {
    if (message.kind == diagnose::MessageKind::response && message.message) {
      return message.message->xml();
    }
  }
  return std::nullopt;
}

nlohmann::json run_suite(const test::FederationServers& servers, const std::filesystem::path& root,
                         const std::filesystem::path& report, const std::string& only) {
  test::CapturedStream out;
  test::CapturedStream err;
  std::vector<std::string> args{root.string(), "--target", servers.write_reference_target().string(), "--report",
                                report.string(), "--quiet"};
  if (!only.empty()) {
    args.insert(args.end(), {"--only", only});
  }
  int status = runner::run_command(args, out.get(), err.get());
  INFO(out.text() << err.text());
  REQUIRE((status == 0 || status == 1));
  return nlohmann::json::parse(*core::read_file(report / "report.json"));
}

}  // namespace

TEST_CASE("diagnose --to-scenario: every entra/, faults/ and profile/ scenario round-trips through a replay",
          "[integration][diagnose]") {
  test::FederationServers servers;
  auto original = run_suite(servers, std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios",
                            servers.dir().path() / "original", "entra,faults,profile");
  diagnose::SpSettings sp;
  REQUIRE(diagnose::apply_sp_metadata(servers.sp_base() + "/saml/metadata", sp));
  // Both of the SP's decryption keys, as its configuration has them (the rollover's second).
  REQUIRE(diagnose::apply_sp_key(test::test_cert_set().key_path("sp-encryption-next").string(), sp));
  REQUIRE(diagnose::apply_sp_key(test::test_cert_set().key_path("sp-encryption").string(), sp));
  diagnose::IdpSettings idp;
  REQUIRE(diagnose::apply_idp_metadata(servers.idp_base() + k_app_metadata, idp));

  auto replays = servers.dir().path() / "replays";
  std::filesystem::create_directories(replays / "replay");
  std::map<std::string, Captured> expected;  // replay id → the original's verdict and shape
  std::map<std::string, std::string> origin;  // replay id → original result id
  std::size_t multi_step = 0;
  std::size_t undescribed = 0;
  for (const auto& scenario : original["scenarios"]) {
    std::string id = scenario["id"];
    INFO(id);
    if (scenario["status"] == "skipped") {
      continue;
    }
    if (scenario["steps"].size() != 1) {
      ++multi_step;  // the replay describes the first Response; its verdict is the first step's
    }
    auto capture = diagnose::read_capture_file((servers.dir().path() / "original" / scenario["har"].get<std::string>()).string());
    REQUIRE(capture);
    auto diagnoses = diagnose::diagnose_capture({*capture}, sp, idp, {});
    std::size_t index = 0;
    while (index < capture->messages.size() && capture->messages[index].kind != diagnose::MessageKind::response) {
      ++index;
    }
    // The first sign-in's verdict: the Response the replay describes is that step's (a scenario
    // may first refresh the SP's metadata).
    const nlohmann::json* sign_in = nullptr;
    for (const auto& candidate : scenario["steps"]) {
      if (sign_in == nullptr && candidate["name"].get<std::string>().rfind("sign_in", 0) == 0) {
        sign_in = &candidate;
      }
    }
    // A probe_oracle scenario has none: its first probe is the Response posted first.
    const auto& step = (sign_in != nullptr ? *sign_in : scenario["steps"][0])["observed"];
    std::string slug = "r" + std::to_string(expected.size());
    auto replay = index < capture->messages.size()
                      ? diagnose::replay_scenario(capture->messages[index], diagnoses[index], "replay/" + slug)
                      : core::Result<diagnose::ReplayScenario>(core::fail(core::Reason::io_read_failed, "no Response"));
    if (!replay) {
      // Only a message no one can describe has no replay: the codec or the strict parser refused
      // what was posted (a fault of the bytes, not of a SAML message), or the SP's own keys can't
      // decrypt its Assertion; and the SP rejected it.
      INFO(replay.error().detail);
      bool undescribable = replay.error().detail.find("the binding codec refuses") != std::string::npos ||
                           replay.error().detail.find("does not parse") != std::string::npos ||
                           replay.error().detail.find("does not decrypt with the SP's keys") != std::string::npos ||
                           replay.error().detail == "no Response";
      CHECK(undescribable);
      CHECK(step["outcome"] != "accept");
      ++undescribed;
      continue;
    }
    REQUIRE(core::write_file_atomic(replays / "replay" / (slug + ".json"), replay->scenario.dump(2)));
    expected["replay/" + slug] = {step["outcome"], step["reason"].is_string() ? step["reason"].get<std::string>() : "",
                                  shape_of(*first_response_xml(*capture))};
    origin["replay/" + slug] = id;
  }
  CHECK(expected.size() >= 70);
  CHECK(undescribed == 3);  // base64-corrupted, doctype, saml-response-duplicated
  CHECK(multi_step > 0);

  auto replayed = run_suite(servers, replays, servers.dir().path() / "replayed", "");
  std::size_t compared = 0;
  for (const auto& scenario : replayed["scenarios"]) {
    std::string id = scenario["scenario_id"];
    INFO(origin[id] << " replayed as " << id << ": "
                    << core::read_file(replays / (id + ".json")).value_or("?"));
    REQUIRE(expected.contains(id));
    const Captured& want = expected[id];
    INFO("the replay's result: " << scenario["status"] << ": " << scenario["message"]);
    const auto& step = scenario["steps"][0]["observed"];
    CHECK(step["outcome"] == want.outcome);
    CHECK(scenario["status"] == "passed");  // the expectation the replay wrote is its verdict
    CHECK((step["reason"].is_string() ? step["reason"].get<std::string>() : "") == want.reason);
    auto capture = diagnose::read_capture_file((servers.dir().path() / "replayed" / scenario["har"].get<std::string>()).string());
    CHECK(capture);
    auto xml = capture ? first_response_xml(*capture) : std::nullopt;
    CHECK(xml);
    if (!xml) {
      continue;
    }
    auto shape = shape_of(*xml);
    std::size_t same = 0;
    while (same < shape.size() && same < want.shape.size() && shape[same] == want.shape[same]) {
      ++same;
    }
    INFO("first difference at element " << same << ": captured '"
                                        << (same < want.shape.size() ? want.shape[same] : "(end)") << "', replayed '"
                                        << (same < shape.size() ? shape[same] : "(end)") << "'");
    CHECK(shape == want.shape);
    ++compared;
  }
  CHECK(compared == expected.size());
  std::printf("replay round trip: %zu results compared, %zu without a describable message\n", compared, undescribed);
}
