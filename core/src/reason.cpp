// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/reason.hpp"

#include <array>

namespace samlt::core {
namespace {

struct ReasonRow {
  Reason reason;
  std::string_view id;
  std::string_view summary;
};

constexpr ReasonRow k_reasons[] = {
#define SAMLT_REASON(name, id, summary) {Reason::name, id, summary},
#include "samlt/core/reasons.def"
#undef SAMLT_REASON
};

constexpr auto k_all = [] {
  std::array<Reason, std::size(k_reasons)> all{};
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i] = k_reasons[i].reason;
  }
  return all;
}();

}  // namespace

std::string_view id(Reason reason) {
  auto index = static_cast<std::size_t>(reason);
  return index < std::size(k_reasons) ? k_reasons[index].id : std::string_view("internal.error");
}

std::string_view summary(Reason reason) {
  auto index = static_cast<std::size_t>(reason);
  return index < std::size(k_reasons) ? k_reasons[index].summary : std::string_view();
}

std::optional<Reason> parse_reason(std::string_view text) {
  for (const auto& row : k_reasons) {
    if (row.id == text) {
      return row.reason;
    }
  }
  return std::nullopt;
}

std::span<const Reason> all_reasons() { return k_all; }

}  // namespace samlt::core
