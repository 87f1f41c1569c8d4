# shellcheck shell=bash
# Shared shell for etc/faults/*.sh (sourced, never run). Each fault run:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   fault_init <name> "$@"        # settings, smoke mode, cleanup trap (stops the cluster on every exit path)
#   fault_inject() { ... }        # the fault, run FAULT_AT seconds into the load
#   fault_run                     # build, etc/cluster.sh start, load + fault, counts, checks; exits with the verdict
#
# The load generator is tests/Derrimut.Benchmarks in mode `faults` (FaultLoad.cs, FaultWrites.cs): a steady mixed
# load through the proxy (signed Stripe webhooks, a member's membership reads, sign-ins through the form, front-desk
# check-ins, PT sessions booked by signed-in members and click-and-collect orders by them, every member write with an
# Idempotency-Key), writes retried on 5xx/408/409 in flight/425/429/connection errors with the same event id or key
# (a slot already taken or a product sold out is an answer, counted, not retried), then the database read back: every
# webhook answered 2xx in the inbox, every acknowledged check-in, booking and order recorded exactly once, stock never
# oversold and reserved exactly for the pending orders. It exits non-zero when anything acknowledged is lost or
# recorded twice.
#
# Environment (defaults in brackets; smoke values after the slash):
#   FAULT_SECONDS [75/24]    seconds of load       FAULT_AT [25/8]   when the fault is injected
#   FAULT_DOWN [10/5]        seconds Redis or PostgreSQL stays down
#   FAULT_SETTLE [45/30]     seconds after the load during which unacknowledged writes keep being retried
#   FAULT_SKIP_BUILD [0]     1 = use the existing Release builds (the app, the migrator, the load generator)
#   FAULT_LOG [$DERRIMUT_CLUSTER_STATE/fault-<name>.log]   where the generator's output is kept
#   FAULT_KEEP_CLUSTER [0]   1 = leave the cluster running afterwards (to read its logs; stop it with etc/cluster.sh stop)
#   BENCH_SMOKE [0]          1 (or --smoke) = smoke mode: 2 nodes, 24 s of lighter load, shorter outages; every check applies
#   BENCH_WEBHOOKS_PER_S [60/20], BENCH_CHECKINS_PER_S [10/4], BENCH_BOOKINGS_PER_S [3/1], BENCH_ORDERS_PER_S [2/1],
#   BENCH_READS_PER_S [30/10], BENCH_SIGNINS_PER_S [1/0.5]: the offered load (FaultLoad.cs)
#   DERRIMUT_PG_PORT [25462]  DERRIMUT_REDIS_PORT [26409]  DERRIMUT_CLUSTER_*: see etc/cluster.sh. Never point these
#   at services someone else uses: the runs stop PostgreSQL and kill Redis.

