#!/usr/bin/env bash
# A 6 pm peak hour at 1/100 of the capacity model's scale (issue 18, "Toward internet scale"; docs/scaling.md):
#   bash etc/bench/scale.sh            (full: 5 franchises x 10 gyms, 5,000 members; ~6-8 min with start-up)
#   bash etc/bench/scale.sh --smoke    (1 franchise x 2 gyms, 40 members, seconds of load)
#
# 1. Setup. The app (Production, PostgreSQL, a database of its own) migrates and writes the demo seed. The franchises and
#    gyms are created through the platform API (POST /api/platform/tenants), as an operator would; etc/bench/scale-seed.sql
#    then copies the demo gym st-albans's configuration into each (plans, PT session types, doors, trainers and their
#    hours, class types) and writes, set-based, the members (people, location memberships, memberships on the copied
#    plans, a year of ledger, cards), BENCH_HISTORY_DAYS days of check-ins and door decisions, and eight classes today at
#    each gym. Through the app again: a door controller's client and bearer token per gym (POST /api/identity/clients,
#    /connect/token), and BENCH_SIGNED_IN members per gym signed in through the real form.
# 2. Solo phases: each endpoint alone at BENCH_SOLO_RATE requests/s for BENCH_SOLO_SECONDS, for its costs: app CPU per
#    request (user + system ticks of the app process / requests answered), database time per request (pg_stat_database
#    active_time of this database, read after the backends flushed their counters; and a 100 Hz sample of
#    pg_stat_activity, split by statement class = first keyword + first table named), commits and rows written per request.
# 3. The peak hour: every endpoint at once, each at its share of the model's 6 pm hour for BENCH_MEMBERS_TOTAL members
#    (docs/scaling.md, "Inputs"), compressed BENCH_COMPRESSION times (30: the hour in 120 s), one paced connection per
#    endpoint kind. Per endpoint: requests, p50/p95/p99; for the whole mix: app CPU and database time per request,
#    against the model's prediction from the solo costs.
# 4. Sizes: bytes per row (table + indexes + TOAST / rows) of the tables that grow, for the model's database size.
# Endpoints (all through the real pipeline: Host header tenancy, authentication, permission checks):
#   doors       POST /api/access/decisions                  a door controller's bearer token; a member's card at a 24/7 door
#   membership  GET  /api/memberships/mine                  a signed-in member (cookie from the real sign-in form)
#   bookings    POST /api/classes/{occurrence}/bookings     a signed-in member books one of today's classes (each pair once)
#   slots       GET  /api/trainers/{id}/slots?from&to       anonymous; the next 7 days of one of the gym's trainers
#   renewals    POST /webhooks/stripe                       invoice.paid (subscription_cycle) for a live membership, signed
#                                                           as Stripe signs (t=...,v1=HMAC-SHA256), each event once
# A signed-in member's cookie is older than Identity:Sessions:RecheckInterval (1 min) by the time the load starts and is
# not renewed by the client: every member request pays the security-stamp re-check, as the first request of a member
# opening the app at 6 pm does.
#
# Run-only settings, each because one loopback address plays thousands of people: the per-address rate limits on writes
# and sign-ins are raised (RateLimiting__WritesPerMinute, __SignInsPerMinute, __TokenRequestsPerAddressPerMinute). pg_stat_statements is not used: the shared
# server was started without it in shared_preload_libraries (checked and reported at run time).
#
# Environment (defaults: full / smoke):
#   BENCH_FRANCHISES [5/1]  BENCH_GYMS_PER_FRANCHISE [10/2]  BENCH_MEMBERS_PER_GYM [100/20]  BENCH_HISTORY_DAYS [30/1]
#   BENCH_SIGNED_IN [3/4] members signed in per gym    BENCH_COMPRESSION [30/600]  BENCH_SOLO_RATE [40/10]
#   BENCH_SOLO_SECONDS [8/1]  BENCH_STATS_WAIT [11/0] seconds to let backends flush their statistics after a phase
#   BENCH_PORT [5090]  BENCH_DB [derrimut_bench_scale]  BENCH_APP_CPUS [0,1]  BENCH_WRK_CPUS [0,1]  BENCH_SKIP_BUILD
#   BENCH_KEEP_LOG  BENCH_PG  (see lib.sh)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init scale 5090 derrimut_bench_scale

if [[ "$SMOKE" == 1 ]]; then
  FRANCHISES="${BENCH_FRANCHISES:-1}"; GYMS_PER="${BENCH_GYMS_PER_FRANCHISE:-2}"; MEMBERS_PER="${BENCH_MEMBERS_PER_GYM:-20}"
  HISTORY_DAYS="${BENCH_HISTORY_DAYS:-1}"; COMPRESSION="${BENCH_COMPRESSION:-600}"; SOLO_RATE="${BENCH_SOLO_RATE:-10}"
  SOLO_SECONDS="${BENCH_SOLO_SECONDS:-1}"; STATS_WAIT="${BENCH_STATS_WAIT:-0}"
else
  FRANCHISES="${BENCH_FRANCHISES:-5}"; GYMS_PER="${BENCH_GYMS_PER_FRANCHISE:-10}"; MEMBERS_PER="${BENCH_MEMBERS_PER_GYM:-100}"
  HISTORY_DAYS="${BENCH_HISTORY_DAYS:-30}"; COMPRESSION="${BENCH_COMPRESSION:-30}"; SOLO_RATE="${BENCH_SOLO_RATE:-40}"
  SOLO_SECONDS="${BENCH_SOLO_SECONDS:-8}"; STATS_WAIT="${BENCH_STATS_WAIT:-11}"
