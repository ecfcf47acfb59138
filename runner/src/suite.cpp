// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/suite.hpp"

#include "samlt/core/result.hpp"

#include <algorithm>
#include <map>

namespace samlt::runner {
namespace {

void collect(const std::filesystem::path& root, std::vector<std::pair<std::filesystem::path, std::filesystem::path>>& out) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(root, ec)) {
    out.emplace_back(root, root.parent_path().parent_path());
    return;
  }
  if (!std::filesystem::is_directory(root, ec)) {
    throw core::Fatal(root.string() + ": no such scenario file or folder");
  }
  auto it = std::filesystem::recursive_directory_iterator(root, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory() && it->path().filename() == "targets") {
      it.disable_recursion_pending();
    } else if (it->is_regular_file() && it->path().extension() == ".json") {
      out.emplace_back(it->path(), root);
    }
  }
  if (ec) {
    throw core::Fatal(root.string() + ": cannot list: " + ec.message());
  }
}

}  // namespace

std::vector<Scenario> load_scenarios(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files;
  for (const auto& path : paths) {
    collect(path, files);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              files.end());
  std::vector<Scenario> scenarios;
  std::map<std::string, std::filesystem::path> seen;
  for (const auto& [file, root] : files) {
    for (Scenario& scenario : load_scenario_file(file, root)) {
      if (auto [at, fresh] = seen.emplace(scenario.id, file); !fresh) {
        throw core::Fatal(file.string() + ": /id: an id not already used by " + at->second.string());
      }
      scenarios.push_back(std::move(scenario));
    }
  }
  std::sort(scenarios.begin(), scenarios.end(), [](const Scenario& a, const Scenario& b) { return a.id < b.id; });
  return scenarios;
}

std::vector<Scenario> filter_by_tags(std::vector<Scenario> scenarios, const std::vector<std::string>& tags) {
  if (tags.empty()) {
    return scenarios;
  }
  // A tag selects scenarios carrying it, and suites whose folder path has it as a part
  // ("security" and "xsw" both select security/xsw).
  auto in_suite = [](const std::string& suite, const std::string& tag) {
    for (const auto& part : std::filesystem::path(suite)) {
      if (part == tag) {
        return true;
      }
    }
    return false;
  };
  std::erase_if(scenarios, [&](const Scenario& s) {
    return std::none_of(tags.begin(), tags.end(), [&](const std::string& tag) {
      return in_suite(s.suite, tag) || std::find(s.tags.begin(), s.tags.end(), tag) != s.tags.end();
    });
  });
  return scenarios;
}

std::vector<Scenario> select_by_id(std::vector<Scenario> scenarios, const std::vector<std::string>& only,
                                   const std::vector<std::string>& exclude) {
  auto names = [](const std::string& name, const Scenario& s) {
    return s.id == name || (s.id.size() > name.size() && s.id.compare(0, name.size(), name) == 0 &&
                            (name.back() == '/' || s.id[name.size()] == '/'));
  };
  auto check = [&](const std::vector<std::string>& list, const char* option) {
    for (const auto& name : list) {
      if (std::none_of(scenarios.begin(), scenarios.end(), [&](const Scenario& s) { return names(name, s); })) {
        throw core::Fatal(std::string(option) + ": no scenario has the id '" + name +
                          "' (a scenario id, or its prefix up to a '/')");
      }
    }
  };
  check(only, "--only");
  check(exclude, "--exclude");
  auto named_by = [&](const std::vector<std::string>& list, const Scenario& s) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& name) { return names(name, s); });
  };
  std::erase_if(scenarios, [&](const Scenario& s) {
    return (!only.empty() && !named_by(only, s)) || named_by(exclude, s);
  });
  return scenarios;
}

std::vector<Scenario> select_shard(std::vector<Scenario> scenarios, int index, int count) {
  std::vector<Scenario> out;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(count)) == index - 1) {
      out.push_back(std::move(scenarios[i]));
    }
  }
  return out;
}

}  // namespace samlt::runner
