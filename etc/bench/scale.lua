-- wrk script for etc/bench/scale.sh: replays a prepared list of requests, one line each, in order (wrapping at the end),
-- each connection pausing between its requests, and prints ONE parseable line when the run ends:
--
--   BENCH label=<label> requests=N duration_s=S rps=R p50_us=N p95_us=N p99_us=N max_us=N non2xx=N
--         connect_err=N read_err=N write_err=N timeouts=N
--
--   BENCH_REQUESTS  the list: one request a line, fields separated by a tab:
--                   method, path, Host, header ("Name: value" or "-"), body ("-" for none)
--   BENCH_PACE_MS   each connection waits this long between its requests (wrk starts a request's clock after the wait,
--                   so latency is the server's answer time); the offered rate is connections x 1000 / pace
--   BENCH_LABEL     the label of the BENCH line
-- Why one list per endpoint and not one request: bookings and renewal webhooks are each meant once (a member books a
-- class once; Stripe sends a renewal once), and the swipes, reads and renewals are spread over every gym and member.
-- The script sizes each list beyond what one run sends, so a wrap would show as a non-2xx (a second booking is refused).

local requests = {}
local threads = {}

for line in io.lines(os.getenv("BENCH_REQUESTS")) do
  local method, path, host, header, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
  if method then
    local headers = { ["Host"] = host }
    if header ~= "-" then
      local name, value = header:match("^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    if body == "-" then
      body = nil
    else
      headers["Content-Type"] = "application/json"
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
end

local next_request = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
if pace > 0 then
  function delay()
    return pace
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 3 then
      io.stderr:write(string.format("non-2xx %d: %s\n", status, (body or ""):sub(1, 300)))
    end
  end
end

function done(summary, latency, requests_done)
  local bad = 0
  for _, t in ipairs(threads) do
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