fi
SIGNED_IN="${BENCH_SIGNED_IN:-$([[ "$SMOKE" == 1 ]] && echo 4 || echo 3)}"
WRK_CPUS="${BENCH_WRK_CPUS:-0,1}"
for v in "$FRANCHISES" "$GYMS_PER" "$MEMBERS_PER" "$HISTORY_DAYS" "$COMPRESSION" "$SOLO_RATE" "$SOLO_SECONDS" "$STATS_WAIT" "$SIGNED_IN"; do
  [[ "$v" =~ ^[0-9]+$ && "$v" -ge 0 ]] || die "not a number: '$v' (check the BENCH_* variables)"
done
(( SOLO_RATE >= 4 && COMPRESSION >= 1 )) || die "BENCH_SOLO_RATE must be >= 4 and BENCH_COMPRESSION >= 1"
SOURCE_GYM=st-albans
PREFIX=scale
PLATFORM_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECRET="whsec_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PASSWORD='Derrimut!2026'
LUA="$REPO/etc/bench/scale.lua"
ENDPOINTS=(doors membership bookings slots renewals)

# The model's 6 pm hour, per member (docs/scaling.md, "Inputs"): requests of each kind one member causes in that hour.
#   doors       0.35 visits a day x 10/124 of a day's visits in the 6 pm hour (a 24/7 gym's curve) = 0.0282
#   membership  two reads of "my membership" per visit (the app opened on the way and at the door)   = 0.0565
#   bookings    0.13 class bookings a day x 12 % of them made in that hour                            = 0.0156
#   slots       PT slot searches: 0.02 (one member in fifty looks for a session in the evening)       = 0.0200
#   renewals    fortnightly billing spread over the day: 1/(14 x 24) renewals, 3 deliveries each        = 0.0089
declare -A PER_MEMBER=([doors]=0.0282 [membership]=0.0565 [bookings]=0.0156 [slots]=0.0200 [renewals]=0.0089)

bench_services wrk
command -v perl >/dev/null || die "perl not found (it signs the renewal webhooks)"
CODE_DESC="$APP_DIR"
if [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules | wc -l) uncommitted file(s) under src/ modules/"
  [[ "$SKIP_BUILD" == 1 ]] && CODE_DESC="existing build; tree at $CODE_DESC"
fi
bench_build src/Derrimut.Web
bench_create_database
bench_start_app \
  "Caching__InstanceName=derrimut-bench-$$:" \
  Platform__ApiKey="$PLATFORM_KEY" \
  Billing__Stripe__WebhookSecret="$SECRET" \
  Identity__AllowHttp=true \
  RateLimiting__WritesPerMinute=1000000 \
  RateLimiting__SignInsPerMinute=1000000 \
  RateLimiting__TokenRequestsPerAddressPerMinute=1000000 \
  Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') after start-up; code: $CODE_DESC"

sql() { psql_admin -d "$DB" -At -F $'\t' -c "$1"; }
admin_api() { curl -s -H "Host: admin.$ROOT_DOMAIN" -H "X-Platform-Key: $PLATFORM_KEY" -H 'Content-Type: application/json' "$@"; }
json_field() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p"; }
T_SETUP=$SECONDS

# ------------------------------------------------------------------ franchises and gyms, through the platform API

for ((f = 1; f <= FRANCHISES; f++)); do
  fident="$PREFIX-f$f"
  code="$(admin_api -o "$WORK/f.json" -w '%{http_code}' \
    -d "{\"kind\":\"franchise\",\"name\":\"Scale Franchise $f\",\"identifier\":\"$fident\",\"timeZone\":\"Australia/Melbourne\",\"currency\":\"AUD\",\"activate\":true}" \
    "$BASE/api/platform/tenants")"
  [[ "$code" == 201 ]] || { cat "$WORK/f.json" >&2; die "creating franchise $fident answered $code"; }
  fid="$(tr -d '\n' <"$WORK/f.json" | sed -n 's/^{ *"id": *"\([^"]*\)".*/\1/p')"
  [[ "$fid" =~ ^[0-9a-f-]{36}$ ]] || fid="$(sql "SELECT \"Id\" FROM organizations.organizations WHERE \"Identifier\" = '$fident'")"
  [[ "$fid" =~ ^[0-9a-f-]{36}$ ]] || die "no id for franchise $fident"
  for ((g = 1; g <= GYMS_PER; g++)); do
    gident="$fident-g$(printf '%02d' "$g")"
    code="$(admin_api -o "$WORK/g.json" -w '%{http_code}' \
      -d "{\"kind\":\"location\",\"franchiseId\":\"$fid\",\"name\":\"Scale Gym $f-$g\",\"identifier\":\"$gident\",\"timeZone\":\"Australia/Melbourne\",\"currency\":\"AUD\",\"isOpen24x7\":true,\"address\":{\"street\":\"$g Benchmark Street\",\"suburb\":\"Werribee\",\"state\":\"VIC\",\"postcode\":\"3030\"},\"activate\":true}" \
      "$BASE/api/platform/tenants")"
    [[ "$code" == 201 ]] || { cat "$WORK/g.json" >&2; die "creating gym $gident answered $code"; }
  done
done
GYMS="$(sql "SELECT count(*) FROM organizations.organizations WHERE \"Identifier\" LIKE '$PREFIX-%' AND \"Kind\" = 'Location'")"
(( GYMS == FRANCHISES * GYMS_PER )) || die "$GYMS gyms created, $((FRANCHISES * GYMS_PER)) expected"
say "created $FRANCHISES franchise(s) and $GYMS gym(s) through the platform API in $((SECONDS - T_SETUP)) s"

# ------------------------------------------------------------------ members, history and classes, set-based

