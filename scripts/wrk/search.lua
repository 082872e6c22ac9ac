-- wrk script: GET the request targets listed one per line in $WRK_PATHS, in turn (each connection
-- starts at a different line), and print the latency percentiles as one JSON line at the end.
--   WRK_PATHS=paths.txt wrk -t1 -c8 -d10s -s scripts/wrk/search.lua http://127.0.0.1:8080
local paths = {}
local file = assert(io.open(os.getenv("WRK_PATHS") or "paths.txt"), "set WRK_PATHS to a file of request targets")
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()
assert(#paths > 0, "no request targets in WRK_PATHS")

local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((i + (offset or 0)) % #paths) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "mean_ms": %.3f, "errors": %d, "non2xx": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
