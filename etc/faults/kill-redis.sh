#!/usr/bin/env bash
# Fault run: kill Redis (kill -9), keep it down FAULT_DOWN seconds, start it again (issue 18).   bash etc/faults/kill-redis.sh [--smoke]
#
# Starts the cluster (etc/cluster.sh), runs the load through the proxy, and FAULT_AT seconds in kills the cluster's
# Redis with SIGKILL (etc/services.sh's own Redis on DERRIMUT_REDIS_PORT, never a shared one); FAULT_DOWN seconds
# later etc/services.sh start brings it back, empty (it keeps nothing on disk). Expected (decision 0068): requests
# keep being served from each node's L1 cache and the database, /health/ready stays 200 and says Degraded, the nodes
# reconnect by themselves; nothing acknowledged lost. Settings: etc/faults/lib.sh.
set -euo pipefail
# shellcheck source=etc/faults/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
fault_init kill-redis "$@"

fault_inject() {
  local pid
  pid="$(redis_pid)"
  pid_alive "$pid" || die "Redis (pid '$pid') is not running"
  kill -KILL "$pid"
  echo "fault: Redis (pid $pid) killed with SIGKILL"
  sleep 2
  echo "fault: while Redis is down: node 1 /health/ready -> $(node_ready); proxy GET /api/memberships/plans -> $(proxy_probe)"
  sleep $(( FAULT_DOWN > 2 ? FAULT_DOWN - 2 : 0 ))
  services_start 2>&1 | sed 's/^/  /'
  echo "fault: Redis started again at t=$(elapsed) s"
  sleep 3
  echo "fault: after: node 1 /health/ready -> $(node_ready)"
}

fault_run
