// SPDX-License-Identifier: Apache-2.0
// `idp_sim mint`: N unique pre-signed IdP-initiated Responses, split into one payload per worker of
// Artillery (https://www.artillery.io/docs), each with its script. Facts it respects: Artillery
// reads a CSV payload in random order unless told `order: sequence`, and every worker reads the
// whole payload it is given, so each worker gets a file of its own, or all of them would post the
// same Responses and all but the first would be replays.
#include "samlt/runner/load_command.hpp"

#include "load/load_options.hpp"
#include "load/load_setup.hpp"
#include "load/premint.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"

#include <Poco/URI.h>

#include <cmath>
#include <thread>

namespace samlt::runner {
namespace {

struct MintOptions {
  load::SetupOptions setup;
  std::size_t count = 0;
  std::filesystem::path out;
  int workers = 1;
  double rate = 50;  // arrivals per second per worker in the scripts
  bool help = false;
};

std::string mint_usage() {
  return "usage: idp_sim mint --target FILE --count N --out DIR [--workers W] [--rate R]\n"
         "                    [--scenario FILE] [--users a@x,b@y] [--allow-remote]\n"
         "  Pre-signs N unique IdP-initiated Responses for the SP the target file describes (each its own\n"
         "  IDs and times, and with --users its own user) and writes them as the payload of Artillery, a\n"
         "  distributed load tool: DIR/payload-K.csv and DIR/artillery-K.yml for each worker K of W (default 1),\n"
         "  every Response in exactly one payload, read in sequence, so that no two workers post the same one.\n"
         "  Each script posts its payload to the ACS once, R arrivals per second (default 50):\n"
         "    artillery run --output report-K.json DIR/artillery-K.yml   (one worker per machine or process)\n"
         "  The Responses are valid for an hour from now (entra-spec §1.4). At most 50,000; loopback targets\n"
         "  only, unless --allow-remote.\n";
}

MintOptions parse_mint_options(const std::vector<std::string>& args) {
  MintOptions options;
  options.setup.flow = Flow::idp_initiated;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) {
        throw core::Fatal(arg + ": expected a value");
      }
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--target") {
      options.setup.target = value();
    } else if (arg == "--count") {
      options.count = static_cast<std::size_t>(load::to_int(value(), arg, 1, static_cast<int>(load::k_max_minted)));
    } else if (arg == "--out") {
      options.out = value();
    } else if (arg == "--workers") {
      options.workers = load::to_int(value(), arg, 1, 256);
    } else if (arg == "--rate") {
      options.rate = load::to_number(value(), arg, 0.1, load::k_max_rate);
    } else if (arg == "--scenario") {
      options.setup.scenario = value();
    } else if (arg == "--users") {
      options.setup.users = load::split_list(value());
    } else if (arg == "--allow-remote") {
      options.setup.allow_remote = true;
    } else {
      throw core::Fatal("unknown option '" + arg + "' (idp_sim mint --help)");
    }
  }
  if (options.help) {
    return options;
  }
  if (options.setup.target.empty() || options.count == 0 || options.out.empty()) {
    throw core::Fatal(std::string(options.setup.target.empty() ? "--target" : options.count == 0 ? "--count" : "--out") +
                      ": required");
  }
  if (static_cast<std::size_t>(options.workers) > options.count) {
    throw core::Fatal("--workers: at most --count (" + std::to_string(options.count) + "), so that every worker posts one");
  }
  return options;
}

// One worker's Artillery script: its own payload, read in sequence, each row posted once.
std::string artillery_script(const std::string& origin, const std::string& acs_path, const std::string& payload,
                             std::size_t rows, double rate, int worker, int workers, const std::string& target,
                             const std::string& signed_at, bool relay_states) {
  double duration = std::max(1.0, std::ceil(static_cast<double>(rows) / rate));
  return "# Written by idp_sim mint: worker " + std::to_string(worker) + " of " + std::to_string(workers) + ", " +
         std::to_string(rows) + " pre-signed IdP-initiated Responses for " + target + ",\n"
         "# signed at " + signed_at + " and valid for an hour. Every Response is accepted once: run this\n"
         "# script once (artillery run --output report.json " + "artillery-" + std::to_string(worker) + ".yml).\n"
         "config:\n"
         "  target: \"" + origin + "\"\n"
         "  phases:\n"
         "    - duration: " + std::to_string(static_cast<long long>(duration)) + "\n"
         "      arrivalCount: " + std::to_string(rows) + "\n"
         "  payload:\n"
         "    path: \"" + payload + "\"\n"
         "    fields: [\"SAMLResponse\"" + std::string(relay_states ? ", \"RelayState\"" : "") + "]\n"
         "    order: sequence\n"
         "    skipHeader: true\n"
         "scenarios:\n"
         "  - name: \"post a pre-signed Response to the ACS\"\n"
         "    flow:\n"
         "      - post:\n"
         "          url: \"" + acs_path + "\"\n"
         "          headers:\n"
         "            Accept: \"application/json\"\n"
         "          form:\n"
         "            SAMLResponse: \"{{ SAMLResponse }}\"\n" +
         std::string(relay_states ? "            RelayState: \"{{ RelayState }}\"\n" : "");
}

}  // namespace

