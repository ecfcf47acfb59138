// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/matrix.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace samlt::runner {
namespace {

bool ran(const MatrixCell& cell) {
  return cell.status == reports::Status::passed || cell.status == reports::Status::failed;
}

// The SPs disagree when those that ran the scenario saw different outcomes or were judged
// differently (one passed where another failed). Skipped and error cells say nothing about the SP.
bool disagree(const std::vector<std::optional<MatrixCell>>& cells) {
  std::set<reports::Outcome> outcomes;
  std::set<reports::Status> statuses;
  for (const auto& cell : cells) {
    if (cell && ran(*cell)) {
      outcomes.insert(cell->observed);
      statuses.insert(cell->status);
    }
  }
  return outcomes.size() > 1 || statuses.size() > 1;
}

bool any_failure(const MatrixRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const auto& cell) {
    return cell && (cell->status == reports::Status::failed || cell->status == reports::Status::error);
  });
}

void count(reports::Summary& summary, reports::Status status) {
  ++summary.total;
  switch (status) {
    case reports::Status::passed: ++summary.passed; break;
    case reports::Status::failed: ++summary.failed; break;
    case reports::Status::error: ++summary.errors; break;
    case reports::Status::skipped: ++summary.skipped; break;
  }
}

}  // namespace

Matrix build_matrix(const std::vector<MatrixRun>& runs) {
  Matrix matrix;
  std::map<std::string, std::size_t> row_of;
  for (std::size_t c = 0; c < runs.size(); ++c) {
    MatrixColumn column{runs[c].target, runs[c].report, {}, {}};
    for (const auto& result : runs[c].results) {
      auto [it, added] = row_of.emplace(result.id, matrix.rows.size());
      if (added) {
        matrix.rows.push_back({result.id, result.title, result.suite, false, {}});
      }
      auto& row = matrix.rows[it->second];
      row.cells.resize(runs.size());
      row.cells[c] = result.cell;
      count(column.summary, result.cell.status);
      if (result.cell.status == reports::Status::failed && result.cell.expected == reports::Outcome::reject &&
          result.cell.observed == reports::Outcome::accept) {
        column.accepts_must_reject.push_back(result.id);
      }
    }
    matrix.columns.push_back(std::move(column));
  }
  for (auto& row : matrix.rows) {
    row.cells.resize(runs.size());
    row.disagree = disagree(row.cells);
  }
  std::stable_sort(matrix.rows.begin(), matrix.rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
    auto rank = [](const MatrixRow& row) { return row.disagree ? 0 : any_failure(row) ? 1 : 2; };
    return rank(a) != rank(b) ? rank(a) < rank(b) : a.id < b.id;
  });
  return matrix;
}

MatrixRun matrix_run(const reports::RunReport& report, std::string report_link) {
  MatrixRun run{report.target.name, std::move(report_link), {}};
  for (const auto& result : report.results) {
    MatrixCell cell{result.status, result.expected.outcome, result.observed.outcome,
                    result.observed.sp_reason.value_or(result.observed.reason.value_or("")), result.message};
    run.results.push_back({result.id, result.title, result.suite, std::move(cell)});
  }
  return run;
}

}  // namespace samlt::runner
