// SPDX-License-Identifier: Apache-2.0
// sp_under_test: the strict reference service provider. Dispatches to a command; a startup error
// (core::Fatal: "<file>: <json pointer>: <expected>") is printed and exits with status 2.
#include "samlt/core/result.hpp"
#include "samlt/sp/commands.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace samlt;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << sp::cli::usage();
    return args.empty() ? 2 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "serve") {
      return sp::cli::serve_command(args);
    }
    if (command == "idp") {
      return sp::cli::idp_command(args);
    }
    std::cerr << "sp_under_test: " << command << ": unknown command\n" << sp::cli::usage();
    return 2;
  } catch (const core::Fatal& fatal) {
    std::cerr << "sp_under_test: " << fatal.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "sp_under_test: unexpected error: " << e.what() << "\n";
    return 2;
  }
}
