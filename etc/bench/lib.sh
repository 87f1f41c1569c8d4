# Shared start-up shell for etc/bench/*.sh (sourced, never run). Each benchmark:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   bench_init <name> <default port> <default database>   # settings, lock, work dir, cleanup trap
#   bench_services [redis]                                # PostgreSQL (and Redis) reachable, psql (and wrk) present
#   bench_build <project> ...                             # dotnet build -c Release, unless BENCH_SKIP_BUILD=1
#   bench_create_database
#   bench_start_app NAME=VALUE ...                        # the built app in Production, on PostgreSQL, ready
#
# Smoke mode (BENCH_SMOKE=1, or --smoke as the script's first argument): seconds of load on tiny data, no figure is
# judged, and the exit code is non-zero only when the benchmark itself breaks (the app does not start, a request fails,
# the load generator finds the app's records wrong). etc/bench/smoke.sh runs every benchmark this way, and etc/test.sh
# runs smoke.sh after the tests, so a benchmark that rots is noticed the day it breaks, not the day someone measures.
#
# Services: by default a benchmark uses etc/services.sh (starting PostgreSQL/Redis if nothing runs, and stopping them
# again only if it started them). With BENCH_PG (an Npgsql connection string to a server's admin database, e.g.
# DERRIMUT_TEST_POSTGRES from `etc/services.sh env`) and BENCH_REDIS_CONNECTION (host:port, e.g. DERRIMUT_TEST_REDIS)
# it uses those servers as they are and never starts or stops anything: that is how smoke.sh runs under etc/test.sh,
# whose services must outlive the smoke step.
#
# Every long-lived process we launch gets `8>&-`: a daemon that inherited fd 8 would hold the bench lock after we are
# gone. The app is stopped by PID, the database dropped and our Redis keys deleted on every exit path.

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 1; }
# Alive = its /proc entry can be read and it is not a zombie. One read of the file: a process that exits between a
# test for the file and a grep of it must read as gone, not as alive (the grep's "no such file" once did).
pid_alive() {
  local state
  [[ -n "${1:-}" ]] || return 1
  state="$(awk '/^State:/ { print $2; exit }' "/proc/$1/status" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The value of one key of an Npgsql-style connection string (keys case-insensitive, aliases allowed).
# conn_value <connection string> <key> [alias ...]
conn_value() {
  local conn="$1" pair key; shift
  local IFS=';'
  for pair in $conn; do
    key="${pair%%=*}"; key="${key//[[:space:]]/}"
    for wanted in "$@"; do
      if [[ "${key,,}" == "${wanted,,}" ]]; then printf '%s' "${pair#*=}"; return 0; fi
    done
  done
  return 0
}

# bench_init <name> <default port> <default database>
# Sets REPO, SMOKE, PORT, DB, APP_CPUS, SKIP_BUILD, APP_DIR, BASE, WORK, APP_LOG and the PostgreSQL/Redis settings,
# takes the machine-wide bench lock, and installs the cleanup trap (a benchmark may define bench_cleanup_extra).
bench_init() {
  local name="$1" default_port="$2" default_db="$3"
  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  REPO="$PWD"
  BENCH_NAME="$name"
  SMOKE="${BENCH_SMOKE:-0}"
  [[ "$SMOKE" == 0 || "$SMOKE" == 1 ]] || die "BENCH_SMOKE must be 0 or 1"
  APP_CPUS="${BENCH_APP_CPUS:-0,1}"
  SKIP_BUILD="${BENCH_SKIP_BUILD:-0}"
  APP_DIR="${BENCH_APP_DIR:-$REPO/src/Derrimut.Web/bin/Release/net10.0}"
  [[ -n "${BENCH_APP_DIR:-}" ]] && SKIP_BUILD=1
  ROOT_DOMAIN=derrimut.localhost

  # PostgreSQL: the given server as it is, or etc/services.sh's.
  EXTERNAL_SERVICES=0
  if [[ -n "${BENCH_PG:-}" ]]; then
    EXTERNAL_SERVICES=1
    PG_HOST="$(conn_value "$BENCH_PG" Host Server)"; PG_HOST="${PG_HOST:-127.0.0.1}"
    PG_PORT="$(conn_value "$BENCH_PG" Port)"; PG_PORT="${PG_PORT:-5432}"
    PG_USER="$(conn_value "$BENCH_PG" Username "User Name" User "User ID" UserId)"; PG_USER="${PG_USER:-postgres}"
    PG_PASSWORD="$(conn_value "$BENCH_PG" Password Pwd)"
  else
    PG_HOST=127.0.0.1
    PG_PORT="${DERRIMUT_PG_PORT:-25432}"
    PG_USER=postgres
    PG_PASSWORD=""
  fi
  REDIS_PORT="${DERRIMUT_REDIS_PORT:-26379}"
  REDIS_ENDPOINT="${BENCH_REDIS_CONNECTION:-127.0.0.1:$REDIS_PORT}"

  # Smoke runs share the machine with whatever else runs: a port of their own, a database of their own, and they
  # wait their turn for the lock instead of failing.
  if [[ "$SMOKE" == 1 ]]; then
    PORT="${BENCH_PORT:-$(bench_free_port "$default_port")}"
    DB="${BENCH_DB:-${default_db}_smoke_$$}"
  else
    PORT="${BENCH_PORT:-$default_port}"
    DB="${BENCH_DB:-$default_db}"
  fi
  BASE="http://127.0.0.1:$PORT"

  for v in "$PORT" "$PG_PORT" "$REDIS_PORT"; do
    [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check BENCH_PORT, BENCH_PG, DERRIMUT_PG_PORT, DERRIMUT_REDIS_PORT)"
  done
  [[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lowercase identifier"
  for tool in dotnet curl taskset flock; do command -v "$tool" >/dev/null || die "$tool not found"; done

  # One benchmark at a time on this machine (they would measure each other).
  exec 8>/tmp/derrimut-bench.lock
  if [[ "$SMOKE" == 1 ]]; then
    flock -w "${BENCH_LOCK_WAIT:-900}" 8 || die "another etc/bench run held /tmp/derrimut-bench.lock for ${BENCH_LOCK_WAIT:-900} s"
  else
    flock -n 8 || die "another etc/bench run holds /tmp/derrimut-bench.lock"
  fi

  WORK="$(mktemp -d "/tmp/derrimut-bench-$name.XXXXXX")"
  APP_LOG="$WORK/app.log"
  APP_PID=""
  DB_CREATED=0
  STARTED_SERVICES=0
  REDIS_PREFIX=""
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  [[ "$SMOKE" == 1 ]] && say "$name: SMOKE MODE (seconds of load on tiny data; no figure is judged)"
  return 0
}

# A free TCP port on 127.0.0.1, starting the search at $1.
bench_free_port() {
  local p="$1"
  while port_taken "$p"; do p=$((p + 1)); (( p < 65000 )) || die "no free port"; done
  printf '%s' "$p"
}

psql_admin() {
  # client_min_messages: no NOTICE for the DROP ... IF EXISTS of a database that is not there.
  PGPASSWORD="$PG_PASSWORD" PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}

redis_cli() { redis-cli -h "${REDIS_ENDPOINT%:*}" -p "${REDIS_ENDPOINT##*:}" "$@"; }

# The app's connection string for the bench database.
# bench_sign_in <host> <email> [password]: signs in through the real form (antiforgery token and all) at $BASE with
# that Host, and prints the Cookie header a browser would send afterwards. Each call works in a directory of its own
# under $WORK; on failure it says why on stderr and returns 1 (callers decide whether that ends the run).
bench_sign_in() {
  local host="$1" email="$2" password="${3:-Derrimut!2026}" dir page token get_cookies code
  dir="$(mktemp -d "$WORK/signin.XXXXXX")"
  page="$(curl -s -D "$dir/get.h" -H "Host: $host" "$BASE/account/login")"
  token="$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)"
  [[ -n "$token" ]] || { say "no antiforgery token on $host/account/login"; return 1; }
  get_cookies="$(bench_cookies_of "$dir/get.h" | paste -sd ';' | sed 's/;/; /g')"
  code="$(curl -s -o "$dir/post.html" -D "$dir/post.h" -w '%{http_code}' -H "Host: $host" -H "Cookie: $get_cookies" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "$BASE/account/login")"
  [[ "$code" == 302 || "$code" == 303 ]] || { head -c 2000 "$dir/post.html" >&2; say "sign-in of $email answered $code, not a redirect"; return 1; }
  # The form's cookies and the sign-in's, the later value of each name winning, as one Cookie header.
  { bench_cookies_of "$dir/get.h"; bench_cookies_of "$dir/post.h"; } | awk -F= '{v[$1] = $0} END {for (k in v) print v[k]}' | paste -sd ';' | sed 's/;/; /g'
}
bench_cookies_of() { grep -i '^set-cookie:' "$1" | sed 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/' | tr -d '\r'; }

bench_app_connection() {
  local c="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Database=$DB"
  [[ -n "$PG_PASSWORD" ]] && c="$c;Password=$PG_PASSWORD"
  printf '%s' "$c"
}

# bench_stop_app: TERM (graceful drain), KILL after 10 s; a no-op when the app is not running.
bench_stop_app() {
  if [[ -n "$APP_PID" ]] && pid_alive "$APP_PID"; then
    say "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null
    for _ in $(seq 50); do pid_alive "$APP_PID" || break; sleep 0.2; done
    if pid_alive "$APP_PID"; then say "app did not stop on TERM; KILL"; kill -KILL "$APP_PID" 2>/dev/null || true; fi
    wait "$APP_PID" 2>/dev/null || true   # a killed app's status (137) is not the script's failure
  fi
  APP_PID=""
  return 0
}

bench_cleanup() {
  local rc=$?
  set +e
  bench_stop_app
  if [[ -n "${BENCH_KEEP_LOG:-}" && -f "$APP_LOG" ]]; then cp "$APP_LOG" "$BENCH_KEEP_LOG"; fi
  if (( DB_CREATED )); then
    say "dropping database $DB"
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || say "could not drop database $DB"
  fi
  if [[ -n "$REDIS_PREFIX" ]] && command -v redis-cli >/dev/null; then
    # Only our keys (our own prefix).
    redis_cli --scan --pattern "$REDIS_PREFIX*" 2>/dev/null | xargs -r redis-cli -h "${REDIS_ENDPOINT%:*}" -p "${REDIS_ENDPOINT##*:}" del >/dev/null 2>&1
  fi
  if declare -F bench_cleanup_extra >/dev/null; then bench_cleanup_extra; fi
  if (( STARTED_SERVICES )); then
    say "stopping the services this run started"
    bash etc/services.sh stop 8>&-
  fi
  rm -rf "$WORK"
  exit "$rc"
}

# bench_services [redis] [wrk]
# Makes PostgreSQL (and Redis, and wrk) available. With BENCH_PG nothing is started: what is missing is an error.
bench_services() {
  local want_redis=0 want_wrk=0 arg
  for arg in "$@"; do
    case "$arg" in redis) want_redis=1 ;; wrk) want_wrk=1 ;; *) die "bench_services: unknown '$arg'" ;; esac
  done
  if (( EXTERNAL_SERVICES )); then
    command -v psql >/dev/null || die "psql not installed (etc/services.sh start installs it)"
    psql_admin -c "SELECT 1" >/dev/null || die "PostgreSQL at $PG_HOST:$PG_PORT (BENCH_PG) does not answer"
    if (( want_redis )); then
      command -v redis-cli >/dev/null || die "redis-cli not installed (etc/services.sh start installs it)"
      [[ "$(redis_cli ping 2>/dev/null)" == PONG ]] || die "Redis at $REDIS_ENDPOINT (BENCH_REDIS_CONNECTION) does not answer"
    fi
    if (( want_wrk )); then command -v wrk >/dev/null || die "wrk not installed (etc/services.sh start installs it)"; fi
  else
    # Captured first: `status | grep -q` under pipefail fails when grep closes the pipe early.
    local status pg_was_running=0 redis_was_running=0 need_start=0
    status="$(bash etc/services.sh status)"
    grep -q '^postgres: running' <<<"$status" && pg_was_running=1
    grep -q '^redis: running' <<<"$status" && redis_was_running=1
    say "services before the run: postgres $( ((pg_was_running)) && echo running || echo stopped), redis $( ((redis_was_running)) && echo running || echo stopped)"
    (( pg_was_running )) || need_start=1
    (( want_redis && !redis_was_running )) && need_start=1
    (( want_wrk )) && ! command -v wrk >/dev/null && need_start=1   # services.sh installs wrk with the other packages
    command -v psql >/dev/null || need_start=1
    if (( need_start )); then
      # Only when nothing was running do we own the services (services.sh stop stops both).
      if ! (( pg_was_running || redis_was_running )); then
        STARTED_SERVICES=1
      else
        say "one service was already running: starting the other, and leaving both running afterwards"
      fi
      bash etc/services.sh start 8>&-
    fi
    command -v psql >/dev/null || die "psql not installed"
    if (( want_wrk )); then command -v wrk >/dev/null || die "wrk not installed (etc/services.sh start installs it)"; fi
  fi
  port_taken "$PORT" && die "port $PORT is already taken on 127.0.0.1; set BENCH_PORT"
  return 0
}

# bench_build <project> ... : one Release build of each (in $BUILD_ROOT, default the working tree).
bench_build() {
  [[ "$SKIP_BUILD" == 1 ]] && return 0
  local t0=$SECONDS p
  say "building $* (Release) in ${BUILD_ROOT:-$REPO}"
  for p in "$@"; do
    (cd "${BUILD_ROOT:-$REPO}" && dotnet build -c Release "$p" -nologo -v quiet) >>"$WORK/build.log" 2>&1 \
      || { tail -n 30 "$WORK/build.log" >&2; die "build of $p failed"; }
  done
  say "built in $((SECONDS - t0)) s"
}

bench_create_database() {
  psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql_admin -c "CREATE DATABASE $DB"
  DB_CREATED=1
}

# bench_start_app [NAME=VALUE ...]
# Starts the built app in Production on the bench database (migrate + demo seed on start-up) with the payment gateway
# chosen explicitly: Production refuses to start without a Stripe key unless Billing:Gateway says 'Simulated', and a
# benchmark must neither hold a real key nor weaken that rule. Extra settings (NAME=VALUE, as environment variables)
# come last and win. Plain loopback HTTP, so Production's HTTPS-only transport is turned off explicitly (the load is
# measured on the app, not on TLS), and the run says it is a throwaway that may use demo data, the simulated gateway's
# development secret and the mail pickup folder (the app refuses those in Production otherwise). Waits for /health/ready; sets APP_PID.
bench_start_app() {
  [[ -f "$APP_DIR/Derrimut.Web.dll" ]] || die "$APP_DIR/Derrimut.Web.dll missing (build first)"
  local timeout="${BENCH_START_TIMEOUT:-240}" t0
  say "starting the app on $BASE (cpus $APP_CPUS)"
  # The demo's admins sign in with the password alone (decision 0059's rule is on in Production); the benchmarks
  # measure reads, not the second factor.
  # The content root is the working directory (WebApplication.CreateBuilder), hence the cd: appsettings.json is read
  # from the build output. taskset execs dotnet, so $! is the app's own PID.
  (
    cd "$APP_DIR"
    exec env \
      ASPNETCORE_ENVIRONMENT=Production \
      DOTNET_NOLOGO=1 \
      Database__Provider=PostgreSql \
      "ConnectionStrings__Derrimut=$(bench_app_connection);No Reset On Close=true;Max Auto Prepare=20" \
      ConnectionStrings__Redis= \
      Database__MigrateOnStartup=true \
      Database__SeedDemoData=true \
      Tenancy__RootDomain="$ROOT_DOMAIN" \
      Billing__Gateway=Simulated \
      Transport__RequireHttps=false \
      Safety__AllowUnsafeProductionSettings=true \
      Identity__RequireTwoFactorForPowerfulRoles=false \
      Serilog__MinimumLevel__Default=Warning \
      "$@" \
      taskset -c "$APP_CPUS" dotnet Derrimut.Web.dll --urls "$BASE"
  ) >"$APP_LOG" 2>&1 8>&- &
  APP_PID=$!

  t0=$SECONDS
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health/ready" || true)" == 200 ]]; do
    if ! pid_alive "$APP_PID"; then tail -n 40 "$APP_LOG" >&2; die "the app exited during start-up"; fi
    (( SECONDS - t0 < timeout )) || { tail -n 40 "$APP_LOG" >&2; die "/health/ready not 200 after $timeout s"; }
    sleep 0.5
  done
  say "app ready in $((SECONDS - t0)) s (pid $APP_PID); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
