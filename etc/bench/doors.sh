#!/usr/bin/env bash
# Door-decision benchmark (issue 14, "Proof and benchmarks"):   bash etc/bench/doors.sh
#
# Measures the door controllers' endpoint against a bare endpoint doing the same decision, side by side in one run:
#   (a) doors  POST /api/access/decisions {doorId, cardNumber}   Host: st-albans.derrimut.localhost
#              Authorization: Bearer <a door controller's token (client credentials, access:doors)>
#              -- the full pipeline: tenant resolution, token validation, the access:doors permission check, the
#              /api group's validation filter, then the decision: door read, card read, the entitlement read as of
#              now (Memberships' contract: one query across the franchise's memberships), name read, the logged
#              decision and the visit saved together, attendance marking, the live update;
#   (b) bare   POST /bench/bare/access/decisions/{st-albans id} with the same body
#              -- the same decision handler in a scope of the location named by id, with no host parsing, no token,
#              no permission check and no endpoint filters (mapped only when Benchmarks:BareEndpoints=true).
# Goals (issue 14): at 64 connections doors req/s / bare req/s >= 0.85 (closed loop: each connection sends its next
# swipe as soon as the answer comes), and p99 < 25 ms. The p99 is judged in a second, paced phase: the same 64
# connections, each a door controller swiping on average every BENCH_PACE_MS ms at independent moments (doors.lua;
# default 1000 ms: 64 swipes/s offered, hundreds of times a gym's busiest hour); a closed loop at saturation measures
# the queue in front of 2 cores, not a door's wait (its p99 is printed as well). The default was 200 ms (320 swipes/s)
# until 2026-12-05: more than this 2-core box answers even from the bare endpoint (~270/s), so that p99 measured a
# queue too; BENCH_PACE_MS=200 still runs it.
#
# The member is a demo member of st-albans with an active membership; the script gives them a card through the API
# (PUT /api/access/cards/{id}) and makes the door controller's integration client through the API
# (POST /api/identity/clients), both as the platform (a development platform key of its own, Platform:ApiKey). The
# app listens on plain HTTP on the loopback, so the token endpoint is allowed HTTP (Identity:AllowHttp) for this run.
# Every swipe is allowed (the door is 24/7 with no anti-passback), so every request writes its decision and a visit.
#
# Everything else (services, build, Production app on PostgreSQL with the demo seed, warm-up, alternating rounds,
# checks, report, smoke mode, BENCH_* variables) is as etc/bench/tenancy.sh describes; the defaults differ in the
# port [5083], the database [derrimut_bench_doors] and the connections [64]. BENCH_PACE_MS [1000], BENCH_PACED_ROUNDS [4].
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init doors 5083 derrimut_bench_doors

if [[ "$SMOKE" == 1 ]]; then
  # Seconds, not minutes: proves the app starts, both endpoints answer and wrk's output still parses.
  WARMUP="${BENCH_WARMUP:-1}"; DURATION="${BENCH_DURATION:-1}"; ROUNDS="${BENCH_ROUNDS:-1}"; CONNECTIONS="${BENCH_CONNECTIONS:-4}"
  PACED_ROUNDS="${BENCH_PACED_ROUNDS:-1}"
else
  WARMUP="${BENCH_WARMUP:-20}"; DURATION="${BENCH_DURATION:-5}"; ROUNDS="${BENCH_ROUNDS:-12}"; CONNECTIONS="${BENCH_CONNECTIONS:-64}"
  PACED_ROUNDS="${BENCH_PACED_ROUNDS:-4}"
fi
# Smoke mode paces at 100 ms: its 1-second paced round must see answers (it judges nothing).
PACE_MS="${BENCH_PACE_MS:-$([[ "$SMOKE" == 1 ]] && echo 100 || echo 1000)}"
THREADS="${BENCH_THREADS:-1}"
WRK_TIMEOUT="${BENCH_TIMEOUT:-5s}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
TENANT=st-albans
HOST_HEADER="$TENANT.$ROOT_DOMAIN"
LUA="$REPO/etc/bench/doors.lua"
PLATFORM_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

for v in "$WARMUP" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$THREADS" "$PACE_MS" "$PACED_ROUNDS"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the BENCH_* variables)"
done
(( ROUNDS >= 1 && DURATION >= 1 && CONNECTIONS >= THREADS && THREADS >= 1 )) || die "need ROUNDS>=1, DURATION>=1, CONNECTIONS>=THREADS>=1"

# ------------------------------------------------------------------ services, build and start

