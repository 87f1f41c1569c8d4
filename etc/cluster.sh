#!/usr/bin/env bash
# A Derrimut cluster on this machine (issue 18, "Multi-node"): PostgreSQL, Redis, N identical Production app nodes and
# HAProxy in front of them, everything on 127.0.0.1 only.
#
#   etc/cluster.sh start    services, haproxy (apt-get if missing), Release build, fresh database migrated and seeded
#                           once by src/Derrimut.DbMigrator, then the nodes and the proxy; waits until the proxy answers
#   etc/cluster.sh stop     stops the proxy and the nodes by PID (the services too, when this script started them)
#   etc/cluster.sh status   says what runs, and each node's /health/ready as the proxy sees it
#   etc/cluster.sh env      prints `export CLUSTER_...` lines (proxy address, node addresses and PIDs, the secrets the
#                           nodes were started with, the database connection) for etc/faults/*.sh
#
# Environment (defaults in brackets):
#   DERRIMUT_PG_PORT [25462]  DERRIMUT_REDIS_PORT [26409]   etc/services.sh's ports. The defaults are NOT the shared
#                             test services' (55442/56389, and 25432/26379 for CI): a fault run stops PostgreSQL and
#                             kills Redis, which must never be anyone else's.
#   DERRIMUT_CLUSTER_NODES [3]        app nodes (1-9)
#   DERRIMUT_CLUSTER_PORT [5190]      the proxy's port; node i listens on port+i (not 5090: two benchmarks use it)
#   DERRIMUT_CLUSTER_DB [derrimut_cluster]
#   DERRIMUT_CLUSTER_STATE [$REPO/.cluster]   logs, PID files, haproxy.cfg, cluster.env (the secrets: mode 600)
#   DERRIMUT_CLUSTER_SKIP_BUILD [0]   1 = use the existing Release build
#   DERRIMUT_CLUSTER_START_TIMEOUT [240]  seconds each node may take to become ready
#
# Why things are the way they are:
# - The database is migrated and seeded ONCE, by the migrator, before any node starts; the nodes keep
#   Database:MigrateOnStartup off, as they must in a real installation (N nodes racing to migrate is how schemas break).
# - The nodes share what must be shared through the engines they already use: the Data Protection key ring is in the
#   database (decision 0021), so a sign-in cookie from one node is read by the others; the tenant catalogue, caches and
#   live updates go through the one Redis, under one Caching:InstanceName; Quartz is clustered on the database by
#   scheduler name (JobsRegistration), so a job runs once in the cluster.
# - The proxy is HAProxy from Debian with a loopback variant of deploy/haproxy.cfg: the same health check on
#   /health/ready, cookie affinity for Blazor circuits, redispatch and retry-on; no TLS (loopback), and the check runs
#   every second rather than every two, so a fault run of a minute sees the proxy react.
# - Settings that would be wrong for a real installation and are right for a throwaway cluster on loopback are those
#   of etc/bench/lib.sh (simulated gateway with a secret of its own, demo seed, a platform key for read-backs, plain
#   HTTP), plus rate limits raised far above the load (the limits are per node and per client address, and every
#   request reaches the nodes from the proxy's one address) and a shorter Idempotency:InFlightTimeout (20 s instead of
#   2 min) so that a write in flight on a killed node can be taken over inside a one-minute run (decision 0068).
# - Every process is started detached (setsid, stdin closed) with its PID in a file, and stopped by that PID only.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DERRIMUT_PG_PORT="${DERRIMUT_PG_PORT:-25462}"
export DERRIMUT_REDIS_PORT="${DERRIMUT_REDIS_PORT:-26409}"
NODES="${DERRIMUT_CLUSTER_NODES:-3}"
PROXY_PORT="${DERRIMUT_CLUSTER_PORT:-5190}"
DB="${DERRIMUT_CLUSTER_DB:-derrimut_cluster}"
STATE="${DERRIMUT_CLUSTER_STATE:-$REPO/.cluster}"
SKIP_BUILD="${DERRIMUT_CLUSTER_SKIP_BUILD:-0}"
START_TIMEOUT="${DERRIMUT_CLUSTER_START_TIMEOUT:-240}"
ROOT_DOMAIN=derrimut.localhost
APP_DIR="$REPO/src/Derrimut.Web/bin/Release/net10.0"
MIGRATOR_DIR="$REPO/src/Derrimut.DbMigrator/bin/Release/net10.0"

say() { printf 'cluster: %s\n' "$*" >&2; }
die() { printf 'cluster: ERROR: %s\n' "$*" >&2; exit 1; }

