#!/usr/bin/env bash
# Bookings benchmarks (issue 13, "Benchmark"):   bash etc/bench/bookings.sh   (or --smoke)
#
# Two comparisons, each side by side in one run on one app (alternating rounds):
#   upcoming   (a) app   GET /api/bookings/mine/upcoming  Host: st-albans.derrimut.localhost, signed in as
#                        member@st-albans (the auth cookie from the real sign-in form): tenant resolution,
#                        authentication, the permission check, EF Core with the tenant filter, JSON;
#              (b) raw   GET /bench/bare/bookings/upcoming/{location}/{member}: the same rows, joins and JSON
#                        from one hand-written Npgsql command on the app's own connection string (same pool
#                        and settings), no tenancy, no sign-in, no EF Core.
#              Goals: app req/s >= 0.85 x raw; app p99 < 50 ms at 64 connections.
#   slots      (a) app   GET /api/trainers/{trainer@st-albans}/slots?from&to (the next 14 days)
#              (b) bare  GET /bench/bare/bookings/slots/{location}/{trainer}?from&to: the same handler and
#                        queries with the location as a plain WHERE (no tenancy pipeline, no global filter).
#              Goal: app req/s >= 0.8 x bare.
# Both endpoints of a pair must answer 200 with the very same document, or the run stops.
#
# Services, build, Production app on PostgreSQL with the demo seed, smoke mode and the BENCH_* variables are as
# etc/bench/tenancy.sh describes; defaults here: port 5083, database derrimut_bench_bookings, 64 connections.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init bookings 5083 derrimut_bench_bookings

if [[ "$SMOKE" == 1 ]]; then
  WARMUP="${BENCH_WARMUP:-1}"; DURATION="${BENCH_DURATION:-1}"; ROUNDS="${BENCH_ROUNDS:-1}"; CONNECTIONS="${BENCH_CONNECTIONS:-4}"
else
  WARMUP="${BENCH_WARMUP:-20}"; DURATION="${BENCH_DURATION:-5}"; ROUNDS="${BENCH_ROUNDS:-8}"; CONNECTIONS="${BENCH_CONNECTIONS:-64}"
fi
THREADS="${BENCH_THREADS:-1}"
WRK_TIMEOUT="${BENCH_TIMEOUT:-5s}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
TENANT=st-albans
HOST_HEADER="$TENANT.$ROOT_DOMAIN"
LUA="$REPO/etc/bench/latency.lua"
for v in "$WARMUP" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$THREADS"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the BENCH_* variables)"
done

bench_services wrk
CODE_DESC="$APP_DIR"
if [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules | wc -l) uncommitted file(s) under src/ modules/"
  [[ "$SKIP_BUILD" == 1 ]] && CODE_DESC="existing build; tree at $CODE_DESC"
fi
bench_build src/Derrimut.Web
bench_create_database
bench_start_app Benchmarks__BareEndpoints=true "Caching__InstanceName=derrimut-bench-$$:"

# ------------------------------------------------------------------ ids and the member's sign-in

sql() { psql_admin -d "$DB" -At -c "$1"; }
LOCATION_ID="$(sql "SELECT \"Id\" FROM organizations.organizations WHERE \"Identifier\" = '$TENANT'")"
MEMBER_ID="$(sql "SELECT \"Id\" FROM identity.users WHERE \"Email\" = 'member@$TENANT.$ROOT_DOMAIN'")"
TRAINER_ID="$(sql "SELECT t.\"Id\" FROM bookings.trainers t JOIN identity.users u ON u.\"Id\" = t.\"PersonId\" WHERE t.\"TenantId\" = '$LOCATION_ID' AND u.\"Email\" = 'trainer@$TENANT.$ROOT_DOMAIN'")"
for v in LOCATION_ID MEMBER_ID TRAINER_ID; do
  [[ "${!v}" =~ ^[0-9a-f-]{36}$ ]] || die "could not read $v from the seeded database: '${!v}'"
done

# Sign in through the real form (antiforgery token and all), keep the cookies it sets as one Cookie header.
MEMBER_COOKIE="$(bench_sign_in "$HOST_HEADER" "member@$TENANT.$ROOT_DOMAIN")" || die "the member could not sign in"

