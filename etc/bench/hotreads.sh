#!/usr/bin/env bash
# Hot reads against a minimal raw app (issue 18, "the whole app close to the machine"):   bash etc/bench/hotreads.sh
#
# The hottest tenant-scoped reads, served by the whole Derrimut app, side by side in one run with the same documents
# served by a *separate* minimal ASP.NET Core app (tests/Derrimut.Benchmarks.RawApp: slim builder, no middleware,
# hand-written SQL through raw Npgsql, the same connection settings, the same database):
#   profile        GET /api/organizations/current            Host: st-albans.<root>   (anonymous; the gym's public profile)
#   rawprofile     GET /raw/gyms/st-albans/profile            (raw app)
#   membership     GET /api/memberships/mine                  Host: st-albans.<root>, member@st-albans signed in
#   rawmembership  GET /raw/gyms/<location>/members/<member>/membership   (raw app: both statements in one round trip)
#   signedin       GET /api/bookings/bench/signed-in          the app's signed-in pipeline with no query at all -- a
#                  diagnosis (what being signed in costs), not a goal
# Goal (issue 18): profile / rawprofile >= 0.85 and membership / rawmembership >= 0.85 (req/s, medians of the rounds).
# Before the load the script checks that the app and the raw app return byte-identical documents.
#
# Both apps run at once, pinned alike (BENCH_APP_CPUS); only one is driven at a time, so the idle one costs nothing.
# wrk has one thread (one core at most). Each endpoint: a warm-up, then BENCH_ROUNDS rounds in alternating order
# (app, raw / raw, app) so drifting background load hits both alike. The signed-in endpoints go through browser.lua,
# which keeps a renewed sign-in cookie as a browser does. App CPU per request is read from /proc for whichever
# process served the endpoint.
#
# Environment (defaults in brackets; ~3 min of load at defaults, plus start-up):
#   BENCH_WARMUP [20] s per endpoint, BENCH_DURATION [5] s per round, BENCH_ROUNDS [8], BENCH_CONNECTIONS [64],
#   BENCH_THREADS [1], BENCH_TIMEOUT [5s], BENCH_APP_CPUS [0,1], BENCH_WRK_CPUS [0,1], BENCH_PORT [5086] (the raw app
#   takes the next free port), BENCH_DB [derrimut_bench_hotreads], BENCH_SKIP_BUILD, BENCH_APP_DIR, BENCH_RAW_DIR
#   [tests/Derrimut.Benchmarks.RawApp/bin/Release/net10.0], BENCH_REDIS, BENCH_PG, BENCH_REDIS_CONNECTION,
#   BENCH_SMOKE (or --smoke: seconds of load, nothing judged) -- as in etc/bench/lib.sh and tenancy.sh.
# Settings of the app itself pass through the environment (e.g. Memberships__MineCacheExpiration=00:00:00).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init hotreads 5086 derrimut_bench_hotreads

if [[ "$SMOKE" == 1 ]]; then
  WARMUP="${BENCH_WARMUP:-1}"; DURATION="${BENCH_DURATION:-1}"; ROUNDS="${BENCH_ROUNDS:-1}"; CONNECTIONS="${BENCH_CONNECTIONS:-4}"
else
  WARMUP="${BENCH_WARMUP:-20}"; DURATION="${BENCH_DURATION:-5}"; ROUNDS="${BENCH_ROUNDS:-8}"; CONNECTIONS="${BENCH_CONNECTIONS:-64}"
fi
THREADS="${BENCH_THREADS:-1}"
WRK_TIMEOUT="${BENCH_TIMEOUT:-5s}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
RAW_DIR="${BENCH_RAW_DIR:-$REPO/tests/Derrimut.Benchmarks.RawApp/bin/Release/net10.0}"
TENANT=st-albans
HOST_HEADER="$TENANT.$ROOT_DOMAIN"
for v in "$WARMUP" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$THREADS"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the BENCH_* variables)"
done

RAW_PID=""
bench_cleanup_extra() {
  if [[ -n "$RAW_PID" ]] && pid_alive "$RAW_PID"; then kill -TERM "$RAW_PID" 2>/dev/null; wait "$RAW_PID" 2>/dev/null; fi
  return 0
}

bench_services wrk
CODE_DESC="$APP_DIR"
if [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules tests/Derrimut.Benchmarks.RawApp | wc -l) uncommitted file(s)"
  [[ "$SKIP_BUILD" == 1 ]] && CODE_DESC="existing build; tree at $CODE_DESC"
fi
bench_build src/Derrimut.Web
if [[ "$SKIP_BUILD" != 1 ]]; then
  dotnet build -c Release tests/Derrimut.Benchmarks.RawApp -nologo -v quiet >"$WORK/raw-build.log" 2>&1 || { tail -n 30 "$WORK/raw-build.log" >&2; die "raw app build failed"; }
