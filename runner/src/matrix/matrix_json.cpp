// SPDX-License-Identifier: Apache-2.0
// matrix.json and writing both matrix files.
#include "samlt/core/fs.hpp"
#include "samlt/runner/matrix.hpp"

#include <nlohmann/json.hpp>

namespace samlt::runner {
namespace {

using Json = nlohmann::ordered_json;

Json summary_json(const reports::Summary& s) {
  return Json{{"total", s.total}, {"passed", s.passed}, {"failed", s.failed}, {"errors", s.errors},
              {"skipped", s.skipped}};
}

}  // namespace

std::string render_matrix_json(const Matrix& matrix) {
  Json targets = Json::array();
  for (const auto& column : matrix.columns) {
    targets.push_back({{"name", column.target},
                       {"report", column.report},
                       {"summary", summary_json(column.summary)},
                       {"accepts_must_reject", column.accepts_must_reject}});
  }
  Json rows = Json::array();
  for (const auto& row : matrix.rows) {
    Json cells = Json::object();
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const auto& cell = row.cells[c];
      cells[matrix.columns[c].target] =
          cell ? Json{{"status", reports::status_id(cell->status)},
                      {"expected", reports::outcome_id(cell->expected)},
                      {"observed", reports::outcome_id(cell->observed)},
                      {"sp_reason", cell->sp_reason.empty() ? Json(nullptr) : Json(cell->sp_reason)},
                      {"message", cell->message}}
               : Json(nullptr);
    }
    rows.push_back({{"id", row.id}, {"title", row.title}, {"suite", row.suite}, {"disagree", row.disagree},
                    {"cells", std::move(cells)}});
  }
  Json json{{"targets", std::move(targets)}, {"rows", std::move(rows)}};
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

core::Result<void> write_matrix(const Matrix& matrix, const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return core::fail(core::Reason::io_write_failed, dir.string() + ": " + error.message());
  }
  if (auto written = core::write_file_atomic(dir / "matrix.json", render_matrix_json(matrix)); !written) {
    return written;
  }
  return core::write_file_atomic(dir / "matrix.html", render_matrix_html(matrix));
}

}  // namespace samlt::runner
