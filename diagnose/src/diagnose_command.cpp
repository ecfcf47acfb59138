// SPDX-License-Identifier: Apache-2.0
// idp_sim diagnose: options, inputs, output.
#include "samlt/diagnose/diagnose_command.hpp"

#include "samlt/core/cli_args.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/diagnose/aadsts_advice.hpp"
#include "samlt/diagnose/redaction.hpp"
#include "samlt/diagnose/replay.hpp"
#include "samlt/diagnose/report.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace samlt::diagnose {
namespace {

constexpr const char* k_usage =
    "usage: idp_sim diagnose INPUT... [--sp-config FILE] [--sp-metadata FILE|URL]\n"
    "                        [--idp-metadata FILE|URL] [--entra-app FILE] [--sp-key FILE]\n"
    "                        [--at TIME] [--json] [--html FILE] [--redact]\n"
    "                        [--to-scenario OUT.json [--no-redact]]\n"
    "       idp_sim diagnose --explain AADSTSnnnnn\n"
    "\n"
    "Runs every check of the reference SP on each SAML Response in the inputs and says what to\n"
    "change in Entra or in the SP. An INPUT is a HAR 1.2 file, a SAML-tracer export, a SAMLResponse\n"
    "or SAMLRequest (base64, URL-encoded, the form body or the redirect URL) or raw XML, recognised\n"
    "by content; at most 32 MiB each. Each AuthnRequest is checked as Entra checks it when\n"
    "--entra-app is given.\n"
    "\n"
    "  --sp-config FILE     the reference SP's configuration (entity ID, ACS URL, policy, keys, IdPs)\n"
    "  --sp-metadata SRC    any SP's metadata: entity ID and HTTP-POST ACS URL\n"
    "  --idp-metadata SRC   the IdP's federation metadata (Entra: App Federation Metadata Url);\n"
    "                       without it or an IdP in --sp-config, signatures can't be checked\n"
    "  --entra-app FILE     the Entra tenant and its apps in idp_sim's configuration format (or one\n"
    "                       apps[] entry): the AADSTS error Entra would show for each AuthnRequest\n"
    "  --explain CODE       what an AADSTS code means, its causes and how to confirm each\n"
    "  --sp-key FILE        the SP's private key (PEM), to read an EncryptedAssertion\n"
    "  --at TIME            judge at this UTC time (2026-01-31T09:00:00Z), not the capture's\n"
    "  --json               JSON instead of text\n"
    "  --html FILE          also write the report as one HTML page: the decoded messages with the\n"
    "                       elements at fault marked, and a HAR's timeline\n"
    "  --to-scenario OUT    write a scenario that has idp_sim issue a Response shaped like the\n"
    "                       (first) captured one, with its faults, to replay on your desk; it is\n"
    "                       redacted unless --no-redact\n"
    "  --redact             personal data (emails, names, UPNs, object ids, IP addresses, cookies,\n"
    "                       tokens) replaced by stable placeholders in the output, inside encoded\n"
    "                       messages too\n"
    "\n"
    "Exit: 0 no check failed, 1 some check failed, 2 bad usage or an unreadable input.\n";

// The scenario of the first Response, written whole or not at all; its notes on stderr.
core::Result<void> write_replay(const std::vector<Capture>& captures, const std::vector<MessageDiagnosis>& diagnoses,
                                const std::string& file, Redactor* redactor) {
  std::size_t index = 0;
  for (const Capture& capture : captures) {
    for (const CapturedMessage& message : capture.messages) {
      const MessageDiagnosis& diagnosis = diagnoses[index++];
      if (message.kind != MessageKind::response) {
        continue;
      }
      std::string id = "replay/" + std::filesystem::path(file).stem().string();
      auto replay = replay_scenario(message, diagnosis, id);
      if (!replay) {
        return core::fail(replay.error());
      }
      std::string text = replay->scenario.dump(2) + "\n";
      if (redactor != nullptr) {
        text = redactor->text(text);
      }
      if (auto written = core::write_file_atomic(file, text); !written) {
        return core::fail(written.error().reason, file + ": " + written.error().detail);
      }
      std::cerr << "idp_sim diagnose: wrote " << file << " (run it: idp_sim run " << file << " --target T.json)\n";
      if (redactor != nullptr) {
        std::cerr << "  redacted: the user is a placeholder nobody's SP knows; put a test account of yours in "
                     "/user (or write it again with --no-redact)\n";
      }
      for (const auto& note : replay->notes) {
        std::cerr << "  not kept: " << (redactor != nullptr ? redactor->text(note) : note) << "\n";
      }
      return {};
    }
  }
  return core::fail(core::Reason::io_read_failed, "--to-scenario: the inputs hold no Response to replay");
}

int usage_error(const std::string& why) {
  std::cerr << "idp_sim diagnose: " << why << "\n" << k_usage;
  return 2;
}

int input_error(const core::Error& error) {
  std::cerr << "idp_sim diagnose: " << error.detail << "\n";
  return 2;
}

}  // namespace

