#!/usr/bin/env bash
# Every benchmark in smoke mode, against services that are already running:   bash etc/bench/smoke.sh
#
# Smoke mode (see lib.sh) runs each benchmark for seconds on tiny data and judges no figure: it fails only when the
# benchmark itself breaks (the app does not start in Production, an endpoint answers non-2xx, the load generator's
# output no longer parses, the webhook inbox or membership states are wrong). etc/test.sh runs this after the tests
# and counts it as one test.
#
# Services are never started or stopped here: the connection strings come from the environment, as
# `eval "$(etc/services.sh env)"` exports them (DERRIMUT_TEST_POSTGRES: an Npgsql connection string to the server's
# admin database; DERRIMUT_TEST_REDIS: host:port). Each benchmark creates and drops a database of its own and uses a
# Redis key prefix of its own, on a free port, and waits its turn for the machine-wide bench lock.
#
# Environment:
#   DERRIMUT_TEST_POSTGRES   required
#   DERRIMUT_TEST_REDIS      optional: when set, the tenancy benchmark runs with Redis (HybridCache L2 + invalidation bus)
#   BENCH_SKIP_BUILD=1       use the existing Release build of src/Derrimut.Web and tests/Derrimut.Benchmarks
#                            (etc/test.sh has just built the solution); otherwise both are built once here
# Exit code: 0 when every benchmark ran, 1 otherwise. Last line: `smoke: N of M benchmarks ran`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
say() { printf 'smoke: %s\n' "$*" >&2; }

[[ -n "${DERRIMUT_TEST_POSTGRES:-}" ]] || { say 'ERROR: DERRIMUT_TEST_POSTGRES is not set (eval "$(etc/services.sh env)" first)'; exit 1; }

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  t0=$SECONDS
  log="$(mktemp /tmp/derrimut-smoke-build.XXXXXX)"
  for p in src/Derrimut.Web tests/Derrimut.Benchmarks tests/Derrimut.Benchmarks.RawApp; do
    dotnet build -c Release "$p" -nologo -v quiet >>"$log" 2>&1 || { tail -n 30 "$log" >&2; rm -f "$log"; say "ERROR: build of $p failed"; exit 1; }
  done
  rm -f "$log"
  say "built in $((SECONDS - t0)) s"
fi

# Only the settings smoke mode needs; anything else a caller exported (BENCH_MEMBERS, ...) must not turn a smoke run
# into a long one, so the sizes are left to each benchmark's smoke defaults.
unset BENCH_WARMUP BENCH_DURATION BENCH_ROUNDS BENCH_CONNECTIONS BENCH_MEMBERS BENCH_EVENTS BENCH_CLIENTS BENCH_PORT BENCH_DB \
  BENCH_REF BENCH_APP_DIR BENCH_AA BENCH_FRANCHISES BENCH_GYMS_PER_FRANCHISE BENCH_MEMBERS_PER_GYM BENCH_HISTORY_DAYS BENCH_SIGNED_IN \
  BENCH_DESK_INTERVAL BENCH_COMPRESSION BENCH_SOLO_RATE BENCH_SOLO_SECONDS BENCH_STATS_WAIT BENCH_STARTS BENCH_KINDS BENCH_VARIANTS BENCH_PLAIN_DIR BENCH_R2R_DIR \
  BENCH_ACKNOWLEDGE_AFTER BENCH_NODES
export BENCH_SMOKE=1 BENCH_SKIP_BUILD=1 BENCH_PG="$DERRIMUT_TEST_POSTGRES"
if [[ -n "${DERRIMUT_TEST_REDIS:-}" ]]; then
  export BENCH_REDIS=1 BENCH_REDIS_CONNECTION="$DERRIMUT_TEST_REDIS"
else
  export BENCH_REDIS=0
fi

# An entry "name:VAR=value" runs etc/bench/name.sh with that variable set (a second mode of the same benchmark).
benchmarks=(tenancy webhooks webhooks:BENCH_ACKNOWLEDGE_AFTER=Storing catalogue bookings hotreads doors reports pages memberpages scale coldstart)
ran=0
failed=()
for b in "${benchmarks[@]}"; do
  t0=$SECONDS
  say "$b: starting"
  script="${b%%:*}" setting=""
  [[ "$b" == *:* ]] && setting="${b#*:}"
  if env ${setting:+"$setting"} bash "etc/bench/$script.sh"; then
    ran=$((ran + 1))
    say "$b: ran in $((SECONDS - t0)) s"
  else
    failed+=("$b")
    say "$b: FAILED after $((SECONDS - t0)) s"
  fi
done

(( ${#failed[@]} == 0 )) || say "failed: ${failed[*]}"
printf 'smoke: %s of %s benchmarks ran\n' "$ran" "${#benchmarks[@]}"
(( ${#failed[@]} == 0 ))