for v in "$DERRIMUT_PG_PORT" "$DERRIMUT_REDIS_PORT" "$NODES" "$PROXY_PORT" "$START_TIMEOUT"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a number: '$v' (check the DERRIMUT_* variables)"
done
(( NODES >= 1 && NODES <= 9 )) || die "DERRIMUT_CLUSTER_NODES must be 1-9"
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "DERRIMUT_CLUSTER_DB must be a plain lower-case identifier"

pid_alive() {
  [[ -n "${1:-}" && "$1" =~ ^[0-9]+$ && -r "/proc/$1/status" ]] || return 1
  ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
node_port() { printf '%s' $((PROXY_PORT + $1)); }
pid_of() { cat "$STATE/$1.pid" 2>/dev/null || true; }
psql_admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DERRIMUT_PG_PORT" -U postgres -d postgres "$@"; }
db_connection() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$DERRIMUT_PG_PORT" "$DB"; }

# Stops the process in $STATE/<name>.pid: TERM (a node drains: decision 0064), then KILL after $2 seconds.
stop_pid() {
  local name="$1" grace="${2:-30}" pid
  pid="$(pid_of "$name")"
  if pid_alive "$pid"; then
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((grace * 5))); do pid_alive "$pid" || break; sleep 0.2; done
    if pid_alive "$pid"; then say "$name did not stop in ${grace}s: KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$STATE/$name.pid"
}

# The settings every node (and the migrator) runs with, as NAME=VALUE for env(1).
app_settings() {
  # shellcheck disable=SC1091
  source "$STATE/cluster.env"
  printf '%s\n' \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    Database__Provider=PostgreSql \
    "ConnectionStrings__Derrimut=$(db_connection);No Reset On Close=true;Max Auto Prepare=20" \
    "ConnectionStrings__Redis=127.0.0.1:$DERRIMUT_REDIS_PORT" \
    "Caching__InstanceName=derrimut-cluster:" \
    Database__MigrateOnStartup=false \
    Database__SeedDemoData=false \
    "Tenancy__RootDomain=$ROOT_DOMAIN" \
    Billing__Gateway=Simulated \
    "Billing__Stripe__WebhookSecret=$CLUSTER_WEBHOOK_SECRET" \
    "Platform__ApiKey=$CLUSTER_PLATFORM_KEY" \
    Transport__RequireHttps=false \
    Safety__AllowUnsafeProductionSettings=true \
    Identity__RequireTwoFactorForPowerfulRoles=false \
    Idempotency__InFlightTimeout=00:00:20 \
    RateLimiting__WritesPerMinute=100000 \
    RateLimiting__SignInsPerMinute=100000 \
    RateLimiting__SignInsPerAccountPerMinute=100000 \
    RateLimiting__TokenRequestsPerAddressPerMinute=100000 \
    Serilog__MinimumLevel__Default=Warning
}

# ---------------------------------------------------------------- start

install_haproxy() {
  command -v haproxy >/dev/null && return 0
  [[ $EUID -eq 0 ]] || die "haproxy is not installed; run as root to install it (apt-get install haproxy)"
  say "installing haproxy (apt-get update first)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get -o DPkg::Lock::Timeout=300 update \
      && apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends haproxy; } >"$STATE/apt.log" 2>&1 \
    || { tail -n 30 "$STATE/apt.log" >&2; die "apt-get failed (log: $STATE/apt.log)"; }
  # The package's own service is not ours to run (and policy-rc.d keeps apt from starting it here anyway).
}

