-- wrk driver for `bun run bench`.
--
--   wrk -t1 -c32 -d10s -s bench/wrk/driver.lua http://127.0.0.1:PORT -- <requests.tsv> <nthreads> [writeEvery]
--   env BENCH_OUT=<result.json>
--
-- requests.tsv: one request a line, tab-separated: kind method path auth body
--   kind R = read (cycled), W = write (each sent at most once, split across threads),
--   F = fallback sent after the writes ran out in a write-only run (the thread then stops).
--   auth "-" = no Authorization header; otherwise the signed initData.
-- writeEvery: in a mixed run, every Nth request is the next write (0 = reads only / writes only).
--
-- response() tallies statuses and keeps the submission id of every 201, so the orchestrator can
-- check that each acknowledged submission is in the database.

local reads, writes = {}, {}
local fallback = nil
local n, ri, wi = 0, 0, 0
local every = 0

statuses = {}
ids = {}
sent_writes = 0
exhausted = 0
tid = 0

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2] or "1")
  every = tonumber(args[3] or "0")
  local w = 0
  for line in io.lines(file) do
    local kind, method, path, auth, body = line:match("^(%u)\t(%u+)\t([^\t]+)\t([^\t]*)\t?(.*)$")
    if kind then
      local headers = {}
      if auth ~= "-" then headers["Authorization"] = "tma " .. auth end
      if body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
      local req = wrk.format(method, path, headers, body)
      if kind == "W" then
        -- thread k sends writes k, k+n, k+2n, …: no two threads send the same submission
        if w % nthreads == tid then writes[#writes + 1] = req end
        w = w + 1
      elseif kind == "F" then
        fallback = req
      else
        reads[#reads + 1] = req
      end
    end
  end
end

function request()
  n = n + 1
  local want_write = #writes > 0 and (#reads == 0 or (every > 0 and n % every == 0))
  if want_write or (#reads == 0) then
    if wi < #writes then
      wi = wi + 1
      sent_writes = wi
      return writes[wi]
    end
    exhausted = 1
    if #reads == 0 then
      wrk.thread:stop()
      return fallback
    end
  end
  ri = ri % #reads + 1
  return reads[ri]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    local id = body:match('"id":(%d+)')
    if id then ids[#ids + 1] = tonumber(id) end
  end
end

function done(summary, latency, requests)
  local total = {}
  local allids = {}
  local sent, ex = 0, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses") or {}) do total[k] = (total[k] or 0) + v end
    for _, id in ipairs(t:get("ids") or {}) do allids[#allids + 1] = id end
    sent = sent + (t:get("sent_writes") or 0)
    ex = ex + (t:get("exhausted") or 0)
  end
  local parts = {}
  for k, v in pairs(total) do parts[#parts + 1] = string.format('"%d":%d', k, v) end
  local e = summary.errors
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  out:write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"socketErrors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"statusErrors":%d,' ..
    '"latencyUs":{"min":%d,"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d},' ..
    '"statuses":{%s},"sentWrites":%d,"writesExhausted":%s,"ids":[%s]}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency.min, latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max,
    table.concat(parts, ","), sent, ex > 0 and "true" or "false", table.concat(allids, ",")))
  out:close()
end
