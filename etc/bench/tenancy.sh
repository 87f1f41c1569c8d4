#!/usr/bin/env bash
# Tenancy-pipeline benchmark (issue 2, "Performance"):   bash etc/bench/tenancy.sh
#
# Measures what the tenancy pipeline costs on the hottest anonymous read, side by side in one run:
#   (a) tenancy  GET /api/organizations/current   Host: st-albans.derrimut.localhost
#                full pipeline: subdomain parsing, catalog (HybridCache) lookup, state and scope checks,
#                the /api group's endpoint filter, then the compiled query by id;
#   (b) bare     GET /bench/bare/organizations/st-albans
#                the same row through the same compiled-query machinery (by identifier), with the
#                tenancy middleware skipped (mapped only when Benchmarks:BareEndpoints=true).
# Goal (issue 2): tenancy req/s / bare req/s >= 0.90.
#
# What it does:
#   1. makes sure PostgreSQL (and Redis if BENCH_REDIS=1) and wrk are available via etc/services.sh --
#      reusing running services, starting them only if they were not running (and then only stopping
#      them again at the end) -- or uses the servers BENCH_PG / BENCH_REDIS_CONNECTION name, as they are;
#   2. `dotnet build -c Release src/Derrimut.Web` once;
#   3. creates database $BENCH_DB (drops a leftover first), starts the built app with
#      ASPNETCORE_ENVIRONMENT=Production on PostgreSQL and the simulated payment gateway chosen explicitly
#      (Billing:Gateway=Simulated: Production refuses to start without a Stripe key otherwise), migrate + demo
#      seed on start-up, waits for /health/ready, checks that both endpoints answer 200 with the same body;
#   4. warms up each endpoint for BENCH_WARMUP s (EF Core needs ~20 s of load to reach steady state on
#      2 cores), then runs BENCH_ROUNDS rounds of BENCH_DURATION s per endpoint, alternating the order
#      (AB BA AB ...) so a drift in background load hits both endpoints alike. Many short rounds rather
#      than a few long ones: on a shared 2-core box a colleague's build lasts 10-60 s, and with 20 s
#      blocks one burst lands on one endpoint only (measured: 3 x 20 s gave ratios 0.84-1.08 for the
#      same build; an A/A run of 12 x 5 s gave 1.03);
#   5. fails if any response was not 2xx, any socket error occurred, or the app logged anything during
#      the measured rounds (request logging must not be what we measure);
#   6. prints every round, the medians, the ratios, and a markdown table. Appends nothing anywhere.
#   Cleanup on every exit path: the app is killed by PID, the bench database dropped, services stopped
#   only if this script started them. The start-up shell is shared with the other benchmarks: lib.sh.
#
# Pinning: the app gets BENCH_APP_CPUS (default both cores, 0,1), wrk BENCH_WRK_CPUS (default 0,1) with
# ONE thread, so it can never use more than one core; on a 2-core box splitting the cores would starve
# one side or the other. PostgreSQL is not pinned (it is shared with other people's tests).
#
# Environment (defaults in brackets; at defaults 2 min 40 s of load, ~3 min with start-up, plus the
# build, ~1.5-2.5 min on a busy 2-core box):
#   BENCH_WARMUP        seconds of warm-up per endpoint [20]
#   BENCH_DURATION      seconds per endpoint per round [5]
#   BENCH_ROUNDS        rounds [12]
#   BENCH_CONNECTIONS   wrk connections [32]
#   BENCH_THREADS       wrk threads [1]
#   BENCH_TIMEOUT       wrk per-request timeout [5s]
#   BENCH_APP_CPUS      taskset CPU list for the app [0,1]
#   BENCH_WRK_CPUS      taskset CPU list for wrk [0,1]
#   BENCH_PORT          app port on 127.0.0.1 [5080]
#   BENCH_DB            database name, created and dropped [derrimut_bench]
#   BENCH_REDIS         1 = configure Redis (HybridCache L2 + invalidation bus), with a key prefix of its
#                       own (Caching:InstanceName) so it never meets the tests' keys [0]
#   BENCH_REQUEST_LOGGING 1 = leave Serilog's request logging on (Information, one console line per
#                       request) to measure what it costs; the no-logging check then only reports [0]
#   BENCH_TELEMETRY     1 = OpenTelemetry on (Telemetry:Enabled=true: every span and metric collected, no
#                       exporter, so what is measured is the instrumentation, not the network) [0]
#   BENCH_AA            1 = calibration: drive the bare endpoint in both slots (an A/A run); the spread of
#                       its ratio around 1.00 is the noise floor of this machine at that moment [0]
#   BENCH_REF           a git commit/branch: build a clean export of it (git archive) in a temporary
#                       directory instead of the working tree, which others may be editing [unset]
#   BENCH_SKIP_BUILD    1 = use the existing Release build [0]
#   BENCH_APP_DIR       run Derrimut.Web.dll from this directory instead (e.g. an experimental build of a
#                       scratch copy; implies BENCH_SKIP_BUILD=1) [src/Derrimut.Web/bin/Release/net10.0]
#   BENCH_KEEP_LOG      path to copy the app's console log to at the end [unset]
#   BENCH_SMOKE         1 (or --smoke) = smoke mode: 1 s warm-up, 1 round of 1 s, 4 connections, on its own
#                       port and database; no figure is judged, the log check only reports (see lib.sh) [0]
#   BENCH_PG, BENCH_REDIS_CONNECTION  use these servers as they are (never start or stop services; see lib.sh)
#   DERRIMUT_PG_PORT, DERRIMUT_REDIS_PORT: see etc/services.sh
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init tenancy 5080 derrimut_bench

