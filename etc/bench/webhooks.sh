#!/usr/bin/env bash
# Webhook benchmark (issue 4, "Benchmark"):   bash etc/bench/webhooks.sh
#
# 10,000 signed Stripe events for 1,000 members (20% duplicates, shuffled) sent by concurrent clients to
# POST /webhooks/stripe of the app on PostgreSQL, each member starting from the pending membership the checkout
# endpoint leaves; then the inbox is read back through the admin API (every unique event recorded exactly once,
# processed on its first attempt, none failed or parked) and every membership's final status is compared with in-order
# processing of that member's events. Prints events/s and latency percentiles (one parseable "BENCH webhooks ..." line).
#
# What it does:
#   1. uses PostgreSQL from etc/services.sh (starts it if nothing is running, and then stops it at the end);
#   2. builds src/Derrimut.Web and tests/Derrimut.Benchmarks (Release) unless BENCH_SKIP_BUILD=1;
#   3. creates database $BENCH_DB, starts the app in Production with the simulated gateway explicitly chosen
#      (Billing:Gateway=Simulated), a webhook secret of its own, the demo seed, and a platform key for the read-back;
#   4. runs the load generator (tests/Derrimut.Benchmarks, `webhooks`), which fails the run if anything was
#      refused, lost, recorded twice or processed more than once;
#   5. kills the app by PID and drops the database on every exit path.
#
# Environment (defaults in brackets):
#   BENCH_MEMBERS [1000]  BENCH_EVENTS [10000]  BENCH_DUPLICATE_SHARE [0.2]  BENCH_CLIENTS [16]  BENCH_SEED [4]
#   BENCH_GYMS [st-albans,werribee]  BENCH_PORT [5081]  BENCH_DB [derrimut_bench_webhooks]  BENCH_APP_CPUS [0,1]
#   BENCH_SKIP_BUILD [0]  BENCH_KEEP_LOG (path to copy the app's log to)
#   DERRIMUT_PG_PORT: see etc/services.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO="$PWD"

PORT="${BENCH_PORT:-5081}"
DB="${BENCH_DB:-derrimut_bench_webhooks}"
APP_CPUS="${BENCH_APP_CPUS:-0,1}"
SKIP_BUILD="${BENCH_SKIP_BUILD:-0}"
PG_PORT="${DERRIMUT_PG_PORT:-55432}"
ROOT_DOMAIN=derrimut.localhost
BASE="http://127.0.0.1:$PORT"
APP_DIR="$REPO/src/Derrimut.Web/bin/Release/net10.0"
BENCH_DIR="$REPO/tests/Derrimut.Benchmarks/bin/Release/net10.0"
SECRET="whsec_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PLATFORM_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ && "$PG_PORT" =~ ^[0-9]+$ ]] || die "BENCH_PORT and DERRIMUT_PG_PORT must be numbers"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lowercase identifier"
for tool in dotnet curl taskset flock; do command -v "$tool" >/dev/null || die "$tool not found"; done

# One benchmark at a time on this machine (they would measure each other).
exec 8>/tmp/derrimut-bench.lock
flock -n 8 || die "another etc/bench run holds /tmp/derrimut-bench.lock"

WORK="$(mktemp -d /tmp/derrimut-bench-webhooks.XXXXXX)"
APP_LOG="$WORK/app.log"
APP_PID=""
DB_CREATED=0
STARTED_SERVICES=0

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }
pid_alive() { [[ -n "${1:-}" && -r "/proc/$1/status" ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }

cleanup() {
  local rc=$?
  set +e
  if [[ -n "$APP_PID" ]] && pid_alive "$APP_PID"; then
    say "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null
    for _ in $(seq 50); do pid_alive "$APP_PID" || break; sleep 0.2; done
    pid_alive "$APP_PID" && kill -KILL "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
  fi
  [[ -n "${BENCH_KEEP_LOG:-}" && -f "$APP_LOG" ]] && cp "$APP_LOG" "$BENCH_KEEP_LOG"
  if (( DB_CREATED )); then
    say "dropping database $DB"
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || say "could not drop database $DB"
  fi
  if (( STARTED_SERVICES )); then
    say "stopping the services this run started"
    bash etc/services.sh stop 8>&-
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Captured first: `status | grep -q` under pipefail fails when grep closes the pipe early.
status="$(bash etc/services.sh status)"
if ! grep -q '^postgres: running' <<<"$status"; then
  # Only when nothing was running do we own the services (services.sh stop stops both).
  grep -q ': running' <<<"$status" || STARTED_SERVICES=1
  bash etc/services.sh start 8>&-
fi
command -v psql >/dev/null || die "psql not installed (etc/services.sh start installs it)"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is already taken; set BENCH_PORT"; fi

if [[ "$SKIP_BUILD" != 1 ]]; then
  say "building src/Derrimut.Web and tests/Derrimut.Benchmarks (Release)"
  t0=$SECONDS
  { dotnet build -c Release src/Derrimut.Web -nologo -v quiet && dotnet build -c Release tests/Derrimut.Benchmarks -nologo -v quiet; } >"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; die "build failed"; }
  say "built in $((SECONDS - t0)) s"
fi
[[ -f "$APP_DIR/Derrimut.Web.dll" && -f "$BENCH_DIR/Derrimut.Benchmarks.dll" ]] || die "build output missing"

psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin -c "CREATE DATABASE $DB"
DB_CREATED=1

say "starting the app on $BASE (cpus $APP_CPUS)"
(
  cd "$APP_DIR"
  exec env \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    Database__Provider=PostgreSql \
    "ConnectionStrings__Derrimut=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB;No Reset On Close=true;Max Auto Prepare=20" \
    ConnectionStrings__Redis= \
    Database__MigrateOnStartup=true \
    Database__SeedDemoData=true \
    Tenancy__RootDomain="$ROOT_DOMAIN" \
    Billing__Gateway=Simulated \
    Billing__Stripe__WebhookSecret="$SECRET" \
    Platform__ApiKey="$PLATFORM_KEY" \
    Serilog__MinimumLevel__Default=Warning \
    taskset -c "$APP_CPUS" dotnet Derrimut.Web.dll --urls "$BASE"
) >"$APP_LOG" 2>&1 8>&- &
APP_PID=$!

t0=$SECONDS
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health/ready" || true)" == 200 ]]; do
  if ! pid_alive "$APP_PID"; then tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; fi
  (( SECONDS - t0 < 240 )) || { tail -n 40 "$APP_LOG" >&2; die "/health/ready not 200 after 240 s"; }
  sleep 0.5
done
say "app ready in $((SECONDS - t0)) s (pid $APP_PID); load average $(cut -d' ' -f1-3 /proc/loadavg)"

BENCH_BASE="$BASE" BENCH_ROOT_DOMAIN="$ROOT_DOMAIN" BENCH_WEBHOOK_SECRET="$SECRET" BENCH_PLATFORM_KEY="$PLATFORM_KEY" \
  BENCH_DB_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB" \
  dotnet "$BENCH_DIR/Derrimut.Benchmarks.dll" webhooks 8>&-
rc=$?
say "load average after the run $(cut -d' ' -f1-3 /proc/loadavg); app log lines: $(wc -l <"$APP_LOG")"
exit "$rc"
