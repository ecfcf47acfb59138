// SPDX-License-Identifier: Apache-2.0
#include "interop_sp.hpp"

#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/test_certs.hpp"

#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

namespace samlt::test::interop {
namespace {

std::string read(const std::filesystem::path& file) {
  auto text = core::read_file(file);
  INFO(file.string());
  REQUIRE(text);
  return *text;
}

void write(const std::filesystem::path& file, const std::string& text) {
  auto written = core::write_file_atomic(file, text);
  INFO(file.string());
  REQUIRE(written);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The example target of this stack with its example port replaced by `port`.
nlohmann::json example_target(const std::string& example, int port) {
  auto file = std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios/targets/examples" / example;
  std::string text = read(file);
  auto json = nlohmann::json::parse(text);
  std::smatch match;
  std::string acs = json.value("acs_url", "");
  INFO(file.string() << ": acs_url " << acs);
  REQUIRE(std::regex_search(acs, match, std::regex(R"(^http://127\.0\.0\.1:(\d+)/)")));
  return nlohmann::json::parse(replace_all(text, "127.0.0.1:" + match[1].str(), "127.0.0.1:" + std::to_string(port)));
}

// The example describes the SP as its start script runs it: the same URLs, capabilities, signals
// and policy as the DIR/target.json the script wrote (descriptions and the IdP config aside).
void check_example_matches(const nlohmann::json& example, const nlohmann::json& written, const std::string& name) {
  for (const char* key :
       {"entity_id", "acs_url", "login_url", "metadata_url", "capabilities", "signals", "policy", "reason_pattern"}) {
    INFO("scenarios/targets/examples/" << name << " /" << key << " differs from what the start script wrote: "
                                       << example.value(key, nlohmann::json()).dump() << " vs "
                                       << written.value(key, nlohmann::json()).dump());
    CHECK(example.value(key, nlohmann::json()) == written.value(key, nlohmann::json()));
  }
}

std::vector<int> read_pids(const std::filesystem::path& file) {
  std::vector<int> pids;
  std::ifstream in(file);
  for (int pid = 0; in >> pid;) {
    pids.push_back(pid);
  }
  return pids;
}

}  // namespace

std::filesystem::path interop_dir() { return std::filesystem::path(SAMLT_SOURCE_DIR) / "tests/interop"; }

InteropSp::InteropSp(std::string impl, std::string example, const std::filesystem::path& dir)
    : m_impl(std::move(impl)), m_dir(dir / "sp") {
  int port = free_loopback_port();
  m_base_url = "http://127.0.0.1:" + std::to_string(port);

  auto idp = nlohmann::json::parse(read(std::filesystem::path(SAMLT_SOURCE_DIR) / "idp_sim/config/default.json"));
  idp["cert_set"] = test_cert_set().dir().string();
  auto idp_config = dir / "idp.json";
  write(idp_config, idp.dump(2));

  // The IdP metadata does not depend on the SP's own metadata, but the runner reads metadata_url
  // when it loads a target, and this SP cannot start before it has the IdP metadata: the example
  // target without metadata_url names the app (entity ID, ACS) the metadata is written for.
  auto example_json = example_target(example, port);
  auto stub = example_json;
  stub.erase("metadata_url");
  stub["idp"] = {{"config", idp_config.string()}};
  auto stub_file = dir / "idp-metadata-target.json";
  write(stub_file, stub.dump(2));
  auto metadata = dir / "idp-metadata.xml";
  auto wrote = run_command(
      {SAMLT_IDP_SIM_EXE, "run", "--target", stub_file.string(), "--write-idp-metadata", metadata.string()});
  INFO(wrote.output);
  REQUIRE(wrote.exit_code == 0);

  auto started = run_command({(interop_dir() / m_impl / "start").string(), "--port", std::to_string(port),
                              "--idp-metadata", metadata.string(), "--workdir", m_dir.string(), "--idp-config",
                              idp_config.string()});
  INFO(m_impl << " did not start (exit " << started.exit_code << "); CI installs its Debian packages with "
              << "./harness setup:\n"
              << started.output);
  m_started = std::filesystem::exists(m_dir / "pids");
  // A constructor that throws runs no destructor: stop what started before failing.
  try {
    REQUIRE(started.exit_code == 0);
    REQUIRE(started.output.find("ready " + m_base_url) != std::string::npos);
    check_example_matches(example_json, nlohmann::json::parse(read(target())), example);
  } catch (...) {
    stop();
    throw;
  }
}

InteropSp::~InteropSp() { stop(); }

std::vector<int> InteropSp::exited_processes() const {
  std::vector<int> exited;
  for (int pid : read_pids(m_dir / "pids")) {
    // A process that died but is not yet reaped is a zombie: state 'Z' in /proc/PID/stat.
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto close = text.rfind(')');
    if (!stat || close == std::string::npos || text.compare(close, 3, ") Z") == 0) {
      exited.push_back(pid);
    }
  }
  return exited;
}

void InteropSp::stop() {
  if (!m_started) {
    return;
  }
  m_started = false;
  auto pids_file = m_dir / "pids";
  auto pids = read_pids(pids_file);
  auto stopped = run_command({(interop_dir() / m_impl / "stop").string(), "--workdir", m_dir.string()});
  if (stopped.exit_code != 0) {
    std::fprintf(stderr, "interop: %s/stop failed (%s); killing its processes\n", m_impl.c_str(),
                 stopped.output.c_str());
    // Each started process leads its own process group (its workers are in it): only those.
    for (int pid : pids) {
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
    }
  }
}

std::string InteropSp::certificate_base64() const {
  std::string pem = read(m_dir / "sp.crt");
  std::string out;
  std::istringstream lines(pem);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("-----", 0) != 0) {
      out += line;
    }
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return c == '\r' || c == ' '; }), out.end());
  return out;
}

std::string read_logs(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (const auto& file : files) {
    auto text = core::read_file(file);
    out += "==> " + file.filename().string() + " <==\n" + (text ? *text : std::string()) + "\n";
  }
  return out;
}

}  // namespace samlt::test::interop