t0=$SECONDS
PGPASSWORD="$PG_PASSWORD" psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -v source="$SOURCE_GYM" -v prefix="$PREFIX" \
  -v members="$MEMBERS_PER" -v history_days="$HISTORY_DAYS" -f "$REPO/etc/bench/scale-seed.sql" || die "scale-seed.sql failed"
MEMBERS_TOTAL="$(sql "SELECT count(*) FROM memberships.memberships m JOIN organizations.organizations o ON o.\"Id\" = m.\"TenantId\" WHERE o.\"Identifier\" LIKE '$PREFIX-%'")"
say "scale-seed.sql: $MEMBERS_TOTAL members in $((SECONDS - t0)) s: $(sql "SELECT string_agg(s, ', ') FROM (
  SELECT 'check-ins ' || count(*) AS s FROM bookings.check_ins UNION ALL SELECT 'ledger ' || count(*) FROM memberships.ledger_entries
  UNION ALL SELECT 'cards ' || count(*) FROM bookings.member_cards UNION ALL SELECT 'classes ' || count(*) FROM bookings.class_occurrences WHERE \"StartsAt\" > now()
  UNION ALL SELECT 'trainers ' || count(*) FROM bookings.trainers UNION ALL SELECT 'doors ' || count(*) FROM bookings.doors) x")"
(( MEMBERS_TOTAL == GYMS * MEMBERS_PER )) || die "$MEMBERS_TOTAL members written, $((GYMS * MEMBERS_PER)) expected"

# ------------------------------------------------------------------ door controllers' tokens, through the app

declare -A TOKEN
while IFS=$'\t' read -r ident; do
  host="$ident.$ROOT_DOMAIN"
  code="$(curl -s -o "$WORK/client.json" -w '%{http_code}' -H "Host: $host" -H "X-Platform-Key: $PLATFORM_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"Scale door controller","permissions":["access:doors"]}' "$BASE/api/identity/clients")"
  [[ "$code" == 201 ]] || { cat "$WORK/client.json" >&2; die "creating $ident's door controller answered $code"; }
  cid="$(json_field clientId <"$WORK/client.json")"; csecret="$(json_field clientSecret <"$WORK/client.json")"
  code="$(curl -s -o "$WORK/token.json" -w '%{http_code}' -H "Host: $host" --data-urlencode grant_type=client_credentials \
    --data-urlencode "client_id=$cid" --data-urlencode "client_secret=$csecret" "$BASE/connect/token")"
  [[ "$code" == 200 ]] || { cat "$WORK/token.json" >&2; die "$ident's token endpoint answered $code"; }
  TOKEN[$ident]="$(json_field access_token <"$WORK/token.json")"
  [[ -n "${TOKEN[$ident]}" ]] || die "no access_token for $ident"
done < <(sql "SELECT \"Identifier\" FROM organizations.organizations WHERE \"Identifier\" LIKE '$PREFIX-%' AND \"Kind\" = 'Location' ORDER BY 1")
say "door controllers: ${#TOKEN[@]} clients with bearer tokens"

# ------------------------------------------------------------------ members signed in through the real form

# Members on a plan with classes, active, SIGNED_IN per gym.
t0=$SECONDS
sql "SELECT o.\"Identifier\", u.\"Email\", u.\"Id\" FROM (
       SELECT m.\"TenantId\", m.\"UserId\", row_number() OVER (PARTITION BY m.\"TenantId\" ORDER BY md5(m.\"UserId\"::text)) AS r
       FROM memberships.memberships m JOIN memberships.plans p ON p.\"Id\" = m.\"PlanId\"
       WHERE m.\"Status\" = 'Active' AND NOT m.\"IsFrozen\" AND p.\"IncludesClasses\") x
     JOIN organizations.organizations o ON o.\"Id\" = x.\"TenantId\" JOIN identity.users u ON u.\"Id\" = x.\"UserId\"
     WHERE o.\"Identifier\" LIKE '$PREFIX-%' AND x.r <= $SIGNED_IN ORDER BY 1, 2" >"$WORK/signers.tsv"
: >"$WORK/signed-in.tsv"
while IFS=$'\t' read -r ident email uid; do
  cookie="$(bench_sign_in "$ident.$ROOT_DOMAIN" "$email" "$PASSWORD")" || die "could not sign in $email"
  [[ -n "$cookie" ]] || die "no cookie for $email"
  printf '%s\t%s\t%s\n' "$ident" "$uid" "$cookie" >>"$WORK/signed-in.tsv"
done <"$WORK/signers.tsv"
SIGNED="$(wc -l <"$WORK/signed-in.tsv")"
(( SIGNED == GYMS * SIGNED_IN )) || die "$SIGNED members signed in, $((GYMS * SIGNED_IN)) expected"
say "signed in $SIGNED members through the form in $((SECONDS - t0)) s; setup took $((SECONDS - T_SETUP)) s in all"

# ------------------------------------------------------------------ the request lists

