#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job, as `./harness demo` runs it: idp_sim and sp_under_test on loopback with their default
# configurations, every bundled scenario suite against the reference SP, reports in reports/latest/.
# Usage: scripts/demo.sh BUILD_DIR [runner options...]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:?usage: scripts/demo.sh BUILD_DIR [runner options]}
shift
idp_port=8080
sp_port=8081
state="$root/var/demo"
report_dir="$root/reports/latest"

say() { printf 'demo: %s\n' "$*"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$idp_port" "$sp_port"; do
  if port_busy "$port"; then
    say "port $port on 127.0.0.1 is already in use; the default configurations need it (stop that program first)" >&2
    exit 2
  fi
done

mkdir -p "$state"
rm -f "$state/sp_under_test.sqlite"*  # a fresh SP state for every demo
pids=()
stop_servers() {
  bash "$root/scripts/demo-sp" stop 2>/dev/null || true
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

say "starting idp_sim on http://127.0.0.1:$idp_port (log: var/demo/idp_sim.log)"
"$build_dir/idp_sim/idp_sim" serve --config "$root/idp_sim/config/default.json" --host 127.0.0.1 --port "$idp_port" \
  >"$state/idp_sim.log" 2>&1 &
pids+=($!)
say "starting sp_under_test on http://127.0.0.1:$sp_port (log: var/demo/sp_under_test.log)"
# Through scripts/demo-sp, which the reference SP's target also uses to restart it (REPLAY-PERSISTENCE).
printf '%s\n' "$(cd "$build_dir" && pwd)/sp_under_test/sp_under_test" serve --config "$root/sp_under_test/config/default.json" \
  --host 127.0.0.1 --port "$sp_port" --db "$state/sp_under_test.sqlite" >"$state/sp_under_test.cmd"
: >"$state/sp_under_test.log"
bash "$root/scripts/demo-sp" start

# Ready when the SP has imported the IdP's metadata: its login URL then redirects to the IdP.
ready=""
for _ in $(seq 1 150); do
  for pid in "${pids[@]}" "$(cat "$state/sp_under_test.pid")"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "a server exited during start-up; see var/demo/*.log" >&2
      tail -n 20 "$state"/*.log >&2
      exit 2
    fi
  done
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$sp_port/saml/login?idp=entra" || true)
  if [ "$code" = "302" ] || [ "$code" = "303" ]; then
    ready=yes
    break
  fi
  sleep 0.2
done
if [ -z "$ready" ]; then
  say "the SP did not become ready (it must import the IdP metadata); see var/demo/*.log" >&2
  exit 2
fi

say "running every bundled scenario against the reference SP"
set +e
"$build_dir/idp_sim/idp_sim" run "$root/scenarios" --target "$root/scenarios/targets/reference-sp.json" \
  --report "$report_dir" "$@"
status=$?
set -e
say "reports: $report_dir/index.html, $report_dir/junit.xml, $report_dir/report.json"
exit "$status"
