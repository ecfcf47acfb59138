// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/cli_args.hpp"

namespace samlt::core::cli {

Args parse_args(std::span<const std::string> args, const std::set<std::string>& with_value,
                const std::set<std::string>& booleans, Positional positional) {
  Args out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string word = args[i];
    if (word.rfind("--", 0) != 0 && positional == Positional::allowed) {
      out.positional.push_back(word);
      continue;
    }
    if (word.rfind("--", 0) != 0) {
      out.error = "unexpected argument '" + word + "'";
      return out;
    }
    std::string name = word.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name == "help" || booleans.count(name) != 0) {
      out.flags.insert(name);
    } else if (with_value.count(name) != 0) {
      if (!inline_value && i + 1 >= args.size()) {
        out.error = "--" + name + " needs a value";
        return out;
      }
      out.values[name] = inline_value ? *inline_value : args[++i];
    } else {
      out.error = "unknown option --" + name;
      return out;
    }
  }
  return out;
}

}  // namespace samlt::core::cli