fi
[[ -f "$RAW_DIR/Derrimut.Benchmarks.RawApp.dll" ]] || die "$RAW_DIR/Derrimut.Benchmarks.RawApp.dll missing (build tests/Derrimut.Benchmarks.RawApp first)"
bench_create_database
bench_start_app Benchmarks__BareEndpoints=true "Caching__InstanceName=derrimut-bench-$$:"

# The raw app: the same connection string the app was given (lib.sh's bench_app_connection plus its settings).
RAW_PORT="$(bench_free_port $((PORT + 1)))"
RAW_BASE="http://127.0.0.1:$RAW_PORT"
(
  cd "$RAW_DIR"
  exec env DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production \
    "RAW_CONNECTION=$(bench_app_connection);No Reset On Close=true;Max Auto Prepare=20" \
    taskset -c "$APP_CPUS" dotnet Derrimut.Benchmarks.RawApp.dll --urls "$RAW_BASE"
) >"$WORK/raw.log" 2>&1 8>&- &
RAW_PID=$!
for _ in $(seq 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$RAW_BASE/raw/gyms/$TENANT/profile" || true)" == 200 ]] && break
  pid_alive "$RAW_PID" || { cat "$WORK/raw.log" >&2; die "the raw app exited during start-up"; }
  sleep 0.5
done
say "raw app ready on $RAW_BASE (pid $RAW_PID)"

sql() { psql_admin -d "$DB" -At -c "$1"; }
LOCATION_ID="$(sql "SELECT \"Id\" FROM organizations.organizations WHERE \"Identifier\" = '$TENANT'")"
MEMBER_ID="$(sql "SELECT \"Id\" FROM identity.users WHERE \"Email\" = 'member@$TENANT.$ROOT_DOMAIN'")"
for v in LOCATION_ID MEMBER_ID; do
  [[ "${!v}" =~ ^[0-9a-f-]{36}$ ]] || die "could not read $v from the seeded database: '${!v}'"
done
MEMBER_COOKIE="$(bench_sign_in "$HOST_HEADER" "member@$TENANT.$ROOT_DOMAIN")" || die "the member could not sign in"

declare -A URL HOSTH COOKIE SERVER
URL[profile]="$BASE/api/organizations/current"; HOSTH[profile]="$HOST_HEADER"; SERVER[profile]=app
URL[rawprofile]="$RAW_BASE/raw/gyms/$TENANT/profile"; SERVER[rawprofile]=raw
URL[membership]="$BASE/api/memberships/mine"; HOSTH[membership]="$HOST_HEADER"; COOKIE[membership]="$MEMBER_COOKIE"; SERVER[membership]=app
URL[rawmembership]="$RAW_BASE/raw/gyms/$LOCATION_ID/members/$MEMBER_ID/membership"; SERVER[rawmembership]=raw
URL[signedin]="$BASE/api/bookings/bench/signed-in"; HOSTH[signedin]="$HOST_HEADER"; COOKIE[signedin]="$MEMBER_COOKIE"; SERVER[signedin]=app
ENDPOINTS=(profile rawprofile membership rawmembership signedin)

fetch() {
  local e="$1" args=(-s -o "$WORK/$e.json" -w '%{http_code}')
  [[ -n "${HOSTH[$e]:-}" ]] && args+=(-H "Host: ${HOSTH[$e]}")
  [[ -n "${COOKIE[$e]:-}" ]] && args+=(-H "Cookie: ${COOKIE[$e]}")
  curl "${args[@]}" "${URL[$e]}"
}
for e in "${ENDPOINTS[@]}"; do
  c="$(fetch "$e")"
  [[ "$c" == 200 ]] || { head -c 1000 "$WORK/$e.json" >&2; die "$e answered $c"; }
done
for pair in profile:rawprofile membership:rawmembership; do
  a="${pair%%:*}" b="${pair##*:}"
  cmp -s "$WORK/$a.json" "$WORK/$b.json" || { diff <(tr , '\n' <"$WORK/$a.json") <(tr , '\n' <"$WORK/$b.json") >&2 || true; die "$a: the app and the raw app return different documents"; }
done
grep -q '"ledger":\[{' "$WORK/membership.json" || die "member@$TENANT has no ledger line in the demo: $(cat "$WORK/membership.json")"
say "profile: identical $(wc -c <"$WORK/profile.json")-byte documents; membership: identical $(wc -c <"$WORK/membership.json")-byte documents"

