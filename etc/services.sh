#!/usr/bin/env bash
# Test services for Derrimut: a private PostgreSQL cluster and a Redis server,
# both on 127.0.0.1 only, with their state under $REPO/.test-services/.
#
#   etc/services.sh start    install missing Debian packages, start (or reuse) both, wait until ready
#   etc/services.sh stop     stop both by PID; safe to run when nothing is running
#   etc/services.sh env      print `export` lines for the tests (connection strings, chromium path)
#   etc/services.sh status   say what is running
#
# Environment:
#   DERRIMUT_PG_PORT            PostgreSQL port        (default 25432)
#   DERRIMUT_REDIS_PORT         Redis port             (default 26379)
#   DERRIMUT_SERVICES_TIMEOUT   seconds to wait for each service to accept connections (default 60)
#
# Why things are the way they are:
# - apt does not start services on this machine (policy-rc.d), and the Debian default cluster would
#   listen on 5432 anyway; so we run our own cluster, as the `postgres` user (initdb refuses root),
#   on a non-default port, so it cannot clash with anything else on the box.
# - The default ports sit below Linux's ephemeral range (32768-60999): a port inside it can be held for a
#   moment as the local end of some client's outgoing connection (a benchmark's burst just before), and
#   PostgreSQL then fails to bind ("Address already in use") although nothing listens there.
# - Authentication is `trust`, on 127.0.0.1 and the private socket only: nothing else can reach it,
#   and it saves a SCRAM handshake on every new physical connection in tests. The connection string
#   therefore carries no password.
# - fsync/synchronous_commit/full_page_writes are off: test data is disposable and speed matters.
# - Everything is stopped by PID (never by process name): other people's servers on this machine
#   are not ours to kill.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$REPO/.test-services"

PG_PORT="${DERRIMUT_PG_PORT:-25432}"
REDIS_PORT="${DERRIMUT_REDIS_PORT:-26379}"
TIMEOUT="${DERRIMUT_SERVICES_TIMEOUT:-60}"

PG_ROOT="$STATE/pg"              # owned by the cluster owner, mode 0700
PG_DATA="$PG_ROOT/data"          # initdb requires 0700
PG_SOCK="$PG_ROOT/run"           # unix socket directory, owned by the cluster owner
PG_LOG="$PG_ROOT/postgres.log"
PG_PIDFILE="$STATE/postgres.pid"

REDIS_DIR="$STATE/redis"
REDIS_LOG="$REDIS_DIR/redis.log"
REDIS_PIDFILE="$STATE/redis.pid"  # written by redis-server itself (--pidfile)

CHROMIUM=/usr/bin/chromium
# fontconfig and a font: SkiaSharp draws the shop's tax invoice PDFs and resizes product and trainer photos.
PACKAGES=(postgresql redis-server chromium chromium-driver wrk fontconfig fonts-dejavu-core)

log() { printf 'services: %s\n' "$*" >&2; }
die() { printf 'services: ERROR: %s\n' "$*" >&2; exit 1; }

for p in "$PG_PORT" "$REDIS_PORT" "$TIMEOUT"; do
  [[ "$p" =~ ^[0-9]+$ ]] || die "not a number: '$p' (check DERRIMUT_PG_PORT / DERRIMUT_REDIS_PORT / DERRIMUT_SERVICES_TIMEOUT)"
done

# initdb and postgres refuse to run as root: as root we use the `postgres` account that the Debian
# package creates; as anyone else we simply run the cluster as ourselves.
if [[ $EUID -eq 0 ]]; then PG_OWNER=postgres; else PG_OWNER="$(id -un)"; fi
as_pg() {
  # cd / first: the caller's working directory may not be readable by the postgres user.
  # 9>&- : the postmaster must not inherit our lock file descriptor (see lock()).
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u "$PG_OWNER" -- "$@" 9>&-); else (cd / && "$@" 9>&-); fi
}

