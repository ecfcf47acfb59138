// SPDX-License-Identifier: Apache-2.0
// The fixed CSS and script of index.html. They carry no report data: every value reaches the page
// as escaped HTML, never inside the script, so no value can break out of a <script> element.
#pragma once

#include <string_view>

namespace samlt::reports {

inline constexpr std::string_view k_html_style = R"css(
:root { --pass: #1a7f37; --fail: #cf222e; --error: #9a6700; --skip: #6e7781; --line: #d0d7de; --soft: #f6f8fa; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h4 { margin: .75rem 0 .25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
           margin: .5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: var(--soft); }
table.scenarios { width: 100%; }
tr.detail > td { background: #fff; border-top: none; }
.summary { display: flex; gap: .75rem; margin: 1rem 0; }
.count { padding: .3rem .7rem; border-radius: 6px; background: var(--soft); font-weight: 600; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 4px; color: #fff;
         font-weight: 600; }
.badge.passed, .count.passed { background: var(--pass); color: #fff; }
.badge.failed, .count.failed { background: var(--fail); color: #fff; }
.badge.error, .count.error { background: var(--error); color: #fff; }
.badge.skipped, .count.skipped { background: var(--skip); color: #fff; }
#filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0; }
#filters fieldset { border: 1px solid var(--line); border-radius: 6px; }
[hidden] { display: none !important; }
pre { background: var(--soft); padding: .5rem; margin: .25rem 0; max-height: 32rem; overflow: auto;
      white-space: pre-wrap; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
.message { font-weight: 600; }
summary { cursor: pointer; }
)css";

// Filters hide <tbody class="scenario"> elements by their data-status and data-suite attributes
// and by a text search over the scenario's summary row. The filter form starts `hidden`, so a
// reader without JavaScript sees every scenario and no controls that do nothing.
inline constexpr std::string_view k_html_script = R"js(
(function () {
  var form = document.getElementById('filters');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var scenarios = document.querySelectorAll('tbody.scenario');
  function checked(name) {
    var on = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function apply() {
    var statuses = checked('status');
    var suites = checked('suite');
    var needle = search.value.trim().toLowerCase();
    var count = 0;
    scenarios.forEach(function (body) {
      var show = statuses[body.getAttribute('data-status')] === true &&
                 suites[body.getAttribute('data-suite')] === true &&
                 (needle === '' || body.rows[0].textContent.toLowerCase().indexOf(needle) !== -1);
      body.hidden = !show;
      if (show) { count += 1; }
    });
    shown.textContent = count + ' of ' + scenarios.length + ' shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
)js";

}  // namespace samlt::reports
