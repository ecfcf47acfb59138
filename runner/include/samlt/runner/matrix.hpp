// SPDX-License-Identifier: Apache-2.0
// A compatibility matrix over several SPs: one row per scenario result, one column per SP, each
// cell the SP's status with its reason in its own words. Rows where the SPs disagree come first;
// each SP's column says what it accepts that it must reject. Built from the runs of one
// `idp_sim run --target a --target b …`, or from earlier runs' report.json files.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/reports/report_model.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner {

// What the matrix keeps of one scenario result.
struct MatrixCell {
  reports::Status status = reports::Status::error;
  reports::Outcome expected = reports::Outcome::none;
  reports::Outcome observed = reports::Outcome::none;
  std::string sp_reason;  // the SP's words (or reason id); empty when it gave none
  std::string message;
};

// One SP's run, as the matrix reads it.
struct MatrixRun {
  std::string target;  // the target's name
  std::string report;  // its report folder, relative to the matrix (a link)
  struct Result {
    std::string id;
    std::string title;
    std::string suite;
    MatrixCell cell;
  };
  std::vector<Result> results;
};

struct MatrixRow {
  std::string id;
  std::string title;
  std::string suite;
  bool disagree = false;  // the SPs that ran it saw different outcomes or got different statuses
  std::vector<std::optional<MatrixCell>> cells;  // one per column; nullopt: not in that run
};

struct MatrixColumn {
  std::string target;
  std::string report;
  reports::Summary summary;
  std::vector<std::string> accepts_must_reject;  // result ids: expected reject, observed accept
};

struct Matrix {
  std::vector<MatrixColumn> columns;
  std::vector<MatrixRow> rows;  // disagreeing rows first, then rows with a failure, each by id
};

// The matrix of `runs` (columns in the given order).
Matrix build_matrix(const std::vector<MatrixRun>& runs);

// What the matrix keeps of an in-memory run; `report_link` is its folder relative to the matrix.
MatrixRun matrix_run(const reports::RunReport& report, std::string report_link);

// Reads a report.json that `idp_sim run` wrote. Fails with io.read_failed or config.invalid
// (detail: the file and what is missing).
core::Result<MatrixRun> read_matrix_run(const std::filesystem::path& report_json, std::string report_link);

// matrix.html (self-contained, readable without JavaScript) and matrix.json.
std::string render_matrix_html(const Matrix& matrix);
std::string render_matrix_json(const Matrix& matrix);

// Writes matrix.html and matrix.json into `dir` (atomically, each). Fails with io.write_failed.
core::Result<void> write_matrix(const Matrix& matrix, const std::filesystem::path& dir);

// `idp_sim matrix DIR… [--out DIR]`: each DIR holds a report.json (or is one). Exit 0 when
// written, 2 on bad usage or an unreadable report. Never throws.
int matrix_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err);

}  // namespace samlt::runner