RESULTS="$WORK/results.tsv"   # phase round endpoint rps p50_us p99_us requests load1 cpu_us_per_req
: >"$RESULTS"
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_wrk() {
  local phase="$1" round="$2" e="$3" seconds="$4" out line pid lua="$REPO/etc/bench/latency.lua"
  pid="$APP_PID"; [[ "${SERVER[$e]}" == raw ]] && pid="$RAW_PID"
  [[ -n "${COOKIE[$e]:-}" ]] && lua="$REPO/etc/bench/browser.lua"
  local args=(-t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" -s "$lua")
  [[ -n "${HOSTH[$e]:-}" ]] && args+=(-H "Host: ${HOSTH[$e]}")
  [[ -n "${COOKIE[$e]:-}" ]] && args+=(-H "Cookie: ${COOKIE[$e]}")
  out="$WORK/wrk-$phase-$round-$e.txt"
  local cpu0 cpu1 cpu_us
  cpu0="$(cpu_ticks "$pid")"
  BENCH_LUA_DIR="$REPO/etc/bench" BENCH_LABEL="$phase/$round/$e" taskset -c "$WRK_CPUS" wrk "${args[@]}" "${URL[$e]}" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk (latency.lua)"; }
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $phase/$round/$e"; }
  pid_alive "$RAW_PID" || { tail -n 40 "$WORK/raw.log" >&2; die "the raw app died during $phase/$round/$e"; }
  cpu1="$(cpu_ticks "$pid")"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  cpu_us="$(awk -v t="$((cpu1 - cpu0))" -v hz="$CLK_TCK" -v n="$(field requests)" 'BEGIN {printf "%.0f", (n > 0) ? (t * 1e6 / hz / n) : 0}')"
  printf '%s cpu_us_per_req=%s\n' "$line" "$cpu_us"
  (( $(field non2xx) == 0 )) || die "$phase/$round/$e: $(field non2xx) non-2xx responses"
  (( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) == 0 )) || die "$phase/$round/$e: socket errors/timeouts"
  [[ "$phase" == warmup ]] || (( $(field requests) > 0 )) || die "$phase/$round/$e: no requests completed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$e" "$(field rps)" "$(field p50_us)" "$(field p99_us)" "$(field requests)" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$cpu_us" >>"$RESULTS"
}

say "load: wrk -t $THREADS -c $CONNECTIONS; warm-up ${WARMUP} s per endpoint, then $ROUNDS x ${DURATION} s per endpoint"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start; code: $CODE_DESC"
if (( WARMUP > 0 )); then
  for e in "${ENDPOINTS[@]}"; do run_wrk warmup 0 "$e" "$WARMUP"; done
fi
for ((r = 1; r <= ROUNDS; r++)); do
  if (( r % 2 == 1 )); then order=(profile rawprofile membership rawmembership signedin); else order=(rawprofile profile rawmembership membership signedin); fi
  for e in "${order[@]}"; do run_wrk round "$r" "$e" "$DURATION"; done
done

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v e="$1" -v c="$2" '$1 == "round" && $3 == e {print $c}' "$RESULTS" | median; }
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }
ratio() { awk -v a="$(col "$1" 4)" -v b="$(col "$2" 4)" 'BEGIN {printf "%.3f", a / b}'; }
paired() {   # the per-round ratios a/b, lowest to highest
  join -j1 <(awk -F'\t' -v e="$1" '$1 == "round" && $3 == e {print $2, $4}' "$RESULTS" | sort) \
    <(awk -F'\t' -v e="$2" '$1 == "round" && $3 == e {print $2, $4}' "$RESULTS" | sort) |
    awk '{printf "%.2f\n", $2 / $3}' | sort -g | paste -sd ' '
}
verdict() { awk -v r="$1" -v goal="$2" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged in smoke mode" : (r >= goal) ? "met" : "NOT met"}'; }

echo
echo "## Hot reads against a minimal raw app -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): seconds of load; these figures mean nothing.**"; }
echo
echo "wrk -t $THREADS -c $CONNECTIONS, warm-up ${WARMUP} s/endpoint, $ROUNDS rounds x ${DURATION} s/endpoint (alternating order); both apps on cpus $APP_CPUS, wrk on cpus $WRK_CPUS; $(nproc) cores; $CODE_DESC"
echo
echo "| endpoint | served by | req/s (median) | p50 ms | p99 ms | CPU µs/req (median) |"
echo "|---|---|---:|---:|---:|---:|"
for e in "${ENDPOINTS[@]}"; do
  printf '| %s | %s | %.0f | %s | %s | %.0f |\n' "$e" "${SERVER[$e]}" "$(col "$e" 4)" "$(ms "$(col "$e" 5)")" "$(ms "$(col "$e" 6)")" "$(col "$e" 9)"
done
echo "(signedin: the app's signed-in pipeline alone, no query -- a diagnosis, not a goal)"
echo "machine: $(uptime | sed 's/.*load average/load average/') at end"
profile_ratio="$(ratio profile rawprofile)"; membership_ratio="$(ratio membership rawmembership)"
echo
printf 'gym profile (anonymous) / raw app: req/s %s (goal >= 0.85: %s); per round %s\n' "$profile_ratio" "$(verdict "$profile_ratio" 0.85)" "$(paired profile rawprofile)"
printf 'my membership (signed in) / raw app: req/s %s (goal >= 0.85: %s); per round %s\n' "$membership_ratio" "$(verdict "$membership_ratio" 0.85)" "$(paired membership rawmembership)"