if [[ "$SMOKE" == 1 ]]; then
  # Seconds, not minutes: proves the app starts, both endpoints answer and wrk's output still parses.
  WARMUP="${BENCH_WARMUP:-1}"; DURATION="${BENCH_DURATION:-1}"; ROUNDS="${BENCH_ROUNDS:-1}"; CONNECTIONS="${BENCH_CONNECTIONS:-4}"
else
  WARMUP="${BENCH_WARMUP:-20}"; DURATION="${BENCH_DURATION:-5}"; ROUNDS="${BENCH_ROUNDS:-12}"; CONNECTIONS="${BENCH_CONNECTIONS:-32}"
fi
THREADS="${BENCH_THREADS:-1}"
WRK_TIMEOUT="${BENCH_TIMEOUT:-5s}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
USE_REDIS="${BENCH_REDIS:-0}"
REQUEST_LOGGING="${BENCH_REQUEST_LOGGING:-0}"
REQUEST_LOG_LEVEL=Warning
[[ "$REQUEST_LOGGING" == 1 ]] && REQUEST_LOG_LEVEL=Information

TENANT=st-albans
TENANCY_URL="$BASE/api/organizations/current"
TENANCY_HOST="$TENANT.$ROOT_DOMAIN"
BARE_URL="$BASE/bench/bare/organizations/$TENANT"
BUILD_ROOT="$REPO"
LUA="$REPO/etc/bench/latency.lua"

for v in "$WARMUP" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$THREADS"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the BENCH_* variables)"
done
(( ROUNDS >= 1 && DURATION >= 1 && CONNECTIONS >= THREADS && THREADS >= 1 )) || die "need ROUNDS>=1, DURATION>=1, CONNECTIONS>=THREADS>=1"

# ------------------------------------------------------------------ services, build and start

if [[ "$USE_REDIS" == 1 ]]; then bench_services redis wrk; else bench_services wrk; fi

# The working tree may be shared with others: record what is being built.
CODE_DESC="$APP_DIR"
if [[ -n "${BENCH_REF:-}" && -z "${BENCH_APP_DIR:-}" ]]; then
  rev="$(git rev-parse --verify --short "${BENCH_REF}^{commit}")" || die "BENCH_REF=$BENCH_REF is not a commit"
  BUILD_ROOT="$WORK/tree"
  mkdir -p "$BUILD_ROOT"
  git archive "$rev" | tar -x -C "$BUILD_ROOT"
  APP_DIR="$BUILD_ROOT/src/Derrimut.Web/bin/Release/net10.0"
  SKIP_BUILD=0
  CODE_DESC="clean export of commit $rev (BENCH_REF=$BENCH_REF)"
