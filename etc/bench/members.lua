-- wrk script for etc/bench/memberpages.sh: browser.lua (latency.lua's counting and BENCH line, renewed sign-in cookies
-- kept as a browser keeps them) plus what a member does between pages -- they read it. Each connection is one member
-- going round their pages (home, bookings, membership) and pausing BENCH_THINK_MIN_MS..BENCH_THINK_MAX_MS (uniform)
-- before the next one; with both at 0 the loop is closed (every connection asks again the moment an answer arrives).
-- wrk measures latency from sending a request to its answer, so the pause is not in the figures.
--
--   BENCH_LUA_DIR        where browser.lua and latency.lua are
--   BENCH_PAGES          the paths to go round, comma-separated [/member,/member/bookings,/member/membership]
--   BENCH_THINK_MIN_MS, BENCH_THINK_MAX_MS   the pause between pages [0, 0]
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/browser.lua")

local pages = {}
for path in string.gmatch(os.getenv("BENCH_PAGES") or "/member,/member/bookings,/member/membership", "[^,]+") do
  table.insert(pages, path)
end
local think_min = tonumber(os.getenv("BENCH_THINK_MIN_MS") or "0")
local think_max = tonumber(os.getenv("BENCH_THINK_MAX_MS") or "0")
local next_page = 0

local browser_init = init
function init(args)
  browser_init(args)
  -- Each thread starts at its own page and pause, so the members do not march in step.
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) or 0) % 100000)
  next_page = math.random(#pages) - 1
end

function request()
  next_page = next_page % #pages + 1
  -- wrk.headers holds the renewed cookie browser.lua keeps.
  return wrk.format("GET", pages[next_page])
end

function delay()
  if think_max <= 0 then
    return 0
  end
  return math.random(think_min, think_max)
end