# doors: every live card at its gym's 24/7 door, in a shuffled order.
sql "SELECT o.\"Identifier\", d.\"Id\", c.\"CardNumber\" FROM bookings.member_cards c
     JOIN organizations.organizations o ON o.\"Id\" = c.\"TenantId\"
     JOIN LATERAL (SELECT \"Id\" FROM bookings.doors WHERE \"TenantId\" = c.\"TenantId\" AND \"OpensAt\" IS NULL AND \"ClosesAt\" IS NULL
                   AND NOT \"AntiPassback\" AND \"IsActive\" ORDER BY \"Name\" LIMIT 1) d ON true
     WHERE o.\"Identifier\" LIKE '$PREFIX-%' ORDER BY md5(c.\"CardNumber\")" >"$WORK/cards.tsv"
[[ -s "$WORK/cards.tsv" ]] || die "no cards at a 24/7 door without anti-passback"
while IFS=$'\t' read -r ident door card; do
  printf 'POST\t/api/access/decisions\t%s\tAuthorization: Bearer %s\t{"doorId":"%s","cardNumber":"%s"}\n' "$ident.$ROOT_DOMAIN" "${TOKEN[$ident]}" "$door" "$card"
done <"$WORK/cards.tsv" >"$WORK/doors.req"

# membership: the signed-in members' "my membership".
awk -F'\t' -v d="$ROOT_DOMAIN" '{printf "GET\t/api/memberships/mine\t%s.%s\tCookie: %s\t-\n", $1, d, $3}' "$WORK/signed-in.tsv" >"$WORK/membership.req"

# bookings: every (signed-in member, class today at their gym) pair once, class by class.
sql "SELECT o.\"Identifier\", c.\"Id\" FROM bookings.class_occurrences c JOIN organizations.organizations o ON o.\"Id\" = c.\"TenantId\"
     WHERE o.\"Identifier\" LIKE '$PREFIX-%' AND c.\"StartsAt\" > now() ORDER BY c.\"StartsAt\", 1" >"$WORK/classes.tsv"
awk -F'\t' -v d="$ROOT_DOMAIN" 'NR == FNR {n[$1]++; cookie[$1, n[$1]] = $3; next}
  {for (i = 1; i <= n[$1]; i++) printf "POST\t/api/classes/%s/bookings\t%s.%s\tCookie: %s\t{}\n", $2, $1, d, cookie[$1, i]}' \
  "$WORK/signed-in.tsv" "$WORK/classes.tsv" >"$WORK/bookings.req"

# slots: each gym's trainers with weekly hours, the next 7 days.
FROM="$(date -u -d '+1 hour' '+%Y-%m-%dT%H:00:00Z')"; TO="$(date -u -d "$FROM + 7 days" '+%Y-%m-%dT%H:00:00Z')"
sql "SELECT DISTINCT o.\"Identifier\", t.\"Id\" FROM bookings.trainers t JOIN organizations.organizations o ON o.\"Id\" = t.\"TenantId\"
     WHERE o.\"Identifier\" LIKE '$PREFIX-%' AND EXISTS (SELECT 1 FROM bookings.weekly_hours w WHERE w.\"TrainerId\" = t.\"Id\") ORDER BY 2" \
  | awk -F'\t' -v d="$ROOT_DOMAIN" -v from="$FROM" -v to="$TO" '{printf "GET\t/api/trainers/%s/slots?from=%s&to=%s\t%s.%s\t-\t-\n", $2, from, to, $1, d}' >"$WORK/slots.req"

# renewals: the live memberships, for the webhooks (signed per phase, just before it: Stripe's signatures expire).
sql "SELECT o.\"Identifier\", m.\"TenantId\", m.\"UserId\", m.\"SubscriptionId\", m.\"PlanCode\", p.\"PriceCents\"
     FROM memberships.memberships m JOIN organizations.organizations o ON o.\"Id\" = m.\"TenantId\" JOIN memberships.plans p ON p.\"Id\" = m.\"PlanId\"
     WHERE o.\"Identifier\" LIKE '$PREFIX-%' AND m.\"Status\" = 'Active' ORDER BY md5(m.\"SubscriptionId\")" >"$WORK/subscriptions.tsv"
# renewal_list <phase> <count>: signed invoice.paid deliveries, each a new invoice of a live subscription.
renewal_list() {
  BENCH_SECRET="$SECRET" BENCH_DOMAIN="$ROOT_DOMAIN" BENCH_PHASE="$1" BENCH_COUNT="$2" perl -MDigest::SHA=hmac_sha256_hex -e '
    my @subs = map { chomp; [split /\t/] } <STDIN>;
    die "no live subscriptions\n" unless @subs;
    my ($secret, $domain, $phase, $count) = @ENV{qw(BENCH_SECRET BENCH_DOMAIN BENCH_PHASE BENCH_COUNT)};
    my $now = time;
    for my $n (1 .. $count) {
      my ($ident, $tenant, $user, $sub, $plan, $price) = @{ $subs[($n * 7919) % @subs] };
      my $invoice = "in_scale_${phase}_$n";
      my $meta = qq({"tenant_id":"$tenant","user_id":"$user","purpose":"membership","plan":"$plan"});
      my $start = $now - 3600; my $end = $start + 14 * 86400;
      my $body = qq({"id":"evt_scale_${phase}_$n","object":"event","api_version":"2026-10-28.endive","created":$now,"type":"invoice.paid",)
        . qq("livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"data":{"object":{"id":"$invoice","object":"invoice",)
        . qq("status":"paid","billing_reason":"subscription_cycle","customer":"cus_$sub","amount_due":$price,"amount_paid":$price,"currency":"aud",)
        . qq("attempt_count":1,"parent":{"type":"subscription_details","subscription_details":{"subscription":"$sub","metadata":$meta}},)
        . qq("lines":{"object":"list","data":[{"id":"il_${invoice}","object":"line_item","amount":$price,"period":{"start":$start,"end":$end}}]}}}});
      my $sig = hmac_sha256_hex("$now.$body", $secret);
      print "POST\t/webhooks/stripe\t$ident.$domain\tStripe-Signature: t=$now,v1=$sig\t$body\n";
    }' <"$WORK/subscriptions.tsv"
}

for e in doors membership bookings slots; do
  [[ -s "$WORK/$e.req" ]] || die "empty request list for $e"
done
say "request lists: doors $(wc -l <"$WORK/doors.req"), membership $(wc -l <"$WORK/membership.req"), bookings $(wc -l <"$WORK/bookings.req") (each once), slots $(wc -l <"$WORK/slots.req"), live subscriptions $(wc -l <"$WORK/subscriptions.tsv")"