bench_services wrk
CODE_DESC="$APP_DIR"
if [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules | wc -l) uncommitted file(s) under src/ modules/"
  [[ "$SKIP_BUILD" == 1 ]] && CODE_DESC="existing build; tree at $CODE_DESC"
fi
bench_build src/Derrimut.Web
bench_create_database
bench_start_app \
  "Caching__InstanceName=derrimut-bench-$$:" \
  Benchmarks__BareEndpoints=true \
  Platform__ApiKey="$PLATFORM_KEY" \
  Identity__AllowHttp=true \
  Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning

# ------------------------------------------------------------------ the door, the member's card, the controller

sql() { psql_admin -d "$DB" -At -c "$1"; }
as_platform() { curl -s -H "Host: $HOST_HEADER" -H "X-Platform-Key: $PLATFORM_KEY" -H 'Content-Type: application/json' "$@"; }
LOCATION_ID="$(sql "SELECT \"Id\" FROM organizations.organizations WHERE \"Identifier\" = '$TENANT'")"
[[ "$LOCATION_ID" =~ ^[0-9a-f-]{36}$ ]] || die "could not read the id of $TENANT: '$LOCATION_ID'"
DOOR_ID="$(sql "SELECT \"Id\" FROM bookings.doors WHERE \"TenantId\" = '$LOCATION_ID' AND \"OpensAt\" IS NULL AND \"ClosesAt\" IS NULL AND NOT \"AntiPassback\" ORDER BY \"Name\" LIMIT 1")"
[[ "$DOOR_ID" =~ ^[0-9a-f-]{36}$ ]] || die "the demo seed has no 24/7 door at $TENANT: '$DOOR_ID'"
MEMBER_ID="$(sql "SELECT \"UserId\" FROM memberships.memberships WHERE \"TenantId\" = '$LOCATION_ID' AND \"Status\" = 'Active' AND NOT \"IsFrozen\" AND \"CancelsAt\" IS NULL ORDER BY \"CreatedAt\" LIMIT 1")"
[[ "$MEMBER_ID" =~ ^[0-9a-f-]{36}$ ]] || die "the demo seed has no active member at $TENANT: '$MEMBER_ID'"
CARD="BENCH$(head -c 4 /dev/urandom | od -An -tu4 | tr -d ' \n')"
code="$(as_platform -o "$WORK/card.json" -w '%{http_code}' -X PUT -d "{\"cardNumber\":\"$CARD\"}" "$BASE/api/access/cards/$MEMBER_ID")"
[[ "$code" == 200 ]] || { cat "$WORK/card.json" >&2; die "assigning the card answered $code"; }
code="$(as_platform -o "$WORK/client.json" -w '%{http_code}' -d '{"name":"Bench door controller","permissions":["access:doors"]}' "$BASE/api/identity/clients")"
[[ "$code" == 201 ]] || { cat "$WORK/client.json" >&2; die "creating the door controller's client answered $code"; }
CLIENT_ID="$(sed -n 's/.*"clientId": *"\([^"]*\)".*/\1/p' "$WORK/client.json")"
CLIENT_SECRET="$(sed -n 's/.*"clientSecret": *"\([^"]*\)".*/\1/p' "$WORK/client.json")"
code="$(curl -s -o "$WORK/token.json" -w '%{http_code}' -H "Host: $HOST_HEADER" --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" "$BASE/connect/token")"
[[ "$code" == 200 ]] || { cat "$WORK/token.json" >&2; die "the token endpoint answered $code"; }
TOKEN="$(sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p' "$WORK/token.json")"
[[ -n "$TOKEN" ]] || die "no access_token in $(cat "$WORK/token.json")"

BODY="{\"doorId\":\"$DOOR_ID\",\"cardNumber\":\"$CARD\"}"
DOORS_URL="$BASE/api/access/decisions"
BARE_URL="$BASE/bench/bare/access/decisions/$LOCATION_ID"
code_d="$(curl -s -o "$WORK/doors.json" -w '%{http_code}' -H "Host: $HOST_HEADER" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$BODY" "$DOORS_URL")"
code_b="$(curl -s -o "$WORK/bare.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$BODY" "$BARE_URL")"
[[ "$code_d" == 200 ]] || { cat "$WORK/doors.json" >&2; die "the door endpoint answered $code_d"; }
[[ "$code_b" == 200 ]] || { cat "$WORK/bare.json" >&2; die "the bare endpoint answered $code_b (is Benchmarks:BareEndpoints mapped?)"; }
cmp -s "$WORK/doors.json" "$WORK/bare.json" || { diff <(cat "$WORK/doors.json") <(cat "$WORK/bare.json") >&2 || true; die "the endpoints answer differently"; }
grep -q '"allow":true' "$WORK/doors.json" || die "the member is not let in: $(cat "$WORK/doors.json")"
# Without a token the door endpoint must refuse: otherwise the pipeline we measure is not the one in production.
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $HOST_HEADER" -H 'Content-Type: application/json' -d "$BODY" "$DOORS_URL")"
[[ "$code" == 401 ]] || die "the door endpoint answered $code without a token (expected 401)"
say "both endpoints: 200, identical answer $(cat "$WORK/doors.json")"
decisions_before="$(sql "SELECT count(*) FROM bookings.door_decisions WHERE \"DoorId\" = '$DOOR_ID'")"

# ------------------------------------------------------------------ load

RESULTS="$WORK/results.tsv"   # phase round endpoint rps p50_us p99_us requests load1 cpu_us_per_req
CLK_TCK="$(getconf CLK_TCK)"
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
: >"$RESULTS"

# run_wrk <phase> <round> <endpoint> <seconds> [pace ms]
run_wrk() {
  local phase="$1" round="$2" endpoint="$3" seconds="$4" pace="${5:-0}" out line load1 cpu0 cpu1 cpu_us url auth="" host="" platform=""
  out="$WORK/wrk-$phase-$round-$endpoint.txt"
  if [[ "$endpoint" == doors ]]; then url="$DOORS_URL"; auth="Bearer $TOKEN"; host="$HOST_HEADER"; else url="$BARE_URL"; fi
  # Diagnosis (BENCH_DOORS_PLATFORM_KEY=1): the door endpoint with the platform key instead of the bearer token, to
  # see what validating the access token costs.
  [[ "$endpoint" == doors && "${BENCH_DOORS_PLATFORM_KEY:-0}" == 1 ]] && auth="" && platform="$PLATFORM_KEY"
  cpu0="$(app_cpu_ticks)"
  BENCH_LABEL="$phase/$round/$endpoint" BENCH_LUA_DIR="$REPO/etc/bench" BENCH_BODY="$BODY" BENCH_AUTH="$auth" BENCH_HOST="$host" BENCH_PACE_MS="$pace" BENCH_PLATFORM_KEY="$platform" \
    taskset -c "$WRK_CPUS" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" -s "$LUA" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed"; }
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk (doors.lua)"; }
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $phase/$round/$endpoint"; }
  cpu1="$(app_cpu_ticks)"
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
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

say "load: wrk -t $THREADS -c $CONNECTIONS (cpus $WRK_CPUS); warm-up ${WARMUP} s per endpoint, $ROUNDS x ${DURATION} s closed loop per endpoint, then $PACED_ROUNDS x ${DURATION} s paced (on average ${PACE_MS} ms per connection, at random moments)"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start"
echo "code: $CODE_DESC"
echo "busiest other processes at start (ps %CPU): $(ps -eo pid=,pcpu=,comm= --sort=-pcpu | awk -v me="$APP_PID" '$1 != me && $3 != "ps" && $2 > 1 {printf "%s %s%%, ", $3, $2; if (++n == 5) exit}')"
if (( WARMUP > 0 )); then
  run_wrk warmup 0 doors "$WARMUP"
  run_wrk warmup 0 bare "$WARMUP"
fi

log_lines_before="$(wc -l <"$APP_LOG")"
for ((r = 1; r <= ROUNDS; r++)); do
  if (( r % 2 == 1 )); then order=(doors bare); else order=(bare doors); fi
  for endpoint in "${order[@]}"; do run_wrk round "$r" "$endpoint" "$DURATION"; done
done
for ((r = 1; r <= PACED_ROUNDS; r++)); do
  if (( r % 2 == 1 )); then order=(doors bare); else order=(bare doors); fi
  for endpoint in "${order[@]}"; do run_wrk paced "$r" "$endpoint" "$DURATION" "$PACE_MS"; done
done
log_lines_after="$(wc -l <"$APP_LOG")"
echo "machine: $(uptime | sed 's/.*load average/load average/') at end"

# Every answered swipe was logged (decision 0032): the door's log grew by exactly the requests wrk counted.
sent="$(awk -F'\t' '{s += $7} END {print s + 0}' "$RESULTS")"
logged_decisions=$(( $(sql "SELECT count(*) FROM bookings.door_decisions WHERE \"DoorId\" = '$DOOR_ID'") - decisions_before ))
# wrk counts only completed requests; one cut off by the end of a run may still have been decided.
(( logged_decisions >= sent && logged_decisions <= sent + CONNECTIONS * (ROUNDS + PACED_ROUNDS + 1) * 2 )) \
  || die "$sent answered swipes but $logged_decisions logged decisions"
say "decisions logged: $logged_decisions for $sent answered swipes"

logged=$((log_lines_after - log_lines_before))
if [[ "$SMOKE" == 1 ]]; then
  say "app log: $logged line(s) during the measured rounds (not judged: BENCH_SMOKE=1)"
elif (( logged > 0 )); then
  sed -n "$((log_lines_before + 1)),\$p" "$APP_LOG" | head -n 20 >&2
  die "the app logged $logged line(s) during the measured rounds -- fix that before trusting these figures"
fi

# ------------------------------------------------------------------ report

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v p="$1" -v e="$2" -v c="$3" '$1 == p && $3 == e {print $c}' "$RESULTS"; }
ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }

