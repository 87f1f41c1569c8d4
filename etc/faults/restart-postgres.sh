#!/usr/bin/env bash
# Fault run: stop PostgreSQL for FAULT_DOWN seconds, then start it again (issue 18).   bash etc/faults/restart-postgres.sh [--smoke]
#
# Starts the cluster (etc/cluster.sh), runs the load through the proxy, and FAULT_AT seconds in stops the cluster's
# PostgreSQL (pg_ctl stop -m fast: every connection is cut, as in a failover or a restart for an upgrade; only
# etc/services.sh's own cluster on DERRIMUT_PG_PORT, never a shared one); FAULT_DOWN seconds later etc/services.sh
# start brings it back. Expected (decisions 0064, 0068): API requests answer 503 with Retry-After while it is down,
# every node fails its readiness probe (so the proxy has no server and answers 503 itself), everything recovers by
# itself, and every webhook Stripe was told 2xx for is in the database. Settings: etc/faults/lib.sh.
set -euo pipefail
# shellcheck source=etc/faults/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
fault_init restart-postgres "$@"

fault_inject() {
  local bin
  bin="$(pg_bin)"
  [[ -x "$bin/pg_ctl" ]] || die "pg_ctl not found under /usr/lib/postgresql/*/bin"
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$(pg_data)" -m fast -w -t 30 stop >/dev/null)
  else
    "$bin/pg_ctl" -D "$(pg_data)" -m fast -w -t 30 stop >/dev/null
  fi
  echo "fault: PostgreSQL stopped at t=$(elapsed) s"
  sleep 1
  echo "fault: while PostgreSQL is down: node 1 /health/ready -> $(node_ready); proxy GET /api/memberships/plans -> $(proxy_probe)"
  sleep 2
  echo "fault: 3 s later: node 1 /health/ready -> $(node_ready); proxy GET /api/memberships/plans -> $(proxy_probe)"
  sleep $(( FAULT_DOWN > 3 ? FAULT_DOWN - 3 : 0 ))
  services_start 2>&1 | sed 's/^/  /'
  echo "fault: PostgreSQL started again at t=$(elapsed) s"
  sleep 3
  echo "fault: after: node 1 /health/ready -> $(node_ready); proxy GET /api/memberships/plans -> $(proxy_probe)"
}

fault_run