# Each list is checked once by hand before any load: every kind answers 2xx.
first_line_status() {
  local method path host header body args
  IFS=$'\t' read -r method path host header body <"$1"
  args=(-s -o "$WORK/check.out" -w '%{http_code}' -X "$method" -H "Host: $host")
  [[ "$header" != - ]] && args+=(-H "$header")
  [[ "$body" != - ]] && args+=(-H 'Content-Type: application/json' --data-raw "$body")
  curl "${args[@]}" "$BASE$path"
}
renewal_list check 1 >"$WORK/renewals-check.req"
for e in doors membership slots renewals-check; do
  c="$(first_line_status "$WORK/$e.req")"
  [[ "$c" =~ ^2 ]] || { head -c 600 "$WORK/check.out" >&2; echo >&2; die "$e answered $c to its first request"; }
done
# (bookings are not tried by hand: each pair is booked once, by the load.)
say "every endpoint answered 2xx by hand"

# ------------------------------------------------------------------ measuring

CLK_TCK="$(getconf CLK_TCK)"
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
# Database counters of this database: active time (ms), commits, rows inserted + updated + deleted.
db_counters() {
  sql "SELECT COALESCE(active_time, 0), xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = '$DB'"
}
PRELOADED="$(sql "SHOW shared_preload_libraries")"
if [[ "$PRELOADED" == *pg_stat_statements* ]]; then STATEMENTS_NOTE="pg_stat_statements is preloaded but not used (the sampler below is the same on every server)"
else STATEMENTS_NOTE="pg_stat_statements is not in shared_preload_libraries ('$PRELOADED') on this server, so database time comes from pg_stat_database.active_time and a 100 Hz sample of pg_stat_activity"; fi