elif [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules | wc -l) uncommitted file(s) under src/ modules/"
  [[ "$SKIP_BUILD" == 1 ]] && CODE_DESC="existing build; tree at $CODE_DESC"
fi
bench_build src/Derrimut.Web
bench_create_database

REDIS_SETTING=""
if [[ "$USE_REDIS" == 1 ]]; then
  REDIS_SETTING="$REDIS_ENDPOINT"
  # A key prefix of our own (Caching:InstanceName), so we never meet the tests' keys; deleted on exit.
  REDIS_PREFIX="derrimut-bench-$$:"
fi
say "redis: $([[ -n "$REDIS_SETTING" ]] && echo "$REDIS_SETTING" || echo none)"
say "telemetry: $([[ "${BENCH_TELEMETRY:-0}" == 1 ]] && echo "on (collected, not exported)" || echo off)"
bench_start_app \
  "ConnectionStrings__Redis=$REDIS_SETTING" \
  "Caching__InstanceName=${REDIS_PREFIX:-derrimut-bench-$$:}" \
  Benchmarks__BareEndpoints=true \
  "Telemetry__Enabled=$([[ "${BENCH_TELEMETRY:-0}" == 1 ]] && echo true || echo false)" \
  Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware="$REQUEST_LOG_LEVEL"

# Both endpoints must answer 200 with the very same document: otherwise we compare different work.
code_t="$(curl -s -o "$WORK/tenancy.json" -w '%{http_code}' -H "Host: $TENANCY_HOST" "$TENANCY_URL")"
code_b="$(curl -s -o "$WORK/bare.json" -w '%{http_code}' "$BARE_URL")"
[[ "$code_t" == 200 ]] || { cat "$WORK/tenancy.json" >&2; die "tenancy endpoint answered $code_t"; }
[[ "$code_b" == 200 ]] || { cat "$WORK/bare.json" >&2; die "bare endpoint answered $code_b (is Benchmarks:BareEndpoints mapped?)"; }
cmp -s "$WORK/tenancy.json" "$WORK/bare.json" || { diff <(cat "$WORK/tenancy.json") <(cat "$WORK/bare.json") >&2 || true; die "the endpoints return different documents"; }
grep -q "\"identifier\":\"$TENANT\"" "$WORK/tenancy.json" || die "response does not name $TENANT: $(cat "$WORK/tenancy.json")"
say "both endpoints: 200, identical $(wc -c <"$WORK/tenancy.json")-byte document"

# ------------------------------------------------------------------ load

RESULTS="$WORK/results.tsv"   # phase round endpoint rps p50_us p99_us requests load1 cpu_us_per_req
CLK_TCK="$(getconf CLK_TCK)"
# The app's CPU time so far (user + system), in clock ticks: fields 14 and 15 of /proc/PID/stat (the command
# name, field 2, is in parentheses and contains no spaces here).
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
: >"$RESULTS"

