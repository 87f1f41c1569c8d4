-- wrk script for etc/bench/doors.sh: a door controller's POST of a swipe, with latency.lua's counting and BENCH line.
--
--   BENCH_LUA_DIR   where latency.lua is (it is loaded, not copied)
--   BENCH_BODY      the JSON body ({"doorId": ..., "cardNumber": ...})
--   BENCH_AUTH      optional Authorization header value (the door controller's bearer token)
--   BENCH_HOST      optional Host header (the location's site)
--   BENCH_PLATFORM_KEY optional X-Platform-Key header (diagnosis only: the door endpoint without a bearer token)
--   BENCH_PACE_MS   optional: each connection waits this long on average between swipes (a door controller does not
--                   swipe in a tight loop); wrk starts a request's clock after the wait, so latency is the server's
--                   answer time. Each wait is drawn uniformly from 0 to twice the pace: members reach 64 doors at
--                   independent moments, whereas a fixed wait kept the connections in step and sent every swipe of the
--                   run in bursts of 64 at once (measured: p50 60 ms at 51 swipes/s, the burst queueing on 2 cores)
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/latency.lua")

wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
if (os.getenv("BENCH_AUTH") or "") ~= "" then wrk.headers["Authorization"] = os.getenv("BENCH_AUTH") end
if (os.getenv("BENCH_PLATFORM_KEY") or "") ~= "" then wrk.headers["X-Platform-Key"] = os.getenv("BENCH_PLATFORM_KEY") end
if (os.getenv("BENCH_HOST") or "") ~= "" then wrk.headers["Host"] = os.getenv("BENCH_HOST") end

local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
if pace > 0 then
  function delay()
    return math.random(0, 2 * pace)
  end
end