write_haproxy_cfg() {
  local cfg="$STATE/haproxy.cfg" i
  {
    cat <<EOF
# Written by etc/cluster.sh: the loopback variant of deploy/haproxy.cfg (no TLS; checks every second).
global
    log stdout format raw local0
    maxconn 4096
    pidfile $STATE/haproxy.pid

defaults
    mode http
    log global
    option httplog
    option dontlognull
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    timeout http-request 10s

frontend public
    bind 127.0.0.1:$PROXY_PORT
    option forwardfor
    default_backend derrimut

backend derrimut
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host "$ROOT_DOMAIN"
    http-check expect status 200
    # A check may take 3 s: on this shared 2-CPU box, at load averages near 40, a 1 s check timed out on healthy
    # nodes and took them out of rotation (a dead node still fails at once: its port refuses the connection).
    timeout check 3s
    default-server inter 1s fall 2 rise 2 slowstart 5s
    cookie DERRIMUT_NODE insert indirect nocache httponly attr "SameSite=Lax"
    option redispatch
    retries 3
    # No node ready (the database is away: every readiness check fails): say so as the app would, with Retry-After, so
    # that clients back off the same way whichever answered (the header tells the fault runs which one did).
    http-error status 503 content-type "application/problem+json" string "{\"title\":\"Service unavailable.\",\"status\":503,\"detail\":\"No node is ready; try again shortly.\"}" hdr Retry-After 5 hdr X-Derrimut-Proxy no-node-ready
    retry-on conn-failure empty-response response-timeout
EOF
    for ((i = 1; i <= NODES; i++)); do
      printf '    server web%d 127.0.0.1:%d check cookie web%d\n' "$i" "$(node_port "$i")" "$i"
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg" || die "haproxy refuses $cfg"
}

wait_ready() {
  local name="$1" url="$2" pid="$3" log="$4" t0=$SECONDS
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $ROOT_DOMAIN" "$url" || true)" == 200 ]]; do
    pid_alive "$pid" || { tail -n 40 "$log" >&2; die "$name exited during start-up (log: $log)"; }
    (( SECONDS - t0 < START_TIMEOUT )) || { tail -n 40 "$log" >&2; die "$name not ready after ${START_TIMEOUT}s (log: $log)"; }
    sleep 0.5
  done
  say "$name ready in $((SECONDS - t0)) s (pid $pid)"
}

start_node() {
  local i="$1" port log pid settings=()
  port="$(node_port "$i")"
  log="$STATE/node$i.log"
  port_taken "$port" && die "port $port on 127.0.0.1 is taken; set DERRIMUT_CLUSTER_PORT"
  mapfile -t settings < <(app_settings)
  # The content root is the working directory (appsettings.json of the build output). setsid: the node outlives this
  # script and no terminal signal reaches it; `exec` keeps the PID that setsid/env/dotnet share.
  (cd "$APP_DIR" && exec setsid env "${settings[@]}" dotnet Derrimut.Web.dll --urls "http://127.0.0.1:$port") \
    </dev/null >"$log" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$STATE/node$i.pid"
  say "node $i starting on 127.0.0.1:$port (pid $pid, log $log)"
}