FROM="$(date -u -d "+1 hour" '+%Y-%m-%dT%H:00:00Z')"
TO="$(date -u -d "$FROM + 14 days" '+%Y-%m-%dT%H:00:00Z')"
declare -A URL HOSTH COOKIE
URL[upcoming]="$BASE/api/bookings/mine/upcoming"; HOSTH[upcoming]="$HOST_HEADER"; COOKIE[upcoming]="$MEMBER_COOKIE"
URL[raw]="$BASE/bench/bare/bookings/upcoming/$LOCATION_ID/$MEMBER_ID"
# Diagnosis, not a goal: the signed-in pipeline alone (tenant, cookie, access, the same permission policy; no query).
URL[signedin]="$BASE/api/bookings/bench/signed-in"; HOSTH[signedin]="$HOST_HEADER"; COOKIE[signedin]="$MEMBER_COOKIE"
URL[slots]="$BASE/api/trainers/$TRAINER_ID/slots?from=$FROM&to=$TO"; HOSTH[slots]="$HOST_HEADER"
URL[bare]="$BASE/bench/bare/bookings/slots/$LOCATION_ID/$TRAINER_ID?from=$FROM&to=$TO"

fetch() {
  local e="$1" args=(-s -o "$WORK/$e.json" -w '%{http_code}')
  [[ -n "${HOSTH[$e]:-}" ]] && args+=(-H "Host: ${HOSTH[$e]}")
  [[ -n "${COOKIE[$e]:-}" ]] && args+=(-H "Cookie: ${COOKIE[$e]}")
  curl "${args[@]}" "${URL[$e]}"
}
for e in upcoming raw signedin slots bare; do
  c="$(fetch "$e")"
  [[ "$c" == 200 ]] || { head -c 1000 "$WORK/$e.json" >&2; die "$e answered $c"; }
done
cmp -s "$WORK/upcoming.json" "$WORK/raw.json" || { diff <(cat "$WORK/upcoming.json") <(cat "$WORK/raw.json") >&2 || true; die "upcoming: the app and raw Npgsql return different documents"; }
cmp -s "$WORK/slots.json" "$WORK/bare.json" || { diff <(cat "$WORK/slots.json") <(cat "$WORK/bare.json") >&2 || true; die "slots: the app and bare endpoints return different documents"; }
grep -q '"id"' "$WORK/upcoming.json" || die "member@$TENANT has no upcoming booking in the demo: $(cat "$WORK/upcoming.json")"
grep -q '"start"' "$WORK/slots.json" || die "trainer@$TENANT has no slots in the next 14 days"
say "upcoming: identical $(wc -c <"$WORK/upcoming.json")-byte documents; slots: identical $(wc -c <"$WORK/slots.json")-byte documents ($(grep -o '"start"' "$WORK/slots.json" | wc -l) slots)"

# ------------------------------------------------------------------ load