# run_wrk <phase> <round> <endpoint> <seconds>
run_wrk() {
  local phase="$1" round="$2" endpoint="$3" seconds="$4" out line load1 cpu0 cpu1 cpu_us
  local args=(-t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" -s "$LUA")
  out="$WORK/wrk-$phase-$round-$endpoint.txt"
  cpu0="$(app_cpu_ticks)"
  if [[ "$endpoint" == tenancy && "${BENCH_AA:-0}" != 1 ]]; then
    BENCH_LABEL="$phase/$round/$endpoint" taskset -c "$WRK_CPUS" wrk "${args[@]}" -H "Host: $TENANCY_HOST" "$TENANCY_URL" >"$out" 2>&1 \
      || { cat "$out" >&2; die "wrk failed"; }
  else
    BENCH_LABEL="$phase/$round/$endpoint" taskset -c "$WRK_CPUS" wrk "${args[@]}" "$BARE_URL" >"$out" 2>&1 \
      || { cat "$out" >&2; die "wrk failed"; }
  fi
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk (latency.lua)"; }
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $phase/$round/$endpoint"; }
  cpu1="$(app_cpu_ticks)"
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  # App CPU per request: less sensitive to the machine's background load than req/s (which depends on how
  # much of the 2 cores the app gets), though cache contention still inflates it.
  cpu_us="$(awk -v t="$((cpu1 - cpu0))" -v hz="$CLK_TCK" -v n="$(field requests)" 'BEGIN {printf "%.0f", (n > 0) ? (t * 1e6 / hz / n) : 0}')"
  printf '%s load1=%s app_cpu_us_per_req=%s\n' "$line" "$load1" "$cpu_us"
  local non2xx errs
  non2xx="$(field non2xx)"
  errs=$(( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) ))
  (( non2xx == 0 )) || die "$phase/$round/$endpoint: $non2xx non-2xx responses"
  (( errs == 0 )) || die "$phase/$round/$endpoint: $errs socket errors/timeouts"
  # a warm-up may finish nothing on a loaded CI box (first requests while the JIT warms); measured rounds must
  [[ "$phase" == warmup ]] || (( $(field requests) > 0 )) || die "$phase/$round/$endpoint: no requests completed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$endpoint" "$(field rps)" "$(field p50_us)" \
    "$(field p99_us)" "$(field requests)" "$load1" "$cpu_us" >>"$RESULTS"
}

say "load: wrk -t $THREADS -c $CONNECTIONS (cpus $WRK_CPUS); warm-up ${WARMUP} s per endpoint, then $ROUNDS x ${DURATION} s per endpoint"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start"
echo "code: $CODE_DESC"
# What else is using the CPU (this machine is shared): the five busiest other processes (ps %CPU, i.e. averaged
# over each process's life -- an indication, not a measurement).
echo "busiest other processes at start (ps %CPU): $(ps -eo pid=,pcpu=,comm= --sort=-pcpu | awk -v me="$APP_PID" '$1 != me && $3 != "ps" && $2 > 1 {printf "%s %s%%, ", $3, $2; if (++n == 5) exit}')"
if (( WARMUP > 0 )); then
  run_wrk warmup 0 tenancy "$WARMUP"
  run_wrk warmup 0 bare "$WARMUP"
fi

log_lines_before="$(wc -l <"$APP_LOG")"
for ((r = 1; r <= ROUNDS; r++)); do
  if (( r % 2 == 1 )); then order=(tenancy bare); else order=(bare tenancy); fi
  for endpoint in "${order[@]}"; do
    run_wrk round "$r" "$endpoint" "$DURATION"
  done
done
log_lines_after="$(wc -l <"$APP_LOG")"
rss_kib="$(awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)"
echo "machine: $(uptime | sed 's/.*load average/load average/') at end; app RSS $((rss_kib / 1024)) MiB"

logged=$((log_lines_after - log_lines_before))
measured_requests="$(awk -F'\t' '$1 == "round" {s += $7} END {print s + 0}' "$RESULTS")"
if [[ "$REQUEST_LOGGING" == 1 || "$SMOKE" == 1 ]]; then
  # In smoke mode a log line is no breakage of the benchmark (a slow start on a busy box warns); only reported.
  say "app log: $logged line(s) during $measured_requests measured requests (not judged: BENCH_REQUEST_LOGGING=$REQUEST_LOGGING, BENCH_SMOKE=$SMOKE)"
elif (( logged > 0 )); then
  say "the app logged $logged line(s) during $measured_requests measured requests:"
  sed -n "$((log_lines_before + 1)),\$p" "$APP_LOG" | head -n 20 >&2
  die "the app logs during the run (request logging or warnings) -- fix that before trusting these figures"
else
  say "app log: 0 lines during $measured_requests measured requests"
fi

