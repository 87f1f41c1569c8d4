#!/usr/bin/env bash
# Fault run: kill one app node (kill -9) in the middle of a steady mixed load (issue 18).   bash etc/faults/kill-node.sh [--smoke]
#
# Starts the cluster (etc/cluster.sh: PostgreSQL, Redis, 3 nodes, HAProxy), runs the load through the proxy, and
# FAULT_AT seconds in kills the signed-in member's node (its affinity cookie's) with SIGKILL: no drain, no goodbye, the requests it was serving die with it. The
# proxy's checks take it out of rotation (fall 2 x 1 s), `retry-on conn-failure` re-sends what could not reach it and
# `redispatch` moves its affinity cookie's clients to the others. Clients retry what failed with the same event id or
# Idempotency-Key. Expected: errors only around the kill, nothing acknowledged lost, no check-in, booking or order recorded twice.
# The node stays dead to the end of the run. Settings: etc/faults/lib.sh.
set -euo pipefail
# shellcheck source=etc/faults/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
fault_init kill-node "$@"

fault_inject() {
  # The node the signed-in member's affinity cookie points at (the generator prints it), so that the member's next
  # reads prove a cookie issued by one node is honoured by the others; node 2 if the line is missing.
  local node victim
  node="$(sed -n 's/^faults: affinity member=web\([0-9]\).*/\1/p' "$FAULT_LOG" | head -n 1)"
  node="${node:-2}"
  victim="$(cut -d, -f"$node" <<<"$CLUSTER_NODE_PIDS")"
  pid_alive "$victim" || die "node $node (pid '$victim') is not running"
  kill -KILL "$victim"
  echo "fault: node $node (pid $victim), the member's affinity node, killed with SIGKILL"
}

fault_run