int mint_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
  try {
    MintOptions options = parse_mint_options(args);
    if (options.help) {
      std::fputs(mint_usage().c_str(), out);
      return 0;
    }
    load::LoadSetup setup = load::prepare_load(options.setup);
    core::SystemClock clock;
    load::SignInPlan plan{setup.session.target, *setup.session.idp, setup.session.app_id, setup.flow,
                          setup.scenario,       setup.session.policy, clock, options.setup.timeout_seconds};
    std::string signed_at = core::format_datetime(clock.now());
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    load::Minted minted = load::mint_sign_ins(plan, setup.users, options.count, threads);
    // The RelayState column only when a Response has one: an empty field would still be posted.
    bool relay_states = false;
    for (std::size_t i = 0; i < options.count; ++i) {
      if (!minted.sign_ins[i]) {
        std::fprintf(err, "idp_sim mint: Response %zu could not be signed: %s: %s\n", i + 1,
                     minted.failures[i].reason.c_str(), minted.failures[i].detail.c_str());
        return 2;
      }
      relay_states = relay_states || !core::form_values(minted.sign_ins[i]->form, "RelayState").empty();
    }
    std::vector<std::string> payloads(static_cast<std::size_t>(options.workers),
                                      relay_states ? "SAMLResponse,RelayState\n" : "SAMLResponse\n");
    std::vector<std::size_t> rows(static_cast<std::size_t>(options.workers), 0);
    std::string acs_url;
    for (std::size_t i = 0; i < options.count; ++i) {
      const load::PreparedSignIn& prepared = *minted.sign_ins[i];
      acs_url = prepared.acs_url;
      auto responses = core::form_values(prepared.form, "SAMLResponse");
      // base64 has no comma or quote; a RelayState is quoted, its quotes doubled (RFC 4180).
      std::string row = responses.empty() ? std::string() : responses.front();
      if (relay_states) {
        auto relay_state = core::form_values(prepared.form, "RelayState");
        row += ",\"";
        for (char c : relay_state.empty() ? std::string() : relay_state.front()) {
          row += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        row += "\"";
      }
      std::size_t worker = i % static_cast<std::size_t>(options.workers);  // every Response in one payload
      payloads[worker] += row + "\n";
      ++rows[worker];
    }
    std::error_code error;
    std::filesystem::create_directories(options.out, error);
    if (error) {
      throw core::Fatal("--out: cannot create " + options.out.string() + ": " + error.message());
    }
    Poco::URI acs(acs_url);
    std::string origin = acs.getScheme() + "://" + acs.getAuthority();
    std::string path = acs.getPathEtc();
    for (int w = 1; w <= options.workers; ++w) {
      std::string payload = "payload-" + std::to_string(w) + ".csv";
      std::string script = artillery_script(origin, path, payload, rows[static_cast<std::size_t>(w - 1)], options.rate, w,
                                            options.workers, setup.session.target.name, signed_at, relay_states);
      if (auto written = core::write_file_atomic(options.out / payload, payloads[static_cast<std::size_t>(w - 1)]);
          !written) {
        throw core::Fatal(written.error().detail);
      }
      if (auto written = core::write_file_atomic(options.out / ("artillery-" + std::to_string(w) + ".yml"), script);
          !written) {
        throw core::Fatal(written.error().detail);
      }
    }
    std::fprintf(out, "minted %zu Responses for %s in %.1f s: %d worker payload(s) and Artillery scripts in %s\n",
                 options.count, setup.session.target.name.c_str(), minted.seconds, options.workers,
                 options.out.c_str());
    return 0;
  } catch (const core::Fatal& e) {
    std::fprintf(err, "idp_sim mint: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(err, "idp_sim mint: internal error: %s\n", e.what());
    return 2;
  }
}

}  // namespace samlt::runner
