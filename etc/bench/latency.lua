-- wrk script for etc/bench/tenancy.sh: counts non-2xx responses and, when the run ends, prints ONE
-- parseable line:
--
--   BENCH label=<label> requests=N duration_s=S rps=R p50_us=N p90_us=N p99_us=N max_us=N
--         non2xx=N connect_err=N read_err=N write_err=N timeouts=N p95_us=N
--
-- (on one line). Latencies are in microseconds, as wrk measures them.
-- The label comes from the BENCH_LABEL environment variable.
--
-- Why a response() callback: wrk's own `errors.status` only counts statuses >= 400, so a 3xx (or a
-- 1xx) would pass unnoticed. Defining response() makes wrk hand every response to Lua; measured here
-- that costs wrk a little CPU, the same for both endpoints, which is what a side-by-side ratio needs.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH label=%s requests=%d duration_s=%.2f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d p95_us=%d\n",
    os.getenv("BENCH_LABEL") or "run", summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    bad, e.connect, e.read, e.write, e.timeout, latency:percentile(95)))
end
