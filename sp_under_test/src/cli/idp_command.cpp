// SPDX-License-Identifier: Apache-2.0
// `sp_under_test idp import|list|enable|disable|remove|refresh`: the trust store from the shell.
#include "samlt/sp/commands.hpp"

#include "cli/args.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/sp/metadata_fetch.hpp"
#include "samlt/sp/service_provider.hpp"

#include <iostream>

namespace samlt::sp::cli {
namespace {

constexpr const char* k_idp_usage = R"(usage: sp_under_test idp import --name NAME (--file METADATA.xml | --url URL) [--config FILE] [--db FILE]
       sp_under_test idp list [--config FILE] [--db FILE]
       sp_under_test idp enable|disable|remove|refresh NAME [--config FILE] [--db FILE]

Manages the registered IdPs in the SP's database (the server need not be stopped).
)";

int report_failure(const core::Error& error) {
  std::cerr << "sp_under_test: " << core::id(error.reason) << ": " << error.detail << "\n";
  return 1;
}

}  // namespace

int idp_command(const std::vector<std::string>& arguments) {
  Args args(arguments, {"--config", "--db", "--name", "--file", "--url"}, {});
  const auto& words = args.positional();
  if (args.help() || words.empty()) {
    std::cout << k_idp_usage;
    return args.help() ? 0 : 2;
  }
  SpConfig config = load_sp_config(config_path(args));
  std::string db = args.value("--db").value_or(config.database.string());
  auto store = Store::open(db, config.database_durability);
  if (!store) {
    throw core::Fatal("--db: " + store.error().detail);
  }
  core::SystemClock clock;
  ServiceProvider sp(config, std::move(*store), clock, null_log_sink());
  const std::string& action = words[0];
  if (action == "list") {
    auto idps = sp.list_idps();
    if (!idps) {
      return report_failure(idps.error());
    }
    for (const auto& idp : *idps) {
      std::cout << idp.name << "\t" << (idp.enabled ? "enabled" : "disabled") << "\t" << idp.entity_id << "\t"
                << idp.sso_url << "\t" << idp.certificates_pem.size() << " certificate(s)\n";
    }
    return 0;
  }
  if (action == "import") {
    auto name = args.value("--name");
    auto file = args.value("--file");
    auto url = args.value("--url");
    if (!name || file.has_value() == url.has_value()) {
      throw core::Fatal("idp import: expected --name NAME and exactly one of --file or --url");
    }
    auto xml = file ? core::read_file(*file) : fetch_metadata(*url);
    if (!xml) {
      return report_failure(xml.error());
    }
    auto idp = sp.register_idp_from_metadata(*name, *xml, url.value_or(""));
    if (!idp) {
      return report_failure(idp.error());
    }
    std::cout << "registered " << idp->name << ": " << idp->entity_id << " (" << idp->signing_certificates.size()
              << " signing certificate(s))\n";
    return 0;
  }
  if (words.size() != 2) {
    throw core::Fatal("idp " + action + ": expected one IdP name");
  }
  core::Result<void> done = core::fail(core::Reason::config_invalid, "");
  if (action == "enable" || action == "disable") {
    done = sp.set_idp_enabled(words[1], action == "enable");
  } else if (action == "remove") {
    done = sp.remove_idp(words[1]);
  } else if (action == "refresh") {
    auto idp = sp.refresh_idp(words[1]);
    done = idp ? core::Result<void>() : core::Result<void>(core::fail(idp.error()));
  } else {
    throw core::Fatal("idp " + action + ": unknown action (import, list, enable, disable, remove, refresh)");
  }
  if (!done) {
    return report_failure(done.error());
  }
  std::cout << action << " " << words[1] << ": done\n";
  return 0;
}

std::string usage() {
  return "usage: sp_under_test serve [--config FILE] [--host HOST] [--port N] [--db FILE]\n"
         "       sp_under_test idp import|list|enable|disable|remove|refresh ... (see idp --help)\n"
         "       sp_under_test --help\n";
}

}  // namespace samlt::sp::cli
