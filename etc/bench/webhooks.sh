#!/usr/bin/env bash
# Webhook benchmark (issue 4, "Benchmark"):   bash etc/bench/webhooks.sh
#
# 10,000 signed Stripe events for 1,000 members (20% duplicates, shuffled) sent by concurrent clients to
# POST /webhooks/stripe of the app on PostgreSQL, each member starting from the pending membership the checkout
# endpoint leaves; then the inbox is read back through the admin API (every unique event recorded exactly once,
# processed on its first attempt, none failed or parked) and every membership's final status is compared with in-order
# processing of that member's events. Prints events/s and latency percentiles (one parseable "BENCH webhooks ..." line).
#
# What it does:
#   1. uses PostgreSQL from etc/services.sh (starts it if nothing is running, and then stops it at the end), or the
#      server BENCH_PG names, as it is;
#   2. builds src/Derrimut.Web and tests/Derrimut.Benchmarks (Release) unless BENCH_SKIP_BUILD=1;
#   3. creates database $BENCH_DB, starts the app in Production with the simulated gateway explicitly chosen
#      (Billing:Gateway=Simulated), a webhook secret of its own, the demo seed, and a platform key for the read-back;
#   4. runs the load generator (tests/Derrimut.Benchmarks, `webhooks`), which fails the run if anything was
#      refused, lost, recorded twice or processed more than once. The demo seed records webhook events of its own
#      (its memberships go through the simulated checkout); the read-back judges only the events the generator sent
#      and reports the others;
#   5. kills the app by PID and drops the database on every exit path (lib.sh).
#   With BENCH_NODES=2 a second identical node is started on the same database (after the first is ready, so the
#   migration and the demo seed run once) and the clients are dealt out between the two nodes in turn, as a proxy's
#   round robin would; both nodes share BENCH_APP_CPUS. The second node is stopped by its PID on every exit path.
#
# Environment (defaults in brackets):
#   BENCH_MEMBERS [1000]  BENCH_EVENTS [10000]  BENCH_DUPLICATE_SHARE [0.2]  BENCH_CLIENTS [16]  BENCH_SEED [4]
#   BENCH_GYMS [st-albans,werribee]  BENCH_PORT [5081]  BENCH_DB [derrimut_bench_webhooks]  BENCH_APP_CPUS [0,1]
#   BENCH_SKIP_BUILD [0]  BENCH_KEEP_LOG (path to copy the app's log to)  BENCH_NODES [1] (1 or 2 app nodes)
#   BENCH_ACKNOWLEDGE_AFTER [Processing]  Storing = the nodes acknowledge after storing and the queue job applies the
#                    events (decision 0082); the run then also waits until every event is applied and reports both rates
#   BENCH_APP_SETTINGS  extra KEY=VALUE settings for every node, space-separated (for experiments and profiles, e.g.
#                    "Jobs__Enabled=false DOTNET_PerfMapEnabled=1")
#   BENCH_SMOKE [0]  1 (or --smoke) = smoke mode: 20 members, 240 deliveries, 4 clients, on its own port and database;
#                    every correctness check still applies, no figure is judged
#   BENCH_PG         use this PostgreSQL server as it is (never start or stop services; see lib.sh)
#   DERRIMUT_PG_PORT: see etc/services.sh
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == --smoke ]] && export BENCH_SMOKE=1
bench_init webhooks 5081 derrimut_bench_webhooks

if [[ "$SMOKE" == 1 ]]; then
  export BENCH_MEMBERS="${BENCH_MEMBERS:-20}" BENCH_EVENTS="${BENCH_EVENTS:-240}" BENCH_CLIENTS="${BENCH_CLIENTS:-4}"
fi
BENCH_DIR="$REPO/tests/Derrimut.Benchmarks/bin/Release/net10.0"
SECRET="whsec_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PLATFORM_KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

bench_services
bench_build src/Derrimut.Web tests/Derrimut.Benchmarks
[[ -f "$BENCH_DIR/Derrimut.Benchmarks.dll" ]] || die "$BENCH_DIR/Derrimut.Benchmarks.dll missing (build first)"
bench_create_database
ACK="${BENCH_ACKNOWLEDGE_AFTER:-Processing}"
bench_start_app \
  Billing__Stripe__WebhookSecret="$SECRET" \
  Billing__Webhooks__AcknowledgeAfter="$ACK" \
  Platform__ApiKey="$PLATFORM_KEY" \
  ${BENCH_APP_SETTINGS:-}

NODE_BASES="$BASE"
SECOND_PID=""
SECOND_LOG="$WORK/app-2.log"
bench_cleanup_extra() {
  if [[ -n "$SECOND_PID" ]] && pid_alive "$SECOND_PID"; then
    say "stopping the second node (pid $SECOND_PID)"
    kill -TERM "$SECOND_PID" 2>/dev/null
    for _ in $(seq 50); do pid_alive "$SECOND_PID" || break; sleep 0.2; done
    pid_alive "$SECOND_PID" && kill -KILL "$SECOND_PID" 2>/dev/null
    wait "$SECOND_PID" 2>/dev/null
  fi
  if [[ -n "${BENCH_KEEP_LOG:-}" && -f "$SECOND_LOG" ]]; then cp "$SECOND_LOG" "$BENCH_KEEP_LOG.node2"; fi
}
case "${BENCH_NODES:-1}" in
  1) ;;
  2)
    # The first node (lib.sh) migrated and seeded; the second is the same build with the same settings, so the same
    # secret and the shared Data Protection key ring, on a port of its own.
    second_port="$(bench_free_port $((PORT + 1)))"
    second_base="http://127.0.0.1:$second_port"
    old_base="$BASE" old_log="$APP_LOG" old_pid="$APP_PID"
    BASE="$second_base" APP_LOG="$SECOND_LOG"
    bench_start_app Billing__Stripe__WebhookSecret="$SECRET" Billing__Webhooks__AcknowledgeAfter="$ACK" Platform__ApiKey="$PLATFORM_KEY" ${BENCH_APP_SETTINGS:-}
    SECOND_PID="$APP_PID"
    BASE="$old_base" APP_LOG="$old_log" APP_PID="$old_pid"
    NODE_BASES="$BASE,$second_base"
    ;;
  *) die "BENCH_NODES must be 1 or 2" ;;
esac

rc=0
BENCH_NODE_BASES="$NODE_BASES" BENCH_BASE="$BASE" BENCH_ROOT_DOMAIN="$ROOT_DOMAIN" BENCH_WEBHOOK_SECRET="$SECRET" BENCH_PLATFORM_KEY="$PLATFORM_KEY" \
  BENCH_DB_CONNECTION="$(bench_app_connection)" \
  dotnet "$BENCH_DIR/Derrimut.Benchmarks.dll" webhooks 8>&- || rc=$?
say "load average after the run $(cut -d' ' -f1-3 /proc/loadavg); app log lines: $(wc -l <"$APP_LOG")$([[ -n "$SECOND_PID" ]] && echo ", second node's: $(wc -l <"$SECOND_LOG")")"
exit "$rc"