# A unix socket path is limited to 107 bytes; in a deeply nested checkout fall back to /tmp.
if (( ${#PG_SOCK} + 20 > 107 )); then
  PG_SOCK="/tmp/derrimut-pg-$(printf '%s' "$REPO" | md5sum | cut -c1-12)"
fi

# ---------------------------------------------------------------- helpers

pg_bin() {
  # Newest installed major version; never hardcoded (Debian 12 ships 15, the next release 17).
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$d" && -x "$d/pg_ctl" ]] || return 1
  printf '%s\n' "$d"
}

# Is something accepting TCP connections on 127.0.0.1:$1 ?
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Alive and not a zombie (a container without a reaping init keeps zombies around, and
# kill -0 succeeds on them).
pid_alive() {
  [[ -n "${1:-}" && "$1" =~ ^[0-9]+$ && -r "/proc/$1/status" ]] || return 1
  ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# PID of the postmaster serving OUR data directory, or failure. postmaster.pid alone is not
# enough: after a crash its PID may have been reused by an unrelated process, so we also check
# that the process is a postgres whose command line names our data directory.
pg_postmaster_pid() {
  local pid=""
  if [[ -r "$PG_DATA/postmaster.pid" ]]; then pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  elif [[ -r "$PG_PIDFILE" ]]; then pid="$(cat "$PG_PIDFILE" 2>/dev/null || true)"
  fi
  pid_alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$PG_DATA" || return 1
  printf '%s\n' "$pid"
}

# PID of our redis-server (from its pid file), or failure.
redis_pid() {
  local pid
  pid="$(cat "$REDIS_PIDFILE" 2>/dev/null || true)"
  pid_alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server ]] || return 1
  printf '%s\n' "$pid"
}

redis_cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@" 2>/dev/null; }

# Wait up to $TIMEOUT seconds for "$@" to succeed.
wait_for() {
  local what="$1"; shift
  local deadline=$((SECONDS + TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || return 1
    sleep 0.2
  done
  log "$what is ready"
}

# ---------------------------------------------------------------- install

install_packages() {
  local missing=() p installed
  # One dpkg-query for all of them; a package never seen by dpkg is simply absent from the output.
  installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)"
  for p in "${PACKAGES[@]}"; do
    grep -qx "$p installed" <<<"$installed" || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  [[ $EUID -eq 0 ]] || die "missing Debian packages (${missing[*]}); run as root to install them"
  log "installing ${missing[*]} (apt-get update first)"
  local t0=$SECONDS
  # Lock::Timeout: wait for another apt run (e.g. a colleague's) instead of failing at once.
  # Output goes to a log (hundreds of dpkg lines would bury the test output); shown on failure.
  local apt_log="$STATE/apt.log"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get -o DPkg::Lock::Timeout=300 update \
      && apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"; \
  } >"$apt_log" 2>&1 9>&- \
    || { tail -n 30 "$apt_log" >&2; die "apt-get failed (log: $apt_log)"; }
  log "installed in $((SECONDS - t0)) s"
}

# ---------------------------------------------------------------- PostgreSQL

pg_init_if_needed() {
  local bin="$1" major
  major="$(basename "$(dirname "$bin")")"
  if [[ -f "$PG_DATA/PG_VERSION" && "$(cat "$PG_DATA/PG_VERSION")" == "$major" ]]; then
    return 0
  fi
  # No cluster, a half-made one (initdb interrupted), or one from another major version:
  # test data is disposable, so start again from scratch.
  log "initdb (PostgreSQL $major) into $PG_DATA"
  rm -rf "$PG_DATA"
  as_pg "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-sync --no-instructions >"$PG_ROOT/initdb.log" 2>&1 \
    || { tail -n 20 "$PG_ROOT/initdb.log" >&2; die "initdb failed (log: $PG_ROOT/initdb.log)"; }
  # Only the private socket and 127.0.0.1 may connect (IPv6 and other hosts are not listed).
  as_pg tee "$PG_DATA/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD   (written by etc/services.sh)
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
EOF
  echo "include_if_exists = 'derrimut-test.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
}

pg_write_settings() {
  # Rewritten on every start so that a changed DERRIMUT_PG_PORT takes effect.
  as_pg tee "$PG_DATA/derrimut-test.conf" >/dev/null <<EOF
# written by etc/services.sh on every start; test settings, NOT for production
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

pg_ready() { "$1/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2; }

pg_start() {
  local bin pid
  bin="$(pg_bin)" || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin"

  mkdir -p "$PG_ROOT" "$PG_SOCK"
  chown "$PG_OWNER": "$PG_ROOT" "$PG_SOCK"
  chmod 0700 "$PG_ROOT" "$PG_SOCK"
  as_pg test -w "$PG_ROOT" || die "$PG_OWNER cannot write $PG_ROOT (is a parent directory closed to it?)"

  if pid="$(pg_postmaster_pid)"; then
    local port
    port="$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
    if [[ "$port" == "$PG_PORT" ]] && pg_ready "$bin"; then
      log "PostgreSQL already running (pid $pid, port $PG_PORT): reusing it"
      echo "$pid" > "$PG_PIDFILE"
      return 0
    fi
    log "PostgreSQL pid $pid is on port ${port:-?} or not answering: restarting it"
    pg_stop
  fi

  pg_init_if_needed "$bin"
  # A crash leaves postmaster.pid and the socket's lock file behind. We established above that no
  # postgres serves this directory, so both are stale -- and postgres itself would refuse them if
  # the PID inside is still a zombie (seen here: this machine's init reaps slowly) or was reused.
  rm -f "$PG_DATA/postmaster.pid" "$PG_PIDFILE" "$PG_SOCK"/.s.PGSQL.*
  if port_in_use "$PG_PORT"; then
    die "port $PG_PORT on 127.0.0.1 is taken by another process; set DERRIMUT_PG_PORT to a free port"
  fi
  pg_write_settings

  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
  if ! as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$TIMEOUT" start >/dev/null; then
    tail -n 20 "$PG_LOG" >&2 || true
    die "PostgreSQL failed to start (log: $PG_LOG)"
  fi
  wait_for "PostgreSQL (127.0.0.1:$PG_PORT)" pg_ready "$bin" \
    || { tail -n 20 "$PG_LOG" >&2 || true; die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT after ${TIMEOUT}s (log: $PG_LOG)"; }
  pid="$(pg_postmaster_pid)" || die "PostgreSQL started but its postmaster.pid is unreadable"
  echo "$pid" > "$PG_PIDFILE"

  # Role and database: initdb -U postgres made the superuser `postgres` and the `postgres`
  # maintenance database, which is all the tests need (they create their own databases).
  # Prove that the connection the tests will use really works.
  "$bin/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null \
    || die "PostgreSQL is up but refuses user postgres on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  local pid bin
  if ! pid="$(pg_postmaster_pid)"; then
    [[ -e "$PG_PIDFILE" ]] && log "PostgreSQL not running (removing stale pid file)"
    rm -f "$PG_PIDFILE"
    return 0
  fi
  log "stopping PostgreSQL (pid $pid)"
  if bin="$(pg_bin)" && [[ -f "$PG_DATA/postmaster.pid" ]] \
     && as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
    :
  else
    # pg_ctl could not do it (data directory gone, timeout): signal the postmaster by PID.
    # SIGINT = fast shutdown, SIGQUIT = immediate shutdown, then SIGKILL as a last resort.
    local sig
    for sig in INT QUIT KILL; do
      kill -s "$sig" "$pid" 2>/dev/null || break
      for _ in $(seq 50); do pid_alive "$pid" || break 2; sleep 0.2; done
    done
  fi
  pid_alive "$pid" && die "PostgreSQL pid $pid would not stop"
  rm -f "$PG_PIDFILE"
}

# ---------------------------------------------------------------- Redis

redis_ready() { [[ "$(redis_cli ping)" == PONG ]]; }

redis_start() {
  local pid
  mkdir -p "$REDIS_DIR"
  if pid="$(redis_pid)"; then
    if redis_ready && [[ "$(redis_cli info server | tr -d '\r' | sed -n 's/^process_id://p')" == "$pid" ]]; then
      log "Redis already running (pid $pid, port $REDIS_PORT): reusing it"
      return 0
    fi
    log "Redis pid $pid is not answering on port $REDIS_PORT: restarting it"
    redis_stop
  elif redis_ready && [[ "$(redis_cli config get pidfile | sed -n 2p)" == "$REDIS_PIDFILE" ]]; then
    # Ours (it was started with our pid file) but the pid file was deleted: adopt it.
    pid="$(redis_cli info server | tr -d '\r' | sed -n 's/^process_id://p')"
    echo "$pid" > "$REDIS_PIDFILE"
    log "Redis already running (pid $pid, port $REDIS_PORT, pid file restored): reusing it"
    return 0
  fi

  rm -f "$REDIS_PIDFILE"   # stale after a crash
  if port_in_use "$REDIS_PORT"; then
    die "port $REDIS_PORT on 127.0.0.1 is taken by another process; set DERRIMUT_REDIS_PORT to a free port"
  fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT (log: $REDIS_LOG)"
  # No persistence at all (--save '' --appendonly no): it is a cache for tests.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --save '' --appendonly no --daemonize yes --pidfile "$REDIS_PIDFILE" \
    --dir "$REDIS_DIR" --logfile "$REDIS_LOG" 9>&- \
    || { tail -n 20 "$REDIS_LOG" >&2 || true; die "redis-server failed to start (log: $REDIS_LOG)"; }
  wait_for "Redis (127.0.0.1:$REDIS_PORT)" redis_ready \
    || { tail -n 20 "$REDIS_LOG" >&2 || true; die "Redis does not answer PING on 127.0.0.1:$REDIS_PORT after ${TIMEOUT}s (log: $REDIS_LOG)"; }
  # --daemonize writes the pid file slightly after the port opens.
  wait_for "Redis pid file" redis_pid || die "Redis is up but $REDIS_PIDFILE was not written"
}

redis_stop() {
  local pid
  if ! pid="$(redis_pid)"; then
    [[ -e "$REDIS_PIDFILE" ]] && log "Redis not running (removing stale pid file)"
    rm -f "$REDIS_PIDFILE"
    return 0
  fi
  log "stopping Redis (pid $pid)"
  local sig
  for sig in TERM KILL; do
    kill -s "$sig" "$pid" 2>/dev/null || break
    for _ in $(seq 50); do pid_alive "$pid" || break 2; sleep 0.2; done
  done
  pid_alive "$pid" && die "Redis pid $pid would not stop"
  rm -f "$REDIS_PIDFILE"
}

# ---------------------------------------------------------------- commands

lock() {
  # Serialise concurrent start/stop calls on the same checkout (two initdb at once would collide).
  mkdir -p "$STATE"
  chmod 0755 "$STATE"   # the postgres user must be able to traverse it, whatever the umask
  # Every daemon we launch gets `9>&-`: a postmaster or redis-server that inherited fd 9 would
  # hold this lock for its whole life and the next start/stop would wait for it in vain.
  exec 9>"$STATE/.lock"
  flock -w 120 9 || die "another etc/services.sh holds $STATE/.lock"
}

cmd="${1:-}"
case "$cmd" in
  start)
    lock
    t0=$SECONDS
    install_packages
    t1=$SECONDS
    pg_start
    redis_start
    [[ -x "$CHROMIUM" ]] || die "$CHROMIUM missing although the chromium package is installed"
    log "services ready (install $((t1 - t0)) s, start $((SECONDS - t1)) s)"
    ;;
  stop)
    lock
    pg_stop
    redis_stop
    ;;
  env)
    # Maintenance connection: tests create (and drop) their own databases from it.
    # Single-quoted (no value contains a quote) so that the lines read well and can be eval'd.
    echo "export DERRIMUT_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres'"
    echo "export DERRIMUT_TEST_REDIS='127.0.0.1:$REDIS_PORT'"
    echo "export DERRIMUT_CHROMIUM='$CHROMIUM'"
    ;;
  status)
    if pid="$(pg_postmaster_pid)"; then echo "postgres: running (pid $pid)"; else echo "postgres: stopped"; fi
    if pid="$(redis_pid)"; then echo "redis: running (pid $pid)"; else echo "redis: stopped"; fi
    ;;
  *)
    echo "usage: $0 start|stop|env|status" >&2
    exit 2
    ;;
esac
