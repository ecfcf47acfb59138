// SPDX-License-Identifier: Apache-2.0
// The pieces of index.html below the page header, one function per piece. Each appends escaped
// HTML to `out`; none writes report data outside element content or a quoted attribute.
#pragma once

#include "samlt/reports/report_model.hpp"

#include <cstddef>
#include <string>

namespace samlt::reports {

// One <tbody class="scenario"> of the scenario table: the summary row (status, suite, id and title,
// faults, expected, observed, time) and a detail row holding a collapsed <details> with the
// verdict, the steps and append_evidence_html. `index` numbers the element id ("scenario-3").
void append_scenario_html(std::string& out, const ScenarioResult& result, std::size_t index);

// The SAML messages (decoded, with the raw wire form collapsed beneath) and the HTTP exchanges
// of one scenario. Appends nothing when there are none.
void append_evidence_html(std::string& out, const ScenarioResult& result);

}  // namespace samlt::reports