say() { printf 'faults: %s\n' "$*" >&2; }
die() { printf 'faults: ERROR: %s\n' "$*" >&2; exit 1; }
pid_alive() { [[ -n "${1:-}" && -r "/proc/$1/status" ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
elapsed() { printf '%s' $(( $(date +%s) - LOAD_STARTED )); }

fault_init() {
  FAULT_NAME="$1"; shift
  [[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
  cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
  REPO="$PWD"
  export DERRIMUT_PG_PORT="${DERRIMUT_PG_PORT:-25462}" DERRIMUT_REDIS_PORT="${DERRIMUT_REDIS_PORT:-26409}"
  SMOKE="${BENCH_SMOKE:-0}"
  if [[ "$SMOKE" == 1 ]]; then
    export DERRIMUT_CLUSTER_NODES="${DERRIMUT_CLUSTER_NODES:-2}"
    FAULT_SECONDS="${FAULT_SECONDS:-24}" FAULT_AT="${FAULT_AT:-8}" FAULT_DOWN="${FAULT_DOWN:-5}" FAULT_SETTLE="${FAULT_SETTLE:-30}"
    export BENCH_WEBHOOKS_PER_S="${BENCH_WEBHOOKS_PER_S:-20}" BENCH_CHECKINS_PER_S="${BENCH_CHECKINS_PER_S:-4}" \
      BENCH_BOOKINGS_PER_S="${BENCH_BOOKINGS_PER_S:-1}" BENCH_ORDERS_PER_S="${BENCH_ORDERS_PER_S:-1}" \
      BENCH_READS_PER_S="${BENCH_READS_PER_S:-10}" BENCH_SIGNINS_PER_S="${BENCH_SIGNINS_PER_S:-0.5}"
  else
    FAULT_SECONDS="${FAULT_SECONDS:-75}" FAULT_AT="${FAULT_AT:-25}" FAULT_DOWN="${FAULT_DOWN:-10}" FAULT_SETTLE="${FAULT_SETTLE:-45}"
    export BENCH_WEBHOOKS_PER_S="${BENCH_WEBHOOKS_PER_S:-60}" BENCH_CHECKINS_PER_S="${BENCH_CHECKINS_PER_S:-10}" \
      BENCH_BOOKINGS_PER_S="${BENCH_BOOKINGS_PER_S:-3}" BENCH_ORDERS_PER_S="${BENCH_ORDERS_PER_S:-2}" \
      BENCH_READS_PER_S="${BENCH_READS_PER_S:-30}" BENCH_SIGNINS_PER_S="${BENCH_SIGNINS_PER_S:-1}"
  fi
  for v in "$FAULT_SECONDS" "$FAULT_AT" "$FAULT_DOWN" "$FAULT_SETTLE"; do
    [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the FAULT_* variables)"
  done
  (( FAULT_AT < FAULT_SECONDS )) || die "FAULT_AT ($FAULT_AT) must fall inside the load (FAULT_SECONDS=$FAULT_SECONDS)"
  BENCH_DIR="$REPO/tests/Derrimut.Benchmarks/bin/Release/net10.0"
  OUT="$(mktemp -d)"
  LOAD_PID="" TAIL_PID=""
  trap fault_cleanup EXIT
  trap 'exit 130' INT TERM
}

fault_cleanup() {
  local rc=$?
  set +e
  for p in "$LOAD_PID" "$TAIL_PID"; do
    if pid_alive "$p"; then kill -TERM "$p" 2>/dev/null; wait "$p" 2>/dev/null; fi
  done
  if [[ "${FAULT_KEEP_CLUSTER:-0}" == 1 ]]; then
    say "leaving the cluster running (FAULT_KEEP_CLUSTER=1): logs under ${CLUSTER_STATE:-$REPO/.cluster}; stop it with etc/cluster.sh stop"
  else
    bash "$REPO/etc/cluster.sh" stop
  fi
  rm -rf "$OUT"
  exit "$rc"
}

# Services helpers for the faults themselves (etc/services.sh keeps its state under the checkout's .test-services).
redis_pid() { cat "$REPO/.test-services/redis.pid" 2>/dev/null || true; }
pg_data() { printf '%s' "$REPO/.test-services/pg/data"; }
# shellcheck disable=SC2012  # version-sorted directory names, as etc/services.sh does
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
services_start() { bash "$REPO/etc/services.sh" start; }
# The answer of one node's readiness probe, e.g. "200 Degraded" (the body names the state).
node_ready() {
  local base="${CLUSTER_NODE_BASES%%,*}" body code
  body="$(curl -s --max-time 5 -w '\n%{http_code}' -H "Host: $CLUSTER_ROOT_DOMAIN" "$base/health/ready" || true)"
  code="$(tail -n 1 <<<"$body")"
  printf '%s %s' "$code" "$(head -n 1 <<<"$body" | head -c 200)"
}
# One signed-in-free API answer through the proxy with its Retry-After, e.g. "503 retry-after=5".
proxy_probe() {
  curl -s -o /dev/null --max-time 5 -D - -H "Host: st-albans.$CLUSTER_ROOT_DOMAIN" "$CLUSTER_BASE/api/memberships/plans" 2>/dev/null \
    | tr -d '\r' | awk 'NR == 1 {code = $2} tolower($1) == "retry-after:" {ra = $2} END {printf "%s retry-after=%s", code, (ra == "" ? "-" : ra)}'
}

fault_run() {
  declare -F fault_inject >/dev/null || die "fault_inject is not defined"
  echo "fault run $FAULT_NAME: machine $(nproc) cores, load average $(load_average) at start; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  if [[ "${FAULT_SKIP_BUILD:-0}" != 1 ]]; then
    say "building tests/Derrimut.Benchmarks (Release)"
    dotnet build -c Release tests/Derrimut.Benchmarks -nologo -v quiet >"$OUT/build.log" 2>&1 || { tail -n 30 "$OUT/build.log" >&2; die "build failed"; }
    export DERRIMUT_CLUSTER_SKIP_BUILD="${DERRIMUT_CLUSTER_SKIP_BUILD:-0}"
  else
    export DERRIMUT_CLUSTER_SKIP_BUILD=1
  fi
  [[ -f "$BENCH_DIR/Derrimut.Benchmarks.dll" ]] || die "$BENCH_DIR/Derrimut.Benchmarks.dll missing (build first)"

  bash "$REPO/etc/cluster.sh" start
  eval "$(bash "$REPO/etc/cluster.sh" env)"
  echo "cluster up: $CLUSTER_BASE in front of $CLUSTER_NODE_BASES; load average $(load_average)"

  # The generator's output is kept (the cleanup removes $OUT): FAULT_LOG, by default under the cluster's state directory.
  FAULT_LOG="${FAULT_LOG:-$CLUSTER_STATE/fault-$FAULT_NAME.log}"
  : >"$FAULT_LOG"   # before tail and grep look for it: the background job creates it only when it gets to run
  BENCH_BASE="$CLUSTER_BASE" BENCH_ROOT_DOMAIN="$CLUSTER_ROOT_DOMAIN" BENCH_WEBHOOK_SECRET="$CLUSTER_WEBHOOK_SECRET" \
    BENCH_DB_CONNECTION="$CLUSTER_DB_CONNECTION" BENCH_FAULT="$FAULT_NAME" BENCH_SECONDS="$FAULT_SECONDS" BENCH_SETTLE_SECONDS="$FAULT_SETTLE" \
    dotnet "$BENCH_DIR/Derrimut.Benchmarks.dll" faults >"$FAULT_LOG" 2>&1 &
  LOAD_PID=$!
  LOAD_STARTED="$(date +%s)"
  tail -n +1 -f --pid="$LOAD_PID" "$FAULT_LOG" &
  TAIL_PID=$!

  # The generator signs its clients in before the load starts; the fault is timed from the first progress of the load.
  local t0=$SECONDS
  until grep -q '^faults: .*s of load through' "$FAULT_LOG"; do
    pid_alive "$LOAD_PID" || break
    (( SECONDS - t0 < 120 )) || die "the load generator did not start its load in 120 s"
    sleep 0.2
  done
  LOAD_STARTED="$(date +%s)"
  sleep "$FAULT_AT"
  if pid_alive "$LOAD_PID"; then
    echo "fault: injecting at t=$(elapsed) s (load average $(load_average))"
    fault_inject
    echo "fault: injection over at t=$(elapsed) s"
  fi

  local rc=0
  wait "$LOAD_PID" || rc=$?
  LOAD_PID=""
  wait "$TAIL_PID" 2>/dev/null || true
  TAIL_PID=""
  # HAProxy's own retries and redispatches: in each request's log line the fifth of actconn/feconn/beconn/srv_conn/retries,
  # with a '+' when the request was redispatched to another server.
  local log="$CLUSTER_STATE/haproxy.log"
  echo "proxy: $(grep -c '^[0-9].*"' "$log" 2>/dev/null || true) requests logged; $(awk '/^[0-9].*"/ {split($(NF-4), c, "/"); r = c[5]; if (r ~ /^\+/) {d++; sub(/^\+/, "", r)} if (r + 0 > 0) n++} END {printf "%d retried by the proxy, %d redispatched", n, d}' "$log" 2>/dev/null)"
  echo "proxy: server state changes:"
  # HAProxy writes each change twice (a [WARNING] on stderr and the log line): once is enough.
  grep -E 'Server .* is (DOWN|UP)' "$log" 2>/dev/null | sed 's/^\[WARNING\] *([0-9]*) : //' | awk '!seen[$0]++' | sed 's/^/  /' | head -n 30 || true
  echo "fault run $FAULT_NAME: the generator's output is in $FAULT_LOG"
  echo "fault run $FAULT_NAME: load average $(load_average) at the end; exit $rc"
  return "$rc"
}
