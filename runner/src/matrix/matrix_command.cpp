// SPDX-License-Identifier: Apache-2.0
// `idp_sim matrix`: a matrix from earlier runs' reports.
#include "samlt/runner/matrix.hpp"

namespace samlt::runner {
namespace {

constexpr const char* k_usage =
    "usage: idp_sim matrix DIR... [--out DIR]\n"
    "  Builds the compatibility matrix (matrix.html, matrix.json) from earlier runs: each DIR is a\n"
    "  report folder of `idp_sim run` (holding report.json) or a report.json file. Rows where the\n"
    "  SPs disagree come first. --out defaults to the current folder. Exit 0 written, 2 bad usage\n"
    "  or an unreadable report.\n";

std::string link_to(const std::filesystem::path& folder, const std::filesystem::path& out) {
  auto relative = std::filesystem::absolute(folder).lexically_normal().lexically_relative(
      std::filesystem::absolute(out).lexically_normal());
  return relative.empty() ? folder.string() : relative.string();
}

}  // namespace

int matrix_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path out_dir = ".";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(k_usage, out);
      return 0;
    }
    if (args[i] == "--out") {
      if (i + 1 >= args.size()) {
        std::fprintf(err, "idp_sim matrix: --out: expected a folder\n%s", k_usage);
        return 2;
      }
      out_dir = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(err, "idp_sim matrix: %s: unknown option\n%s", args[i].c_str(), k_usage);
      return 2;
    } else {
      inputs.emplace_back(args[i]);
    }
  }
  if (inputs.empty()) {
    std::fprintf(err, "idp_sim matrix: expected at least one report folder\n%s", k_usage);
    return 2;
  }
  std::vector<MatrixRun> runs;
  for (const auto& input : inputs) {
    bool is_file = input.filename() == "report.json";
    auto folder = is_file ? input.parent_path() : input;
    auto run = read_matrix_run(is_file ? input : input / "report.json", link_to(folder, out_dir));
    if (!run) {
      std::fprintf(err, "idp_sim matrix: %s\n", run.error().detail.c_str());
      return 2;
    }
    runs.push_back(std::move(*run));
  }
  Matrix matrix = build_matrix(runs);
  if (auto written = write_matrix(matrix, out_dir); !written) {
    std::fprintf(err, "idp_sim matrix: cannot write the matrix: %s\n", written.error().detail.c_str());
    return 2;
  }
  std::size_t disagree = 0;
  for (const auto& row : matrix.rows) {
    disagree += row.disagree ? 1 : 0;
  }
  std::fprintf(out, "matrix of %zu SPs, %zu rows (%zu where they disagree): %s\n", matrix.columns.size(),
               matrix.rows.size(), disagree, (out_dir / "matrix.html").c_str());
  return 0;
}

}  // namespace samlt::runner