cmd_start() {
  mkdir -p "$STATE"
  # Already running? Starting twice would migrate a database that nodes are using.
  local i
  for name in haproxy $(seq -f 'node%g' 1 "$NODES"); do
    pid_alive "$(pid_of "$name")" && die "$name is already running (pid $(pid_of "$name")); run 'etc/cluster.sh stop' first"
  done
  install_haproxy
  port_taken "$PROXY_PORT" && die "port $PROXY_PORT on 127.0.0.1 is taken; set DERRIMUT_CLUSTER_PORT"

  bash "$REPO/etc/services.sh" start 9>&-
  if [[ "$SKIP_BUILD" != 1 ]]; then
    say "building src/Derrimut.Web and src/Derrimut.DbMigrator (Release)"
    local t0=$SECONDS p
    for p in src/Derrimut.Web src/Derrimut.DbMigrator; do
      (cd "$REPO" && dotnet build -c Release "$p" -nologo -v quiet) >>"$STATE/build.log" 2>&1 \
        || { tail -n 30 "$STATE/build.log" >&2; die "build of $p failed (log: $STATE/build.log)"; }
    done
    say "built in $((SECONDS - t0)) s"
  fi
  [[ -f "$APP_DIR/Derrimut.Web.dll" ]] || die "$APP_DIR/Derrimut.Web.dll missing (build first)"
  [[ -f "$MIGRATOR_DIR/Derrimut.DbMigrator.dll" ]] || die "$MIGRATOR_DIR/Derrimut.DbMigrator.dll missing (build first)"

  # Secrets of this cluster's own (never the published development ones), kept for `env` and the fault runs.
  rnd() { head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
  (umask 077 && cat >"$STATE/cluster.env" <<EOF
CLUSTER_WEBHOOK_SECRET=whsec_cluster_$(rnd)
CLUSTER_PLATFORM_KEY=cluster-$(rnd)
EOF
)

  say "creating database $DB (a fresh one on every start)"
  psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql_admin -c "CREATE DATABASE $DB"
  # The migrator flushes the shared cache of nothing: a stale catalogue from the previous cluster would name tenants
  # that no longer exist, so our Redis prefix is emptied first.
  redis-cli -h 127.0.0.1 -p "$DERRIMUT_REDIS_PORT" --scan --pattern 'derrimut-cluster:*' 2>/dev/null \
    | xargs -r redis-cli -h 127.0.0.1 -p "$DERRIMUT_REDIS_PORT" del >/dev/null 2>&1 || true

  local settings=() t0=$SECONDS
  mapfile -t settings < <(app_settings)
  say "migrating and seeding the demo once (src/Derrimut.DbMigrator)"
  (cd "$MIGRATOR_DIR" && env "${settings[@]}" dotnet Derrimut.DbMigrator.dll --demo) >"$STATE/migrator.log" 2>&1 9>&- \
    || { tail -n 40 "$STATE/migrator.log" >&2; die "the migrator failed (log: $STATE/migrator.log)"; }
  say "migrated and seeded in $((SECONDS - t0)) s"

  # One node first (it warms what the others would otherwise all build at once on 2 CPUs), then the rest together.
  start_node 1
  wait_ready "node 1" "http://127.0.0.1:$(node_port 1)/health/ready" "$(pid_of node1)" "$STATE/node1.log"
  for ((i = 2; i <= NODES; i++)); do start_node "$i"; done
  for ((i = 2; i <= NODES; i++)); do
    wait_ready "node $i" "http://127.0.0.1:$(node_port "$i")/health/ready" "$(pid_of "node$i")" "$STATE/node$i.log"
  done

  write_haproxy_cfg
  (exec setsid haproxy -db -f "$STATE/haproxy.cfg") </dev/null >"$STATE/haproxy.log" 2>&1 9>&- &
  echo "$!" >"$STATE/haproxy.pid"
  wait_ready "haproxy" "http://127.0.0.1:$PROXY_PORT/health/ready" "$(pid_of haproxy)" "$STATE/haproxy.log"
  # The proxy answers as soon as one node is up; wait until its checks have found them all (rise 2 x 1 s).
  sleep 3
  say "cluster ready: http://127.0.0.1:$PROXY_PORT (Host: <gym>.$ROOT_DOMAIN), $NODES node(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# ---------------------------------------------------------------- stop, status, env

cmd_stop() {
  mkdir -p "$STATE"
  stop_pid haproxy 5
  # All nodes at once: each drains for Hosting:DrainDelay (10 s in Production, decision 0064) before it stops.
  local i pid pids=()
  for ((i = 1; i <= 9; i++)); do
    pid="$(pid_of "node$i")"
    if pid_alive "$pid"; then say "stopping node $i (pid $pid)"; kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); fi
    rm -f "$STATE/node$i.pid"
  done
  for _ in $(seq 250); do
    local alive=0
    for pid in "${pids[@]}"; do pid_alive "$pid" && alive=1; done
    (( alive )) || break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do
    if pid_alive "$pid"; then say "node pid $pid did not stop in 50 s: KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  done
  bash "$REPO/etc/services.sh" stop 9>&-
}

cmd_status() {
  local i pid name
  bash "$REPO/etc/services.sh" status
  for name in haproxy $(seq -f 'node%g' 1 "$NODES"); do
    pid="$(pid_of "$name")"
    if pid_alive "$pid"; then echo "$name: running (pid $pid)"; else echo "$name: stopped"; fi
  done
  for ((i = 1; i <= NODES; i++)); do
    echo "node$i /health/ready: $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $ROOT_DOMAIN" "http://127.0.0.1:$(node_port "$i")/health/ready" || true)"
  done
}

cmd_env() {
  [[ -r "$STATE/cluster.env" ]] || die "no cluster started from this checkout ($STATE/cluster.env missing)"
  # shellcheck disable=SC1091
  source "$STATE/cluster.env"
  local i bases=() pids=()
  for ((i = 1; i <= NODES; i++)); do bases+=("http://127.0.0.1:$(node_port "$i")"); pids+=("$(pid_of "node$i")"); done
  echo "export CLUSTER_BASE='http://127.0.0.1:$PROXY_PORT'"
  echo "export CLUSTER_ROOT_DOMAIN='$ROOT_DOMAIN'"
  echo "export CLUSTER_NODE_BASES='$(IFS=,; echo "${bases[*]}")'"
  echo "export CLUSTER_NODE_PIDS='$(IFS=,; echo "${pids[*]}")'"
  echo "export CLUSTER_HAPROXY_PID='$(pid_of haproxy)'"
  echo "export CLUSTER_WEBHOOK_SECRET='$CLUSTER_WEBHOOK_SECRET'"
  echo "export CLUSTER_PLATFORM_KEY='$CLUSTER_PLATFORM_KEY'"
  echo "export CLUSTER_DB_CONNECTION='$(db_connection)'"
  echo "export CLUSTER_STATE='$STATE'"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
