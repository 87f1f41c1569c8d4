#!/usr/bin/env bash
# Public page benchmark (issue 18, "Pages as fast as the API"):   bash etc/bench/pages.sh [--smoke]
#
# A gym's public home page for anonymous visitors, with the output cache off and on, side by side in one app:
#   (a) uncached  GET /   Host: st-albans.derrimut.localhost   X-Derrimut-Bench-Uncached: 1
#                 the header makes the public page policy skip the cache (honoured only with
#                 Benchmarks:BareEndpoints=true): the page is rendered on every request, as before decision 0070;
#   (b) cached    GET /   Host: st-albans.derrimut.localhost
#                 served from the output cache (PublicPages:CacheSeconds=240, memory store; BENCH_REDIS=1: Redis).
# Goal (issue 18): cached req/s >= 10 x uncached req/s.
#
# Before the load it checks that both answer 200 with the gym's page, that the cached side is served from the store
# (an Age header) and the uncached side is not. Then it warms each side up, runs BENCH_ROUNDS rounds of BENCH_DURATION s
# per side, alternating the order, fails on any non-2xx or socket error, and prints every round and the ratio.
# Start-up, cleanup, services and smoke mode: lib.sh.
#
# Environment (defaults in brackets): BENCH_WARMUP [5] s per side, BENCH_DURATION [10] s, BENCH_ROUNDS [1],
# BENCH_CONNECTIONS [50], BENCH_THREADS [1], BENCH_TIMEOUT [5s], BENCH_WRK_CPUS [0,1], BENCH_REDIS [0],
# BENCH_SMOKE / --smoke (1 s per side, 4 connections, no figure judged), and lib.sh's BENCH_* settings.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init pages 5085 derrimut_bench_pages

if [[ "$SMOKE" == 1 ]]; then
  WARMUP="${BENCH_WARMUP:-1}"; DURATION="${BENCH_DURATION:-1}"; ROUNDS="${BENCH_ROUNDS:-1}"; CONNECTIONS="${BENCH_CONNECTIONS:-4}"
else
  WARMUP="${BENCH_WARMUP:-5}"; DURATION="${BENCH_DURATION:-10}"; ROUNDS="${BENCH_ROUNDS:-1}"; CONNECTIONS="${BENCH_CONNECTIONS:-50}"
fi
THREADS="${BENCH_THREADS:-1}"
WRK_TIMEOUT="${BENCH_TIMEOUT:-5s}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
USE_REDIS="${BENCH_REDIS:-0}"
TENANT=st-albans
PAGE_HOST="$TENANT.$ROOT_DOMAIN"
URL="$BASE/"
BYPASS="X-Derrimut-Bench-Uncached: 1"
LUA="$REPO/etc/bench/latency.lua"

bench_services $([[ "$USE_REDIS" == 1 ]] && echo redis) wrk
bench_build src/Derrimut.Web
bench_create_database

REDIS_SETTING=""
if [[ "$USE_REDIS" == 1 ]]; then
  REDIS_SETTING="$REDIS_ENDPOINT"
  REDIS_PREFIX="derrimut-bench-$$:"
fi
bench_start_app \
  "ConnectionStrings__Redis=$REDIS_SETTING" \
  "Caching__InstanceName=${REDIS_PREFIX:-derrimut-bench-$$:}" \
  Benchmarks__BareEndpoints=true \
  PublicPages__CacheSeconds=240 \
  Telemetry__Enabled=false

# ------------------------------------------------------------------ checks

probe() { # probe <out file> [header] -> prints "<status> <age header present 0/1>"
  local out="$1"; shift
  local headers="$WORK/headers.txt"
  local code
  code="$(curl -s -D "$headers" -o "$out" -w '%{http_code}' -H "Host: $PAGE_HOST" "$@" "$URL")"
  printf '%s %s\n' "$code" "$(grep -ci '^age:' "$headers" || true)"
}
read -r code _ <<<"$(probe "$WORK/cached-1.html")"
[[ "$code" == 200 ]] || { head -c 2000 "$WORK/cached-1.html" >&2; die "the home page answered $code"; }
read -r code age <<<"$(probe "$WORK/cached-2.html")"
[[ "$code" == 200 && "$age" == 1 ]] || die "the second anonymous request was not served from the output cache (status $code, Age header $age)"
read -r code age <<<"$(probe "$WORK/uncached.html" -H "$BYPASS")"
[[ "$code" == 200 && "$age" == 0 ]] || die "the bypass request was served from the cache or failed (status $code, Age header $age)"
for f in cached-2 uncached; do
  grep -q 'Derrimut 24:7 Gym St Albans' "$WORK/$f.html" || die "$f: not st-albans's home page"
