-- wrk script for etc/bench/bookings.sh's signed-in endpoints: latency.lua's counting and BENCH line, plus what a
-- browser does with the sign-in cookie -- it keeps the one the server renews. The server re-checks a sign-in cookie
-- against the person's security stamp once it is older than Identity:Sessions:RecheckInterval (1 minute) and sends a
-- renewed cookie; a browser sends that one from then on, so it pays the re-check once a minute. A client that kept
-- sending the first cookie would make every request after the first minute pay the re-check and a new cookie, which
-- no member's browser does.
--
--   BENCH_LUA_DIR   where latency.lua is (it is loaded, not copied)
--   (Host and the first Cookie header come from wrk's -H options, as for latency.lua.)
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/latency.lua")

local latency_init = init
local req = nil
renewals = 0

function init(args)
  latency_init(args)
  req = wrk.format()
end

function request()
  return req
end

local latency_response = response
function response(status, headers, body)
  latency_response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set ~= nil then
    local pair = string.match(set, "^%s*([^;]+)")
    local name = pair and string.match(pair, "^([^=]+)=")
    local cookie = wrk.headers["Cookie"] or ""
    if name ~= nil and string.find(cookie, name .. "=", 1, true) then
      -- Replace that cookie's value, keep the others (the antiforgery cookie).
      local escaped = string.gsub(name, "[%.%-%+%[%]%(%)%$%^%%%?%*]", "%%%0")
      wrk.headers["Cookie"] = string.gsub(cookie, escaped .. "=[^;]*", (string.gsub(pair, "%%", "%%%%")), 1)
      req = wrk.format()
      renewals = renewals + 1
    end
  end
end
