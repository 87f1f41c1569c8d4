#!/usr/bin/env bash
# Cold-start benchmark (issue 18, "Cold start"):   bash etc/bench/coldstart.sh [--smoke]
#
# How long a Production node on an already-migrated database takes from the moment its process starts to its first
# 200, measured the way a proxy meets it (decision 0066): the process starts; the script polls /health/ready every
# 20 ms, as a proxy's health check would (only faster), and sends the first real request the moment readiness says
# 200. For each start it records
#   listen   process start -> the port accepts a TCP connection
#   ready    process start -> /health/ready answers 200
#   first    the first real request alone (one of three kinds, each on a process of its own, so each is truly first):
#              api     GET /api/organizations/current       Host: st-albans.derrimut.localhost (a location's profile)
#              page    GET /                                Host: st-albans.derrimut.localhost (its public home page)
#              member  GET /api/memberships/mine            signed in as member@st-albans (a cookie issued by the
#                                                           seeding run: Data Protection keys live in the database)
#   total    process start -> that request's 200 (goal, issue 18: <= 2 s)
#   app CPU  the app's CPU time (user + system) by then: the figure least moved by other work on a shared machine
# and prints every start and the medians per variant and kind.
#
# Variants, side by side in one run (starts alternate between them, so a burst of background load hits both):
#   before   `dotnet publish` without ReadyToRun, Hosting:WarmUp=false   (the node as it was)
#   after    `dotnet publish` as the Dockerfile publishes the web image (self-contained, one ReadyToRun composite:
#            decision 0085), Hosting:WarmUp on (the Production default)
#   r2r      the ReadyToRun publish with Hosting:WarmUp=false             (BENCH_VARIANTS only: what each part buys)
#   warmonly the plain publish with Hosting:WarmUp on                     (BENCH_VARIANTS only)
#   cold     the Release build (`dotnet build`, no publish) with Hosting:WarmUp=false
#   warm     the Release build with Hosting:WarmUp on
#   warmnowx the Release build with Hosting:WarmUp on and the runtime's W^X off (DOTNET_EnableWriteXorExecute=0):
#            what the runtime's write-xor-execute protection costs a start that is mostly JIT (BENCH_VARIANTS only)
#   tuned    as `after`, with the runtime settings in BENCH_TUNED_ENV (space-separated NAME=value, e.g.
#            "DOTNET_TieredPGO=0"): what a runtime knob buys, side by side with `after` (BENCH_VARIANTS only)
# Smoke mode uses `cold warm` (no publish, which takes minutes), one start per kind each; it proves the script, the
# sign-in and the three requests still work, and judges nothing.
#
# The database is migrated and seeded once, by a first run of the app (as lib.sh's bench_start_app does), which also
# signs the member in; the measured starts have Database:MigrateOnStartup off, as a Production node does (decision
# 0064: the migrator migrates). Hosting:DrainDelay is 0 so that stopping each node takes no 10 s. The nodes have OpenIddict
# token certificates (a throwaway pair made with openssl), as a Production install does.
#
# Environment (defaults in brackets): BENCH_STARTS [5; smoke 1] starts per variant and kind, BENCH_KINDS [api page
# member], BENCH_VARIANTS [before after; smoke cold warm], BENCH_APP_LOG_LEVEL [Warning] (Information shows the
# warm-up's own breakdown line in the kept logs: BENCH_KEEP_LOGS=<folder>), BENCH_PLAIN_DIR / BENCH_R2R_DIR (existing
# publish folders to use instead of publishing), and lib.sh's BENCH_* settings.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init coldstart 5090 derrimut_bench_coldstart

if [[ "$SMOKE" == 1 ]]; then
  STARTS="${BENCH_STARTS:-1}"; VARIANTS="${BENCH_VARIANTS:-cold warm}"
else
  STARTS="${BENCH_STARTS:-5}"; VARIANTS="${BENCH_VARIANTS:-before after}"
fi
KINDS="${BENCH_KINDS:-api page member}"
APP_LOG_LEVEL="${BENCH_APP_LOG_LEVEL:-Warning}"
TENANT=st-albans
HOST_HEADER="$TENANT.$ROOT_DOMAIN"
[[ "$STARTS" =~ ^[0-9]+$ ]] && (( STARTS >= 1 )) || die "BENCH_STARTS must be a number >= 1"
for k in $KINDS; do [[ "$k" =~ ^(api|page|member)$ ]] || die "unknown kind '$k' in BENCH_KINDS"; done
for v in $VARIANTS; do [[ "$v" =~ ^(before|after|r2r|warmonly|cold|warm|warmnowx|tuned)$ ]] || die "unknown variant '$v' in BENCH_VARIANTS"; done

bench_services

# ------------------------------------------------------------------ builds

