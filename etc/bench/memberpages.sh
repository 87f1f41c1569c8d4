#!/usr/bin/env bash
# Signed-in member pages (issue 18, "signed-in member pages p95 < 200 ms at 50 concurrent users"):
#   bash etc/bench/memberpages.sh [--smoke]
#
# member@st-albans signs in through the real form; then BENCH_USERS connections each go round the member's pages (home,
# bookings, membership: server-rendered GETs, every widget on them) with etc/bench/members.lua, which keeps the renewed
# sign-in cookie as a browser does. Two loads, one after the other, in one app:
#   (a) paced    each connection is a member who reads a page for BENCH_THINK_MIN_MS..BENCH_THINK_MAX_MS (uniform,
#                default 1-3 s: brisk clicking) before opening the next -- "50 concurrent users";
#   (b) closed   the same connections with no pause at all, each asking again the moment an answer arrives: a far harder
#                load than 50 people, shown to say where the box saturates (not a goal).
# Goal: the paced load's p95 < 200 ms. wrk measures from sending a request to its answer; the pause is not in it.
# Fails on any non-2xx (a lost sign-in would show as a redirect), socket error or timeout. Start-up, cleanup, services
# and smoke mode: lib.sh.
#
# Environment (defaults in brackets): BENCH_USERS [50], BENCH_THINK_MIN_MS [1000], BENCH_THINK_MAX_MS [3000],
# BENCH_WARMUP [15] s (paced), BENCH_DURATION [40] s per load, BENCH_TIMEOUT [5s], BENCH_WRK_CPUS [0,1], BENCH_REDIS [0],
# BENCH_SMOKE / --smoke (4 users, 100-300 ms pauses, 2 s per load, nothing judged), and lib.sh's BENCH_* settings.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init memberpages 5088 derrimut_bench_memberpages

if [[ "$SMOKE" == 1 ]]; then
  USERS="${BENCH_USERS:-4}"; THINK_MIN="${BENCH_THINK_MIN_MS:-100}"; THINK_MAX="${BENCH_THINK_MAX_MS:-300}"
  WARMUP="${BENCH_WARMUP:-1}"; DURATION="${BENCH_DURATION:-2}"
else
  USERS="${BENCH_USERS:-50}"; THINK_MIN="${BENCH_THINK_MIN_MS:-1000}"; THINK_MAX="${BENCH_THINK_MAX_MS:-3000}"
  WARMUP="${BENCH_WARMUP:-15}"; DURATION="${BENCH_DURATION:-40}"
fi
WRK_TIMEOUT="${BENCH_TIMEOUT:-5s}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
TENANT=st-albans
HOST_HEADER="$TENANT.$ROOT_DOMAIN"
PAGES=/member,/member/bookings,/member/membership
for v in "$USERS" "$THINK_MIN" "$THINK_MAX" "$WARMUP" "$DURATION"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the BENCH_* variables)"
done
(( THINK_MIN <= THINK_MAX )) || die "BENCH_THINK_MIN_MS must not exceed BENCH_THINK_MAX_MS"

bench_services wrk
CODE_DESC="$APP_DIR"
if [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules | wc -l) uncommitted file(s) under src/ modules/"
  [[ "$SKIP_BUILD" == 1 ]] && CODE_DESC="existing build; tree at $CODE_DESC"
fi
bench_build src/Derrimut.Web
bench_create_database
bench_start_app "Caching__InstanceName=derrimut-bench-$$:"

COOKIE="$(bench_sign_in "$HOST_HEADER" "member@$TENANT.$ROOT_DOMAIN")" || die "the member could not sign in"
IFS=, read -ra PAGE_LIST <<<"$PAGES"
for path in "${PAGE_LIST[@]}"; do
  code="$(curl -s -o "$WORK/page.html" -w '%{http_code}' -H "Host: $HOST_HEADER" -H "Cookie: $COOKIE" "$BASE$path")"
  [[ "$code" == 200 ]] || { head -c 800 "$WORK/page.html" >&2; die "$path answered $code for the signed-in member"; }
  grep -qi "sign out\|signout\|log out" "$WORK/page.html" || die "$path did not render for a signed-in member"
done
say "the member's pages answer 200 signed in: ${PAGE_LIST[*]}"

RESULTS="$WORK/results.tsv"   # load requests rps p50_us p90_us p95_us p99_us max_us
: >"$RESULTS"
run_load() {   # run_load <label> <seconds> <think min ms> <think max ms>
  local label="$1" seconds="$2" out line
  out="$WORK/wrk-$label.txt"
  BENCH_LUA_DIR="$REPO/etc/bench" BENCH_LABEL="$label" BENCH_PAGES="$PAGES" BENCH_THINK_MIN_MS="$3" BENCH_THINK_MAX_MS="$4" \
    taskset -c "$WRK_CPUS" wrk -t 1 -c "$USERS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" -s "$REPO/etc/bench/members.lua" \
    -H "Host: $HOST_HEADER" -H "Cookie: $COOKIE" "$BASE/member" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk (members.lua)"; }
  echo "$line"
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $label"; }
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  (( $(field non2xx) == 0 )) || die "$label: $(field non2xx) non-2xx responses (a lost sign-in shows as a redirect)"
  (( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) == 0 )) || die "$label: socket errors/timeouts"
  (( $(field requests) > 0 )) || die "$label: no page answered"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$(field requests)" "$(field rps)" "$(field p50_us)" "$(field p90_us)" \
    "$(field p95_us)" "$(field p99_us)" "$(field max_us)" >>"$RESULTS"
}

say "load: $USERS members going round ${PAGE_LIST[*]}; paced ${THINK_MIN}-${THINK_MAX} ms between pages, then closed loop"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start; code: $CODE_DESC"
(( WARMUP > 0 )) && run_load warmup "$WARMUP" "$THINK_MIN" "$THINK_MAX"
run_load paced "$DURATION" "$THINK_MIN" "$THINK_MAX"
run_load closed "$DURATION" 0 0

ms() { awk -v us="$1" 'BEGIN {printf "%.1f", us / 1000}'; }
echo
echo "## Signed-in member pages -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): seconds of load; these figures mean nothing.**"; }
echo
echo "$USERS connections going round ${PAGE_LIST[*]} (member@$TENANT signed in), ${DURATION} s per load; wrk on cpus $WRK_CPUS, app on $APP_CPUS; $CODE_DESC"
echo
echo "| load | pages | pages/s | p50 ms | p90 ms | p95 ms | p99 ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r label requests rps p50 p90 p95 p99 max; do
  [[ "$label" == warmup ]] && continue
  desc="$label"; [[ "$label" == paced ]] && desc="paced (${THINK_MIN}-${THINK_MAX} ms between pages)"; [[ "$label" == closed ]] && desc="closed loop (no pause)"
  printf '| %s | %s | %.0f | %s | %s | %s | %s | %s |\n' "$desc" "$requests" "$rps" "$(ms "$p50")" "$(ms "$p90")" "$(ms "$p95")" "$(ms "$p99")" "$(ms "$max")"
done <"$RESULTS"
echo "machine: $(uptime | sed 's/.*load average/load average/') at end"
p95="$(awk -F'\t' '$1 == "paced" {print $6}' "$RESULTS")"
echo
printf 'signed-in member pages, %s members pacing %s-%s ms: p95 %s ms (goal < 200 ms: %s)\n' "$USERS" "$THINK_MIN" "$THINK_MAX" "$(ms "$p95")" \
  "$(awk -v p="$p95" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged in smoke mode" : (p < 200000) ? "met" : "NOT met"}')"