d_rps="$(col round doors 4 | median)"; b_rps="$(col round bare 4 | median)"
d_p99="$(col round doors 6 | median)"; b_p99="$(col round bare 6 | median)"
d_cpu="$(col round doors 9 | median)"; b_cpu="$(col round bare 9 | median)"
pd_rps="$(col paced doors 4 | median)"; pb_rps="$(col paced bare 4 | median)"
pd_p50="$(col paced doors 5 | median)"; pb_p50="$(col paced bare 5 | median)"
pd_p99="$(col paced doors 6 | sort -g | tail -n 1)"; pb_p99="$(col paced bare 6 | sort -g | tail -n 1)"
rps_ratio="$(awk -v a="$d_rps" -v b="$b_rps" 'BEGIN {printf "%.3f", a / b}')"
paired="$(awk -F'\t' '$1 == "round" && $3 == "doors" {t[$2] = $4} $1 == "round" && $3 == "bare" {b[$2] = $4}
  END {for (r in t) printf "%.3f\n", t[r] / b[r]}' "$RESULTS" | sort -g | tr '\n' ' ')"
verdict() { awk -v ok="$1" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged in smoke mode" : ok ? "met" : "NOT met"}'; }

echo
echo "## Door decision benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): seconds of load; these figures mean nothing.**"; }
echo
echo "wrk -t $THREADS -c $CONNECTIONS, warm-up ${WARMUP} s/endpoint, $ROUNDS closed-loop rounds + $PACED_ROUNDS paced rounds (on average ${PACE_MS} ms between one connection's swipes, at random moments) x ${DURATION} s/endpoint (alternating order);"
echo "app on cpus $APP_CPUS, wrk on cpus $WRK_CPUS; PostgreSQL $PG_PORT; $(nproc) cores; $CODE_DESC"
echo
echo "| phase | round | endpoint | req/s | p50 ms | p99 ms | app CPU µs/req | load1 |"
echo "|---|---|---|---:|---:|---:|---:|---:|"
awk -F'\t' '$1 != "warmup" {printf "| %s | %s | %s | %.0f | %.2f | %.2f | %s | %s |\n", $1, $2, $3, $4, $5 / 1000, $6 / 1000, $9, $8}' "$RESULTS"
echo
echo "| endpoint | closed loop: req/s (median) | p99 ms | app CPU µs/req | paced: req/s | p50 ms | p99 ms (worst round) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '| doors: `POST /api/access/decisions` (Host: %s, bearer token) | %.0f | %s | %.0f | %.0f | %s | %s |\n' "$HOST_HEADER" "$d_rps" "$(ms "$d_p99")" "$d_cpu" "$pd_rps" "$(ms "$pd_p50")" "$(ms "$pd_p99")"
printf '| bare: `POST /bench/bare/access/decisions/{%s id}` | %.0f | %s | %.0f | %.0f | %s | %s |\n' "$TENANT" "$b_rps" "$(ms "$b_p99")" "$b_cpu" "$pb_rps" "$(ms "$pb_p50")" "$(ms "$pb_p99")"
echo
printf 'ratio (doors/bare) req/s at %s connections: %s (goal >= 0.85: %s); per-round ratios: %s\n' "$CONNECTIONS" "$rps_ratio" \
  "$(verdict "$(awk -v r="$rps_ratio" 'BEGIN {print (r >= 0.85)}')")" "$paired"
printf 'doors p99 at %s connections paced at %s ms: %s ms (goal < 25 ms: %s); closed loop at saturation: %s ms\n' "$CONNECTIONS" "$PACE_MS" "$(ms "$pd_p99")" \
  "$(verdict "$(awk -v p="$pd_p99" 'BEGIN {print (p < 25000)}')")" "$(ms "$d_p99")"