CODE_DESC="$APP_DIR"
if [[ -z "${BENCH_APP_DIR:-}" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
  CODE_DESC="commit $(git rev-parse --short HEAD), $(git status --porcelain -- src modules | wc -l) uncommitted file(s) under src/ modules/"
fi

declare -A DIR WARMUP WX
TUNED=()
needs_plain=0; needs_r2r=0
for v in $VARIANTS; do
  case "$v" in
    before|warmonly) needs_plain=1 ;;
    after|r2r|tuned) needs_r2r=1 ;;
  esac
done

# publish <folder> <ReadyToRun true|false>: true as the Dockerfile publishes the web image (self-contained, linux-x64,
# one ReadyToRun composite of runtime, framework and app: decision 0085); false as a plain framework-dependent publish.
publish() {
  local out="$1" r2r="$2" t0=$SECONDS
  say "publishing src/Derrimut.Web (Release, linux-x64, PublishReadyToRun=$r2r, self-contained=$r2r) to $out"
  dotnet publish src/Derrimut.Web/Derrimut.Web.csproj -c Release -r linux-x64 --self-contained "$r2r" -o "$out" \
    -p:PublishReadyToRun="$r2r" -nologo -v quiet >>"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; die "publish (PublishReadyToRun=$r2r) failed"; }
  say "published in $((SECONDS - t0)) s"
}
PLAIN_DIR="${BENCH_PLAIN_DIR:-$WORK/plain}"
R2R_DIR="${BENCH_R2R_DIR:-$WORK/r2r}"
if (( needs_plain )) && [[ -z "${BENCH_PLAIN_DIR:-}" ]]; then publish "$PLAIN_DIR" false; fi
if (( needs_r2r )) && [[ -z "${BENCH_R2R_DIR:-}" ]]; then publish "$R2R_DIR" true; fi
if [[ " $VARIANTS " == *" cold "* || " $VARIANTS " == *" warm "* || " $VARIANTS " == *" warmnowx "* ]]; then bench_build src/Derrimut.Web; fi

for v in $VARIANTS; do
  case "$v" in
    before) DIR[$v]="$PLAIN_DIR"; WARMUP[$v]=false ;;
    warmonly) DIR[$v]="$PLAIN_DIR"; WARMUP[$v]=true ;;
    after)  DIR[$v]="$R2R_DIR"; WARMUP[$v]=true ;;
    r2r)    DIR[$v]="$R2R_DIR"; WARMUP[$v]=false ;;
    cold)   DIR[$v]="$APP_DIR"; WARMUP[$v]=false ;;
    warm)   DIR[$v]="$APP_DIR"; WARMUP[$v]=true ;;
    warmnowx) DIR[$v]="$APP_DIR"; WARMUP[$v]=true; WX[$v]=0 ;;
    tuned)  DIR[$v]="$R2R_DIR"; WARMUP[$v]=true; read -r -a TUNED <<<"${BENCH_TUNED_ENV:-}"
            for setting in "${TUNED[@]}"; do [[ "$setting" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || die "BENCH_TUNED_ENV: '$setting' is not NAME=value"; done ;;
  esac
  [[ -f "${DIR[$v]}/Derrimut.Web.dll" ]] || die "${DIR[$v]}/Derrimut.Web.dll missing (variant $v)"
done
if [[ "$needs_r2r" == 1 ]]; then
  # Proof that the publish really is ReadyToRun: crossgen'd assemblies are much larger than their IL.
  say "ReadyToRun publish: Derrimut.Web.dll $(stat -c %s "$R2R_DIR/Derrimut.Web.dll") bytes, plain $(stat -c %s "$PLAIN_DIR/Derrimut.Web.dll" 2>/dev/null || echo '?') bytes"
fi

# ------------------------------------------------------------------ token certificates

# A Production install configures OpenIddict's signing and encryption certificates (docs/deployment.md); without them
# every start generates ephemeral RSA keys on its first request, measured here at seconds of CPU that no real node
# pays. So the nodes get a throwaway pair, made with openssl (in every Debian install) and deleted with $WORK.
CERTS=()
if command -v openssl >/dev/null; then
  for use in signing:digitalSignature encryption:keyEncipherment; do
    name="${use%%:*}"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/$name.key" -out "$WORK/$name.crt" -days 2 \
      -subj "/CN=derrimut-coldstart-$name" -addext "keyUsage=critical,${use#*:}" >/dev/null 2>&1 \
      && openssl pkcs12 -export -in "$WORK/$name.crt" -inkey "$WORK/$name.key" -out "$WORK/$name.pfx" -passout pass:coldstart >/dev/null 2>&1 \
      || die "openssl could not make the $name certificate"
  done
  CERTS=("Identity__SigningCertificatePath=$WORK/signing.pfx" Identity__SigningCertificatePassword=coldstart
    "Identity__EncryptionCertificatePath=$WORK/encryption.pfx" Identity__EncryptionCertificatePassword=coldstart)
  say "token certificates: a throwaway pair (as a Production install has)"
else
  say "token certificates: none (openssl missing): every start generates ephemeral keys, which a real node does not"
fi

# ------------------------------------------------------------------ migrate, seed and sign in once

bench_create_database
APP_DIR="${DIR[${VARIANTS%% *}]}"
bench_start_app Hosting__DrainDelay=00:00:00 "Caching__InstanceName=derrimut-bench-$$:" "${CERTS[@]}"

MEMBER_COOKIE="$(bench_sign_in "$HOST_HEADER" "member@$TENANT.$ROOT_DOMAIN")" || die "the member could not sign in"

# stop_app: TERM, wait (the drain delay is 0), KILL after 15 s.
stop_app() {
  [[ -n "$APP_PID" ]] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 75); do pid_alive "$APP_PID" || break; sleep 0.2; done
  if pid_alive "$APP_PID"; then say "app $APP_PID did not stop on TERM; KILL"; kill -KILL "$APP_PID" 2>/dev/null || true; fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# request <kind> <out file>: the kind's request; prints "<status> <seconds>".
request() {
  local kind="$1" out="$2"
  local args=(-s -o "$out" -w '%{http_code} %{time_total}' --max-time 30 -H "Host: $HOST_HEADER")
  case "$kind" in
    api) curl "${args[@]}" "$BASE/api/organizations/current" ;;
    page) curl "${args[@]}" "$BASE/" ;;
    member) curl "${args[@]}" -H "Cookie: $MEMBER_COOKIE" "$BASE/api/memberships/mine" ;;
  esac
}
check_body() {
  local kind="$1" out="$2"
  case "$kind" in
    api) grep -q "\"identifier\":\"$TENANT\"" "$out" ;;
    page) grep -q 'Derrimut 24:7 Gym St Albans' "$out" ;;
    member) grep -q "\"memberEmail\":\"member@$TENANT.$ROOT_DOMAIN\"" "$out" ;;
  esac || { head -c 1000 "$out" >&2; echo >&2; die "$kind: the first 200 is not the expected document"; }
}

