// SPDX-License-Identifier: Apache-2.0
// `idp_sim mutators`: the fault table, for people (text) and scripts (--json).
#include "samlt/core/cli_args.hpp"
#include "samlt/idp/cli.hpp"
#include "samlt/idp/mutator.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <vector>

namespace samlt::idp {

int mutators_command(std::span<const std::string> args) {
  constexpr std::string_view k_usage =
      "usage: idp_sim mutators [--json]\n"
      "  Lists every fault mutator by attack-catalogue section (docs/attack-catalogue.tsv): id,\n"
      "  stage, the attacker's capability, the reason a strict SP must give, summary.\n";
  auto parsed = core::cli::parse_args(args, {}, {"json"});
  if (parsed.flag("help")) {
    std::cout << k_usage;
    return 0;
  }
  if (!parsed.error.empty()) {
    std::cerr << "idp_sim mutators: " << parsed.error << "\n" << k_usage;
    return 2;
  }
  if (parsed.flag("json")) {
    std::cout << mutators_json().dump(2) << "\n";
    return 0;
  }
  std::size_t id_width = 0;
  std::size_t reason_width = 0;
  for (const auto& m : all_mutators()) {
    id_width = std::max(id_width, m.id.size());
    reason_width = std::max(reason_width, core::id(m.expected).size());
  }
  std::vector<const Mutator*> sorted;
  for (const auto& m : all_mutators()) {
    sorted.push_back(&m);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->section < b->section; });
  int section = -1;
  for (const Mutator* m : sorted) {
    if (m->section != section) {
      section = m->section;
      std::cout << (section == 0 ? "" : "\n") << (section == 0 ? std::string() : "§" + std::to_string(section) + " ")
                << section_title(section) << "\n";
    }
    std::cout << "  " << std::left << std::setw(static_cast<int>(id_width + 2)) << m->id << std::setw(13)
              << stage_name(m->stage) << std::setw(10) << capability_name(m->capability)
              << std::setw(static_cast<int>(reason_width + 2)) << core::id(m->expected) << m->summary << "\n";
  }
  return 0;
}

}  // namespace samlt::idp
