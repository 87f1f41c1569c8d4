-- wrk script for etc/bench/reports.sh: browser.lua (latency.lua's counting, the renewed sign-in cookie kept as a
-- browser keeps it) with a BENCH line that also carries p95, the figure issue 17's goals are stated in:
--
--   BENCH label=<label> requests=N duration_s=S rps=R p50_us=N p95_us=N p99_us=N max_us=N
--         non2xx=N connect_err=N read_err=N write_err=N timeouts=N
--
--   BENCH_LUA_DIR   where browser.lua and latency.lua are (loaded, not copied)
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/browser.lua")

local reports_threads = {}
local browser_setup = setup

function setup(thread)
  browser_setup(thread)
  table.insert(reports_threads, thread)
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(reports_threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH label=%s requests=%d duration_s=%.2f rps=%.1f p50_us=%d p95_us=%d p99_us=%d max_us=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    os.getenv("BENCH_LABEL") or "run", summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    bad, e.connect, e.read, e.write, e.timeout))
end