# The sampler: which statements of this database are running, 100 times a second, one line per active backend.
SAMPLER_PID=""
sampler_start() {
  # On the admin database: a sampler on the bench database would count its own queries in that database's counters.
  # The class: the statement's first word and the first schema.table it reads from, writes into or updates.
  printf '%s\n' "SELECT coalesce(split_part(ltrim(query), ' ', 1), '?') || ' ' || coalesce((SELECT m[1] || '.' || m[2] FROM regexp_match(query, '(?:FROM|INTO|UPDATE)\s+\"?([a-z_]+)\"?\.\"?([a-z_]+)\"?') m), '-') FROM pg_stat_activity WHERE datname = '$DB' AND state = 'active' AND backend_type = 'client backend'" '\watch 0.01' \
    | PGPASSWORD="$PG_PASSWORD" psql -X -q -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres >"$1" 2>/dev/null 8>&- &
  SAMPLER_PID=$!
  SAMPLER_T0="$(date +%s.%N)"
}
sampler_stop() {
  if [[ -n "$SAMPLER_PID" ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; fi
  SAMPLER_PID=""
  SAMPLER_SECONDS="$(awk -v a="$SAMPLER_T0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')"
}
bench_cleanup_extra() { [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null; return 0; }

BOOKINGS_USED=0
RESULTS="$WORK/results.tsv"   # phase endpoint offered_rps rps requests p50 p95 p99 max cpu_us db_active_ms commits rows sampled_db_ms load1
: >"$RESULTS"
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# wrk_start <phase> <endpoint> <list> <connections> <pace ms> <seconds>: one paced wrk in the background.
declare -A WRK_PID
wrk_start() {
  local phase="$1" e="$2" list="$3" conns="$4" pace="$5" seconds="$6"
  BENCH_REQUESTS="$list" BENCH_PACE_MS="$pace" BENCH_LABEL="$phase/$e" \
    taskset -c "$WRK_CPUS" wrk -t 1 -c "$conns" -d "${seconds}s" --timeout 20s -s "$LUA" "$BASE/" >"$WORK/wrk-$phase-$e.txt" 2>&1 8>&- &
  WRK_PID[$e]=$!
}
wrk_line() {
  local out="$WORK/wrk-$1-$2.txt" line
  line="$(grep '^BENCH ' "$out" | tail -n 1)"
  [[ -n "$line" ]] || { cat "$out" >&2; die "no BENCH line from wrk ($1/$2)"; }
  local bad errs
  bad="$(field "$line" non2xx)"; errs=$(( $(field "$line" connect_err) + $(field "$line" read_err) + $(field "$line" write_err) + $(field "$line" timeouts) ))
  (( bad == 0 )) || { grep '^non-2xx' "$out" >&2; die "$1/$2: $bad non-2xx responses"; }
  (( errs == 0 )) || die "$1/$2: $errs socket errors or timeouts"
  printf '%s' "$line"
}

# run_phase <phase> <seconds> <endpoint:connections:pace> ...
run_phase() {
  local phase="$1" seconds="$2"; shift 2
  local spec e conns pace cpu0 cpu1 c0 c1 load1 list need
  read -r -a c0 <<<"$(db_counters | tr '\t' ' ')"
  cpu0="$(app_cpu_ticks)"
  local w0; w0="$(date +%s.%N)"
  sampler_start "$WORK/samples-$phase.txt"
  for spec in "$@"; do
    IFS=: read -r e conns pace <<<"$spec"
    list="$WORK/$e.req"
    # Each renewal and each booking is sent once: a phase gets lists of its own, sized beyond what it can send (offered
    # rate x seconds x 1.5, plus a few per connection).
    need="$(awk -v c="$conns" -v p="$pace" -v s="$seconds" 'BEGIN {printf "%d", c * 1000 / p * s * 1.5 + 2 * c + 3}')"
    if [[ "$e" == renewals ]]; then
      renewal_list "$phase" "$need" >"$WORK/renewals-$phase.req"
      list="$WORK/renewals-$phase.req"
    elif [[ "$e" == bookings ]]; then
      (( BOOKINGS_USED + need <= $(wc -l <"$WORK/bookings.req") )) \
        || die "$phase needs $need more (member, class) pairs than the $(wc -l <"$WORK/bookings.req") there are (raise BENCH_SIGNED_IN)"
      sed -n "$((BOOKINGS_USED + 1)),$((BOOKINGS_USED + need))p" "$WORK/bookings.req" >"$WORK/bookings-$phase.req"
      BOOKINGS_USED=$((BOOKINGS_USED + need))
      list="$WORK/bookings-$phase.req"
    fi
    wrk_start "$phase" "$e" "$list" "$conns" "$pace" "$seconds"
  done
  (( $# > 0 )) || sleep "$seconds"
  for spec in "$@"; do IFS=: read -r e _ <<<"$spec"; wait "${WRK_PID[$e]}" || { cat "$WORK/wrk-$phase-$e.txt" >&2; die "wrk failed ($phase/$e)"; }; done
  sampler_stop
  PHASE_WALL="$(awk -v a="$w0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')"
  pid_alive "$APP_PID" || { tail -n 40 "$APP_LOG" >&2; die "the app died during $phase"; }
  cpu1="$(app_cpu_ticks)"
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  (( STATS_WAIT > 0 )) && sleep "$STATS_WAIT"   # idle backends flush their counters within 10 s (PostgreSQL 15)
  read -r -a c1 <<<"$(db_counters | tr '\t' ' ')"
  # Net of what the app and its database do with no request at all (scheduled jobs, pools; the idle phase measures it).
  local w="$PHASE_WALL"
  PHASE_CPU_GROSS_US="$(awk -v t="$((cpu1 - cpu0))" -v hz="$CLK_TCK" 'BEGIN {printf "%.0f", t * 1e6 / hz}')"
  PHASE_CPU_US="$(awk -v t="$((cpu1 - cpu0))" -v hz="$CLK_TCK" -v b="${IDLE_CPU_US_S:-0}" -v w="$w" 'BEGIN {v = t * 1e6 / hz - b * w; printf "%.0f", (v > 0 ? v : 0)}')"
  PHASE_DB_MS="$(awk -v a="${c0[0]}" -v b="${c1[0]}" -v i="${IDLE_DB_MS_S:-0}" -v w="$w" 'BEGIN {v = b - a - i * w; printf "%.1f", (v > 0 ? v : 0)}')"
  PHASE_COMMITS="$(awk -v a="${c0[1]}" -v b="${c1[1]}" -v i="${IDLE_COMMITS_S:-0}" -v w="$w" 'BEGIN {v = b - a - i * w; printf "%.0f", (v > 0 ? v : 0)}')"
  PHASE_ROWS="$(awk -v a="${c0[2]}" -v b="${c1[2]}" -v i="${IDLE_ROWS_S:-0}" -v w="$w" 'BEGIN {v = b - a - i * w; printf "%.0f", (v > 0 ? v : 0)}')"
  PHASE_SAMPLED_MS="$(wc -l <"$WORK/samples-$phase.txt")"; PHASE_SAMPLED_MS=$((PHASE_SAMPLED_MS * 10))
  PHASE_LOAD1="$load1"
}

T_LOAD=$SECONDS
LOG_LINES_BEFORE_LOAD="$(wc -l <"$APP_LOG")"
echo "machine: $(uptime | sed 's/.*load average/load average/') at the start of the load"
echo "database time: $STATEMENTS_NOTE"

# -- warm-up: every endpoint alone for a moment (the JIT's first compilations and the caches are not the peak's cost)
SOLO_CONNS=4; [[ "$SMOKE" == 1 ]] && SOLO_CONNS=2
SOLO_PACE=$(( SOLO_CONNS * 1000 / SOLO_RATE ))
WARMUP_SECONDS=$(( SOLO_SECONDS / 2 > 1 ? SOLO_SECONDS / 2 : 1 ))
for e in "${ENDPOINTS[@]}"; do
  run_phase "warmup-$e" "$WARMUP_SECONDS" "$e:$SOLO_CONNS:$SOLO_PACE"
  wrk_line "warmup-$e" "$e" >/dev/null
done
say "warmed up: each endpoint ${WARMUP_SECONDS} s"

# -- idle: what the app and the database do with no load, per second (subtracted from every phase below)
run_phase idle "$SOLO_SECONDS"
IDLE_CPU_US_S="$(awk -v c="$PHASE_CPU_US" -v w="$PHASE_WALL" 'BEGIN {printf "%.0f", c / w}')"
IDLE_DB_MS_S="$(awk -v c="$PHASE_DB_MS" -v w="$PHASE_WALL" 'BEGIN {printf "%.2f", c / w}')"
IDLE_COMMITS_S="$(awk -v c="$PHASE_COMMITS" -v w="$PHASE_WALL" 'BEGIN {printf "%.2f", c / w}')"
IDLE_ROWS_S="$(awk -v c="$PHASE_ROWS" -v w="$PHASE_WALL" 'BEGIN {printf "%.2f", c / w}')"
echo "idle (${PHASE_WALL} s, no load): app CPU $IDLE_CPU_US_S µs/s, database active $IDLE_DB_MS_S ms/s, $IDLE_COMMITS_S commits/s, $IDLE_ROWS_S rows written/s -- subtracted from every phase"

# -- solo phases: one endpoint at a time, SOLO_RATE requests/s (4 connections; the smoke's 2)
for e in "${ENDPOINTS[@]}"; do
  run_phase "solo-$e" "$SOLO_SECONDS" "$e:$SOLO_CONNS:$SOLO_PACE"
  line="$(wrk_line "solo-$e" "$e")"
  n="$(field "$line" requests)"
  (( n > 0 )) || die "solo-$e: no requests answered"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' solo "$e" "$SOLO_RATE" "$(field "$line" rps)" "$n" "$(field "$line" p50_us)" \
    "$(field "$line" p95_us)" "$(field "$line" p99_us)" "$(field "$line" max_us)" "$(( PHASE_CPU_US / n ))" \
    "$(awk -v m="$PHASE_DB_MS" -v n="$n" 'BEGIN {printf "%.0f", m * 1000 / n}')" \
    "$(awk -v c="$PHASE_COMMITS" -v n="$n" 'BEGIN {printf "%.2f", c / n}')" "$(awk -v c="$PHASE_ROWS" -v n="$n" 'BEGIN {printf "%.2f", c / n}')" \
    "$(awk -v m="$PHASE_SAMPLED_MS" -v n="$n" 'BEGIN {printf "%.0f", m * 1000 / n}')" "$PHASE_LOAD1" "$(( PHASE_CPU_GROSS_US / n ))" >>"$RESULTS"
  say "solo $e: $(field "$line" requests) requests, p50 $(field "$line" p50_us) µs, app CPU $((PHASE_CPU_US / n)) µs/req, load1 $PHASE_LOAD1"
done

# -- the peak hour, compressed: every endpoint at once at its share of the model's hour
HOUR_SECONDS=$(( (3600 + COMPRESSION - 1) / COMPRESSION ))
MIX_SPECS=()
declare -A PLANNED
for e in "${ENDPOINTS[@]}"; do
  PLANNED[$e]="$(awk -v r="${PER_MEMBER[$e]}" -v m="$MEMBERS_TOTAL" 'BEGIN {printf "%.1f", r * m}')"   # requests in the (uncompressed) hour
  rate="$(awk -v p="${PLANNED[$e]}" -v c="$COMPRESSION" 'BEGIN {printf "%.4f", p * c / 3600}')"
  # (a short run -- the smoke's -- still sends each kind at least twice: wrk waits one pace before a connection's first request)
  pace="$(awk -v r="$rate" -v s="$HOUR_SECONDS" 'BEGIN {p = 1000 / r; if (p > s * 1000 / 3) p = s * 1000 / 3; printf "%d", p}')"
  MIX_SPECS+=("$e:1:$pace")
done
echo "peak hour: $MEMBERS_TOTAL members -> $(for e in "${ENDPOINTS[@]}"; do printf '%s %s, ' "$e" "${PLANNED[$e]}"; done)requests in the hour; compressed ${COMPRESSION}x into $HOUR_SECONDS s"
run_phase mix "$HOUR_SECONDS" "${MIX_SPECS[@]}"
mix_requests=0
for spec in "${MIX_SPECS[@]}"; do
  IFS=: read -r e _ pace <<<"$spec"
  line="$(wrk_line mix "$e")"
  n="$(field "$line" requests)"; mix_requests=$((mix_requests + n))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t\t\t\t%s\n' mix "$e" "$(awk -v p="$pace" 'BEGIN {printf "%.2f", 1000 / p}')" "$(field "$line" rps)" "$n" \
    "$(field "$line" p50_us)" "$(field "$line" p95_us)" "$(field "$line" p99_us)" "$(field "$line" max_us)" "$PHASE_LOAD1" >>"$RESULTS"
done
(( mix_requests > 0 )) || die "the peak hour answered nothing"
MIX_CPU_US="$PHASE_CPU_US"; MIX_DB_MS="$PHASE_DB_MS"; MIX_SAMPLED_MS="$PHASE_SAMPLED_MS"; MIX_COMMITS="$PHASE_COMMITS"
echo "machine: $(uptime | sed 's/.*load average/load average/') at the end of the load ($((SECONDS - T_LOAD)) s of load phases)"

# ------------------------------------------------------------------ checks: what was acknowledged is in the database

renewals_sent="$(awk -F'\t' '$2 == "renewals" {s += $5} END {print s + 0}' "$RESULTS")"
renewals_in="$(sql "SELECT count(*) FROM memberships.ledger_entries WHERE \"Reference\" LIKE 'in_scale_%' AND \"Reference\" NOT LIKE 'in_scale_check_%' AND \"Kind\" = 'Charge' AND \"Reference\" ~ '^in_scale_(solo|mix)'")"
(( renewals_in >= renewals_sent )) || die "$renewals_sent renewals acknowledged but $renewals_in renewal charges in the ledger"
bookings_sent="$(awk -F'\t' '$2 == "bookings" {s += $5} END {print s + 0}' "$RESULTS")"
bookings_in="$(sql "SELECT count(*) FROM bookings.class_bookings b JOIN bookings.class_occurrences c ON c.\"Id\" = b.\"OccurrenceId\" JOIN organizations.organizations o ON o.\"Id\" = c.\"TenantId\" WHERE o.\"Identifier\" LIKE '$PREFIX-%' AND c.\"StartsAt\" > now() - interval '1 hour'")"
(( bookings_in >= bookings_sent )) || die "$bookings_sent bookings acknowledged but $bookings_in in the database"
say "acknowledged and stored: renewals $renewals_sent -> $renewals_in ledger charges; bookings $bookings_sent -> $bookings_in class bookings"

# ------------------------------------------------------------------ report

ms() { awk -v us="$1" 'BEGIN {if (us == "") print "—"; else printf "%.1f", us / 1000}'; }
echo
echo "## Peak hour at 1/100 scale -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): tiny data, seconds of load; these figures mean nothing.**"; }
echo
echo "$FRANCHISES franchise(s) x $GYMS_PER gyms, $MEMBERS_TOTAL members ($MEMBERS_PER a gym), $HISTORY_DAYS days of check-in history; $SIGNED signed-in members;"
echo "app on cpus $APP_CPUS, wrk on cpus $WRK_CPUS, PostgreSQL $PG_PORT on the same $(nproc) cores; $CODE_DESC"
echo
echo "Solo phases ($SOLO_RATE req/s offered, $SOLO_CONNS paced connections, $SOLO_SECONDS s each, after a ${WARMUP_SECONDS} s warm-up each); idle: app CPU $IDLE_CPU_US_S µs/s, database active $IDLE_DB_MS_S ms/s, $IDLE_COMMITS_S commits/s (net = measured - idle x phase time):"
echo
echo "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | app CPU µs/req (gross) | app CPU µs/req (net of idle) | DB active µs/req | DB sampled µs/req | transactions/req | rows written/req | load1 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '$1 == "solo" {printf "| %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s |\n", $2, $5, $4, $6 / 1000, $7 / 1000, $8 / 1000, $16, $10, $11, $14, $12, $13, $15}' "$RESULTS"
echo
echo "Statement classes in the solo phases (share of each endpoint's sampled database time; classes under 5 % left out):"
echo
for e in "${ENDPOINTS[@]}"; do
  printf -- '- %s: %s\n' "$e" "$(sort "$WORK/samples-solo-$e.txt" | uniq -c | sort -rn | awk -v t="$(wc -l <"$WORK/samples-solo-$e.txt")" \
    't > 0 && $1 / t >= 0.05 {c = $1; $1 = ""; printf "%s%s %.0f %%", (n++ ? ", " : ""), substr($0, 2), 100 * c / t} END {if (!n) printf "(no samples)"}')"
done
echo
echo "The peak hour, compressed ${COMPRESSION}x ($HOUR_SECONDS s; one paced connection per endpoint):"
echo
echo "| endpoint | model: requests in the hour | offered req/s | answered | req/s | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for e in "${ENDPOINTS[@]}"; do
  awk -F'\t' -v e="$e" -v planned="${PLANNED[$e]}" '$1 == "mix" && $2 == e {printf "| %s | %s | %s | %s | %.2f | %.1f | %.1f | %.1f | %.1f |\n", $2, planned, $3, $5, $4, $6 / 1000, $7 / 1000, $8 / 1000, $9 / 1000}' "$RESULTS"
done
# The model's prediction for the mix: each endpoint's answered requests x its solo costs.
predicted_cpu="$(awk -F'\t' '$1 == "solo" {cpu[$2] = $10; db[$2] = $11} $1 == "mix" {c += $5 * cpu[$2]; d += $5 * db[$2]; n += $5}
  END {printf "%.0f %.0f", c / n, d / n}' "$RESULTS")"
echo
printf 'mix: %s requests; app CPU %s µs/req measured vs %s µs/req predicted from the solo costs; DB active %s µs/req measured vs %s predicted (sampled: %s µs/req); %s transactions/req (an autocommit statement is one)\n' \
  "$mix_requests" "$((MIX_CPU_US / mix_requests))" "${predicted_cpu% *}" "$(awk -v m="$MIX_DB_MS" -v n="$mix_requests" 'BEGIN {printf "%.0f", m * 1000 / n}')" \
  "${predicted_cpu#* }" "$((MIX_SAMPLED_MS * 1000 / mix_requests))" "$(awk -v c="$MIX_COMMITS" -v n="$mix_requests" 'BEGIN {printf "%.2f", c / n}')"
printf 'mix: the app used %s %% of one core, PostgreSQL (active time) %s %% of one core\n' \
  "$(awk -v u="$MIX_CPU_US" -v s="$HOUR_SECONDS" 'BEGIN {printf "%.1f", u / 1e4 / s}')" "$(awk -v m="$MIX_DB_MS" -v s="$HOUR_SECONDS" 'BEGIN {printf "%.1f", m / 10 / s}')"
echo
echo "Bytes per row (table + indexes + TOAST, after ANALYZE):"
echo
sql "ANALYZE" >/dev/null
echo "| table | rows | total bytes | bytes/row |"
echo "|---|---:|---:|---:|"
sql "SELECT n.nspname || '.' || c.relname, s.n, pg_total_relation_size(c.oid), CASE WHEN s.n > 0 THEN pg_total_relation_size(c.oid) / s.n END
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
          LATERAL (SELECT (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint AS n) s
     WHERE c.relkind = 'r' AND (n.nspname, c.relname) IN (('bookings', 'check_ins'), ('bookings', 'door_decisions'), ('memberships', 'ledger_entries'),
       ('memberships', 'memberships'), ('billing', 'webhook_events'), ('bookings', 'class_bookings'), ('identity', 'users'), ('identity', 'location_memberships'),
       ('bookings', 'member_cards')) OR (c.relkind = 'r' AND c.relname LIKE '%audit%' AND n.nspname NOT IN ('pg_catalog', 'information_schema'))
     ORDER BY 1" | awk -F'\t' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}'
echo "database: $(sql "SELECT pg_size_pretty(pg_database_size('$DB'))")"
log_errors="$(sed -n "$((LOG_LINES_BEFORE_LOAD + 1)),\$p" "$APP_LOG" | grep -c -E '\b(ERR|FTL)\b' || true)"
echo "app log: $(wc -l <"$APP_LOG") line(s) in all, $(( $(wc -l <"$APP_LOG") - LOG_LINES_BEFORE_LOAD )) during the load phases, $log_errors of them ERR/FTL"
say "done in $((SECONDS - T_SETUP)) s after start-up; load average $(cut -d' ' -f1-3 /proc/loadavg)"