RESULTS="$WORK/results.tsv"   # phase round endpoint rps p50_us p99_us requests load1 app_cpu_us_per_req
: >"$RESULTS"
CLK_TCK="$(getconf CLK_TCK)"
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
run_wrk() {
  local phase="$1" round="$2" e="$3" seconds="$4" out line
  local lua="$LUA"
  # Signed-in endpoints keep a renewed sign-in cookie, as a browser does (browser.lua says why).
  [[ -n "${COOKIE[$e]:-}" && "${BENCH_STATIC_COOKIE:-0}" != 1 ]] && lua="$REPO/etc/bench/browser.lua"
  local args=(-t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" -s "$lua")
  [[ -n "${HOSTH[$e]:-}" ]] && args+=(-H "Host: ${HOSTH[$e]}")
  [[ -n "${COOKIE[$e]:-}" ]] && args+=(-H "Cookie: ${COOKIE[$e]}")
  out="$WORK/wrk-$phase-$round-$e.txt"
  local cpu0 cpu1 cpu_us
  cpu0="$(app_cpu_ticks)"
  BENCH_LUA_DIR="$REPO/etc/bench" BENCH_LABEL="$phase/$round/$e" taskset -c "$WRK_CPUS" wrk "${args[@]}" "${URL[$e]}" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk (latency.lua)"; }
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $phase/$round/$e"; }
  cpu1="$(app_cpu_ticks)"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  cpu_us="$(awk -v t="$((cpu1 - cpu0))" -v hz="$CLK_TCK" -v n="$(field requests)" 'BEGIN {printf "%.0f", (n > 0) ? (t * 1e6 / hz / n) : 0}')"
  printf '%s app_cpu_us_per_req=%s\n' "$line" "$cpu_us"
  (( $(field non2xx) == 0 )) || die "$phase/$round/$e: $(field non2xx) non-2xx responses"
  (( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) == 0 )) || die "$phase/$round/$e: socket errors/timeouts"
  # a warm-up may finish nothing on a loaded CI box (first requests while the JIT warms); measured rounds must
  [[ "$phase" == warmup ]] || (( $(field requests) > 0 )) || die "$phase/$round/$e: no requests completed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$e" "$(field rps)" "$(field p50_us)" "$(field p99_us)" "$(field requests)" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$cpu_us" >>"$RESULTS"
}

say "load: wrk -t $THREADS -c $CONNECTIONS; warm-up ${WARMUP} s per endpoint, then $ROUNDS x ${DURATION} s per endpoint"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start; code: $CODE_DESC"
if (( WARMUP > 0 )); then
  for e in upcoming raw signedin slots bare; do run_wrk warmup 0 "$e" "$WARMUP"; done
fi
for ((r = 1; r <= ROUNDS; r++)); do
  if (( r % 2 == 1 )); then order=(upcoming raw signedin slots bare); else order=(raw upcoming signedin bare slots); fi
  for e in "${order[@]}"; do run_wrk round "$r" "$e" "$DURATION"; done
done

# ------------------------------------------------------------------ report

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v e="$1" -v c="$2" '$1 == "round" && $3 == e {print $c}' "$RESULTS" | median; }
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }
ratio() { awk -v a="$(col "$1" 4)" -v b="$(col "$2" 4)" 'BEGIN {printf "%.3f", a / b}'; }
verdict() { awk -v r="$1" -v goal="$2" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged in smoke mode" : (r >= goal) ? "met" : "NOT met"}'; }

echo
echo "## Bookings benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): seconds of load; these figures mean nothing.**"; }
echo
echo "wrk -t $THREADS -c $CONNECTIONS, warm-up ${WARMUP} s/endpoint, $ROUNDS rounds x ${DURATION} s/endpoint (alternating order); app on cpus $APP_CPUS, wrk on cpus $WRK_CPUS; $(nproc) cores; $CODE_DESC"
echo
echo "| endpoint | req/s (median) | p50 ms | p99 ms | app CPU µs/req (median) |"
echo "|---|---:|---:|---:|---:|"
for e in upcoming raw signedin slots bare; do
  printf '| %s | %.0f | %s | %s | %.0f |\n' "$e" "$(col "$e" 4)" "$(ms "$(col "$e" 5)")" "$(ms "$(col "$e" 6)")" "$(col "$e" 9)"
done
echo "(signedin: the signed-in pipeline alone, no query -- a diagnosis, not a goal)"
echo "machine: $(uptime | sed 's/.*load average/load average/') at end"
up_ratio="$(ratio upcoming raw)"; slot_ratio="$(ratio slots bare)"
up_p99="$(ms "$(col upcoming 6)")"
echo
printf 'my upcoming bookings (signed in) / raw Npgsql: req/s %s (goal >= 0.85: %s); p99 %s ms at %s connections (goal < 50 ms: %s)\n' \
  "$up_ratio" "$(verdict "$up_ratio" 0.85)" "$up_p99" "$CONNECTIONS" \
  "$(awk -v p="$up_p99" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged in smoke mode" : (p < 50) ? "met" : "NOT met"}')"
printf 'slot search, next 14 days / bare: req/s %s (goal >= 0.8: %s)\n' "$slot_ratio" "$(verdict "$slot_ratio" 0.8)"