# ------------------------------------------------------------------ report

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v e="$1" -v c="$2" '$1 == "round" && $3 == e {print $c}' "$RESULTS"; }

t_rps="$(col tenancy 4 | median)"; b_rps="$(col bare 4 | median)"
t_p50="$(col tenancy 5 | median)"; b_p50="$(col bare 5 | median)"
t_p99="$(col tenancy 6 | median)"; b_p99="$(col bare 6 | median)"
t_cpu="$(col tenancy 9 | median)"; b_cpu="$(col bare 9 | median)"
rps_ratio="$(awk -v a="$t_rps" -v b="$b_rps" 'BEGIN {printf "%.3f", a / b}')"
p99_ratio="$(awk -v a="$t_p99" -v b="$b_p99" 'BEGIN {printf "%.3f", a / b}')"
# Per-round (paired) ratios: each round's two endpoints ran back to back under the same background load.
paired="$(awk -F'\t' '$1 == "round" && $3 == "tenancy" {t[$2] = $4} $1 == "round" && $3 == "bare" {b[$2] = $4}
  END {for (r in t) printf "%.3f\n", t[r] / b[r]}' "$RESULTS" | sort -g | tr '\n' ' ')"
paired_median="$(awk -F'\t' '$1 == "round" && $3 == "tenancy" {t[$2] = $4} $1 == "round" && $3 == "bare" {b[$2] = $4}
  END {for (r in t) print t[r] / b[r]}' "$RESULTS" | median)"
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }

echo
echo "## Tenancy pipeline benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): seconds of load; these figures mean nothing.**"; }
[[ "${BENCH_AA:-0}" == 1 ]] && { echo; echo "**A/A CALIBRATION RUN (BENCH_AA=1): both slots drove the bare endpoint.**"; }
echo
echo "wrk -t $THREADS -c $CONNECTIONS, warm-up ${WARMUP} s/endpoint, $ROUNDS rounds x ${DURATION} s/endpoint (alternating order);"
echo "app on cpus $APP_CPUS, wrk on cpus $WRK_CPUS; PostgreSQL $PG_PORT; Redis L2: $([[ "$USE_REDIS" == 1 ]] && echo yes || echo no); request logging: $REQUEST_LOG_LEVEL; $(nproc) cores; $CODE_DESC"
echo
echo "| round | endpoint | req/s | p50 ms | p99 ms | app CPU µs/req | load1 |"
echo "|---|---|---:|---:|---:|---:|---:|"
awk -F'\t' '$1 == "round" {printf "| %s | %s | %.0f | %.2f | %.2f | %s | %s |\n", $2, $3, $4, $5 / 1000, $6 / 1000, $9, $8}' "$RESULTS"
echo
echo "| endpoint | req/s (median) | p50 ms | p99 ms | app CPU µs/req | ratio vs bare |"
echo "|---|---:|---:|---:|---:|---|"
printf '| tenancy: `GET /api/organizations/current` (Host: %s) | %.0f | %s | %s | %.0f | req/s %s, p99 %s |\n' \
  "$TENANCY_HOST" "$t_rps" "$(ms "$t_p50")" "$(ms "$t_p99")" "$t_cpu" "$rps_ratio" "$p99_ratio"
printf '| bare: `GET /bench/bare/organizations/%s` | %.0f | %s | %s | %.0f | 1 |\n' "$TENANT" "$b_rps" "$(ms "$b_p50")" "$(ms "$b_p99")" "$b_cpu"
echo
printf 'ratio (tenancy/bare): req/s %s (goal >= 0.90: %s), p99 %s; per-round req/s ratios: %s(median %.3f); app CPU/req +%.0f µs\n' \
  "$rps_ratio" "$(awk -v r="$rps_ratio" -v smoke="$SMOKE" 'BEGIN {s = (smoke == 1) ? "not judged in smoke mode" : (r >= 0.90) ? "met" : "NOT met"; print s}')" "$p99_ratio" "$paired" "$paired_median" \
  "$(awk -v a="$t_cpu" -v b="$b_cpu" 'BEGIN {print a - b}')"