# The warm run must already answer all three, or the cold starts would measure errors.
for k in $KINDS; do
  read -r code _ <<<"$(request "$k" "$WORK/check-$k.out")"
  [[ "$code" == 200 ]] || { head -c 1000 "$WORK/check-$k.out" >&2; die "$k answered $code on the seeding run"; }
  check_body "$k" "$WORK/check-$k.out"
done
say "seeded; member signed in; api, page and member answer 200"
stop_app
cp "$APP_LOG" "$WORK/seed.log"

# ------------------------------------------------------------------ cold starts

RESULTS="$WORK/results.tsv"   # round kind variant listen_ms ready_ms first_ms total_ms load1 app_cpu_ms
: >"$RESULTS"
ms_since() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", (b - a) * 1000}'; }

# cold_start <round> <kind> <variant>
cold_start() {
  local round="$1" kind="$2" variant="$3" t0 t_listen="" t_ready="" code secs load1
  local out="$WORK/first-$kind-$variant.out" log="$WORK/start-$round-$kind-$variant.log"
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  t0="$EPOCHREALTIME"
  (
    cd "${DIR[$variant]}"
    exec env \
      ASPNETCORE_ENVIRONMENT=Production \
      DOTNET_NOLOGO=1 \
      Database__Provider=PostgreSql \
      "ConnectionStrings__Derrimut=$(bench_app_connection);No Reset On Close=true;Max Auto Prepare=20" \
      ConnectionStrings__Redis= \
      Database__MigrateOnStartup=false \
      Database__SeedDemoData=false \
      Tenancy__RootDomain="$ROOT_DOMAIN" \
      Billing__Gateway=Simulated \
      Transport__RequireHttps=false \
      Safety__AllowUnsafeProductionSettings=true \
      Identity__RequireTwoFactorForPowerfulRoles=false \
      Serilog__MinimumLevel__Default=Warning \
      Serilog__MinimumLevel__Override__Derrimut.Web.Lifecycle="$APP_LOG_LEVEL" \
      Hosting__DrainDelay=00:00:00 \
      Hosting__WarmUp="${WARMUP[$variant]}" \
      DOTNET_EnableWriteXorExecute="${WX[$variant]:-1}" \
      $([[ "$variant" != tuned ]] || printf '%s ' "${TUNED[@]}") \
      "Caching__InstanceName=derrimut-bench-$$:" \
      "${CERTS[@]}" \
      taskset -c "$APP_CPUS" dotnet Derrimut.Web.dll --urls "$BASE"
  ) >"$log" 2>&1 8>&- &
  APP_PID=$!

  local deadline=$((SECONDS + ${BENCH_START_TIMEOUT:-120}))
  until port_taken "$PORT"; do
    pid_alive "$APP_PID" || { tail -n 40 "$log" >&2; die "$variant exited during start-up"; }
    (( SECONDS < deadline )) || { tail -n 40 "$log" >&2; die "$variant: no listener after ${BENCH_START_TIMEOUT:-120} s"; }
    sleep 0.01
  done
  t_listen="$EPOCHREALTIME"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/health/ready" || true)" == 200 ]]; do
    pid_alive "$APP_PID" || { tail -n 40 "$log" >&2; die "$variant exited before it was ready"; }
    (( SECONDS < deadline )) || { tail -n 40 "$log" >&2; die "$variant: not ready after ${BENCH_START_TIMEOUT:-120} s"; }
    sleep 0.02
  done
  t_ready="$EPOCHREALTIME"
  read -r code secs <<<"$(request "$kind" "$out")"
  local t_done="$EPOCHREALTIME" cpu_ms
  # The app's CPU time (user + system) up to its first 200: unlike the wall-clock figures, barely moved by what else
  # runs on the machine (fields 14 and 15 of /proc/PID/stat, in clock ticks).
  cpu_ms="$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$APP_PID/stat")"
  [[ "$code" == 200 ]] || { head -c 1000 "$out" >&2; tail -n 40 "$log" >&2; die "$variant: the first $kind request answered $code"; }
  check_body "$kind" "$out"
  stop_app
  if [[ -n "${BENCH_KEEP_LOGS:-}" ]]; then mkdir -p "$BENCH_KEEP_LOGS"; cp "$log" "$BENCH_KEEP_LOGS/"; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$kind" "$variant" "$(ms_since "$t0" "$t_listen")" "$(ms_since "$t0" "$t_ready")" \
    "$(awk -v s="$secs" 'BEGIN {printf "%.0f", s * 1000}')" "$(ms_since "$t0" "$t_done")" "$load1" "$cpu_ms" >>"$RESULTS"
  tail -n 1 "$RESULTS" | awk -F'\t' '{printf "bench: start %s %-6s %-8s listen %5s ms, ready %5s ms, first request %5s ms, total %5s ms, app CPU %5s ms (load1 %s)\n", $1, $2, $3, $4, $5, $6, $7, $9, $8}' >&2
}

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at start"
echo "code: $CODE_DESC"
say "$STARTS start(s) per variant ($VARIANTS) and kind ($KINDS); app on cpus $APP_CPUS"
read -r -a variant_list <<<"$VARIANTS"
for ((r = 1; r <= STARTS; r++)); do
  for k in $KINDS; do
    # Alternate which variant goes first, so neither always starts right after the other's stop.
    if (( r % 2 == 1 )); then order=("${variant_list[@]}"); else order=(); for ((i = ${#variant_list[@]} - 1; i >= 0; i--)); do order+=("${variant_list[$i]}"); done; fi
    for v in "${order[@]}"; do cold_start "$r" "$k" "$v"; done
  done
done
echo "machine: $(uptime | sed 's/.*load average/load average/') at end"

# ------------------------------------------------------------------ report

median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -F'\t' -v k="$1" -v v="$2" -v c="$3" '$2 == k && $3 == v {print $c}' "$RESULTS"; }

echo
echo "## Cold-start benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
[[ "$SMOKE" == 1 ]] && { echo; echo "**SMOKE RUN (BENCH_SMOKE=1): one start per kind; these figures mean nothing.**"; }
echo
echo "$STARTS start(s) per variant and kind, alternating; app on cpus $APP_CPUS; PostgreSQL $PG_PORT; $(nproc) cores; $CODE_DESC"
echo
echo "| start | kind | variant | listen ms | ready ms | first request ms | start → first 200 ms | app CPU ms | load1 |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $9, $8}' "$RESULTS"
echo
echo "Medians:"
echo
echo "| kind | variant | listen ms | ready ms | first request ms | start → first 200 ms | app CPU ms | goal ≤ 2000 ms |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
for k in $KINDS; do
  for v in $VARIANTS; do
    total="$(col "$k" "$v" 7 | median)"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$k" "$v" "$(col "$k" "$v" 4 | median)" "$(col "$k" "$v" 5 | median)" \
      "$(col "$k" "$v" 6 | median)" "$total" "$(col "$k" "$v" 9 | median)" \
      "$(awk -v t="$total" -v smoke="$SMOKE" 'BEGIN {print (smoke == 1) ? "not judged (smoke)" : (t <= 2000) ? "met" : "NOT met"}')"
  done
done