int diagnose_command(std::span<const std::string> args) {
  auto parsed = core::cli::parse_args(args,
                                      {"sp-config", "sp-metadata", "idp-metadata", "entra-app", "sp-key", "at",
                                       "explain", "to-scenario", "html"},
                                      {"json", "redact", "no-redact"}, core::cli::Positional::allowed);
  if (parsed.flag("help")) {
    std::cout << k_usage;
    return 0;
  }
  if (!parsed.error.empty()) {
    return usage_error(parsed.error);
  }
  if (auto code = parsed.value("explain")) {
    if (!parsed.positional.empty()) {
      return usage_error("--explain takes no INPUT");
    }
    auto text = explain_aadsts(*code);
    if (!text) {
      return usage_error(text.error().detail);
    }
    std::cout << *text;
    return 0;
  }
  if (parsed.positional.empty()) {
    return usage_error("name at least one INPUT");
  }
  if (parsed.flag("no-redact") && !parsed.value("to-scenario")) {
    return usage_error("--no-redact is for --to-scenario, whose scenario is redacted by default");
  }
  SpSettings sp;
  IdpSettings idp;
  if (auto file = parsed.value("sp-config")) {
    apply_sp_config(*file, sp, idp);
  }
  if (auto source = parsed.value("sp-metadata")) {
    if (auto applied = apply_sp_metadata(*source, sp); !applied) {
      return input_error(applied.error());
    }
  }
  if (auto source = parsed.value("idp-metadata")) {
    if (auto applied = apply_idp_metadata(*source, idp); !applied) {
      return input_error(applied.error());
    }
  }
  DiagnoseOptions options;
  if (auto file = parsed.value("entra-app")) {
    if (auto applied = apply_entra_app(*file, options.entra, idp); !applied) {
      return input_error(applied.error());
    }
  }
  if (auto file = parsed.value("sp-key")) {
    if (auto applied = apply_sp_key(*file, sp); !applied) {
      return input_error(applied.error());
    }
  }
  if (auto at = parsed.value("at")) {
    auto time = core::parse_datetime(*at);
    if (!time) {
      return usage_error("--at: expected a UTC xs:dateTime such as 2026-01-31T09:00:00Z, got '" + *at + "'");
    }
    options.at = *time;
  }
  std::vector<Capture> captures;
  for (const std::string& input : parsed.positional) {
    auto capture = read_capture_file(input);
    if (!capture) {
      return input_error(capture.error());
    }
    captures.push_back(std::move(*capture));
  }
  auto diagnoses = diagnose_capture(captures, std::move(sp), idp, options);
  Redactor redactor(captures);
  if (auto out = parsed.value("to-scenario")) {
    if (auto written = write_replay(captures, diagnoses, *out, parsed.flag("no-redact") ? nullptr : &redactor);
        !written) {
      return input_error(written.error());
    }
  }
  if (parsed.flag("redact")) {
    redactor.diagnoses(diagnoses);
  }
  if (auto file = parsed.value("html")) {
    if (auto written = core::write_file_atomic(*file, html_report(diagnoses)); !written) {
      return input_error(core::Error{written.error().reason, *file + ": " + written.error().detail});
    }
  }
  if (parsed.flag("json")) {
    std::cout << json_report(diagnoses);
  } else {
    std::cout << text_report(diagnoses, isatty(STDOUT_FILENO) != 0 ? Colour::on : Colour::off);
  }
  return any_failed(diagnoses) ? 1 : 0;
}

}  // namespace samlt::diagnose