done
say "both sides: 200, st-albans's home page ($(wc -c <"$WORK/uncached.html") bytes uncached, $(wc -c <"$WORK/cached-2.html") cached)"

# ------------------------------------------------------------------ load

RESULTS="$WORK/results.tsv"   # phase round side rps p50_us p99_us requests
: >"$RESULTS"
run_wrk() { # run_wrk <phase> <round> <side> <seconds>
  local phase="$1" round="$2" side="$3" seconds="$4" out line
  local args=(-t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" -s "$LUA" -H "Host: $PAGE_HOST")
  [[ "$side" == uncached ]] && args+=(-H "$BYPASS")
  out="$WORK/wrk-$phase-$round-$side.txt"
  BENCH_LABEL="$phase/$round/$side" taskset -c "$WRK_CPUS" wrk "${args[@]}" "$URL" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk (latency.lua)"; }
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $phase/$round/$side"; }
  echo "$line"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  (( $(field non2xx) == 0 )) || die "$phase/$round/$side: $(field non2xx) non-2xx responses"
  (( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) == 0 )) || die "$phase/$round/$side: socket errors/timeouts"
  # a warm-up may finish nothing on a loaded CI box (first requests while the JIT warms); measured rounds must
  [[ "$phase" == warmup ]] || (( $(field requests) > 0 )) || die "$phase/$round/$side: no requests completed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$side" "$(field rps)" "$(field p50_us)" "$(field p99_us)" "$(field requests)" >>"$RESULTS"
}

say "load: wrk -t $THREADS -c $CONNECTIONS (cpus $WRK_CPUS); warm-up ${WARMUP} s per side, then $ROUNDS x ${DURATION} s per side"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start"
echo "code: commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
if (( WARMUP > 0 )); then
  run_wrk warmup 0 uncached "$WARMUP"
  run_wrk warmup 0 cached "$WARMUP"
fi
for ((r = 1; r <= ROUNDS; r++)); do
  if (( r % 2 == 1 )); then order=(uncached cached); else order=(cached uncached); fi
  for side in "${order[@]}"; do run_wrk round "$r" "$side" "$DURATION"; done
done
echo "machine: $(uptime | sed 's/.*load average/load average/') at end"

# ------------------------------------------------------------------ report

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v s="$1" -v c="$2" '$1 == "round" && $3 == s {print $c}' "$RESULTS"; }
u_rps="$(col uncached 4 | median)"; c_rps="$(col cached 4 | median)"
u_p50="$(col uncached 5 | median)"; c_p50="$(col cached 5 | median)"
u_p99="$(col uncached 6 | median)"; c_p99="$(col cached 6 | median)"
ratio="$(awk -v a="$c_rps" -v b="$u_rps" 'BEGIN {printf "%.1f", a / b}')"
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }

echo
echo "## Public page benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): seconds of load; these figures mean nothing.**"; }
echo
echo "wrk -t $THREADS -c $CONNECTIONS, warm-up ${WARMUP} s/side, $ROUNDS x ${DURATION} s/side; app on cpus $APP_CPUS, wrk on cpus $WRK_CPUS;"
echo "PostgreSQL, Production build; output cache store: $([[ "$USE_REDIS" == 1 ]] && echo Redis || echo memory); $(nproc) cores"
echo
echo "| side: \`GET /\` at $PAGE_HOST, anonymous | req/s (median) | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|"
printf '| uncached (rendered per request) | %.0f | %s | %s |\n' "$u_rps" "$(ms "$u_p50")" "$(ms "$u_p99")"
printf '| cached (output cache) | %.0f | %s | %s |\n' "$c_rps" "$(ms "$c_p50")" "$(ms "$c_p99")"
echo
printf 'ratio (cached/uncached) req/s: %s x (goal >= 10: %s)\n' "$ratio" \
  "$(awk -v r="$ratio" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged in smoke mode" : (r >= 10) ? "met" : "NOT met"}')"
