-- Shared by the workload scripts in bench/wrk/ (run by bench/scale.py; see bench/run-scale.sh).
--
-- Each script starts with
--   local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
-- and ends with common.install{...}, which defines wrk's setup/response/done (and request, for dynamic requests).
--
-- Inputs, from the environment or from the data file scale.py generates for the run:
--   BENCH_DATA          the data file (default bench/.work/data.lua): a Lua chunk returning a table with cookies, form
--                       tokens, paths, member ids, search criteria (see scale.py, write_data_file)
--   BENCH_COOKIE_CM     overrides data.cookies.cm (the care manager's Cookie header)
--   BENCH_COOKIE_BH     overrides data.cookies.bh (the prescriber's Cookie header)
--   BENCH_PAIRS         the write pool file (default bench/.work/pairs.lua): { {memberId, "drug"}, ... }, each pair usable once
--   BENCH_SEED          a number, seeds the random part of SubmissionIds (scale.py gives a fresh one per run)
--   BENCH_NAME          the workload's name, echoed in the result line
--
-- Output: done() prints one line, BENCH {json}, with requests, rps, latency percentiles (ms, as wrk measured them) and
-- the counters of every thread: bad (responses other than the one the workload expects), socket errors, and for the
-- write pool how many pairs were handed out.

local common = {}

function common.env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    return default
  end
  return value
end

local data_cache
function common.data()
  if data_cache == nil then
    data_cache = dofile(common.env("BENCH_DATA", "bench/.work/data.lua"))
  end
  return data_cache
end

-- The Cookie header of a bench account: "cm" (bench.cm, care manager) or "bh" (bench.bh, prescriber).
function common.cookie(role)
  local value = common.env("BENCH_COOKIE_" .. string.upper(role))
  if value == nil then
    value = (common.data().cookies or {})[role]
  end
  if value == nil then
    error("no cookie for " .. role .. ": set BENCH_COOKIE_" .. string.upper(role) .. " or generate the data file")
  end
  return value
end

function common.token(role)
  local value = (common.data().tokens or {})[role]
  if value == nil then
    error("no form token for " .. role .. " in the data file")
  end
  return value
end

function common.urlencode(text)
  return (string.gsub(tostring(text), "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

-- fields: a list of {name, value}; returns an application/x-www-form-urlencoded body.
function common.form(fields)
  local parts = {}
  for i, field in ipairs(fields) do
    parts[i] = common.urlencode(field[1]) .. "=" .. common.urlencode(field[2])
  end
  return table.concat(parts, "&")
end

function common.get(path, cookie)
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function common.post(path, cookie, body)
  return wrk.format("POST", path, {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

-- The search form as a browser posts it, one criterion set per request: { name=..., dateOfBirth=..., memberId=... }.
function common.search_request(criteria, cookie, token)
  local fields = {
    { "Search.Name", criteria.name or "" },
    { "Search.DateOfBirth", criteria.dateOfBirth or "" },
    { "Search.MemberId", criteria.memberId or "" },
  }
  if criteria.dateOfBirth then
    fields[#fields + 1] = { "__Invariant", "Search.DateOfBirth" }
  end
  fields[#fields + 1] = { "__RequestVerificationToken", token }
  return common.post("/Members", cookie, common.form(fields))
end

-- ---------------------------------------------------------------------------------------------------------------------
-- The write pool: (member, drug) pairs, each started once per copy of the database. One wrk thread (-t1) hands them out
-- in order; scale.py gives each run the pairs earlier runs did not take (it reads pairs_used from the result line).

local pool
pairs_used = 0 -- per thread, read back by done()
exhausted = 0

function common.next_pair()
  if pool == nil then
    pool = dofile(common.env("BENCH_PAIRS", "bench/.work/pairs.lua"))
  end
  if #pool == 0 then
    error("the write pool is empty: regenerate the database (bench/run-scale.sh --regenerate)")
  end
  pairs_used = pairs_used + 1
  if pairs_used > #pool then
    -- Out of pairs: the pair is started a second time, which the app refuses (a 200 page), so it counts as bad.
    exhausted = exhausted + 1
    return pool[(pairs_used - 1) % #pool + 1]
  end
  return pool[pairs_used]
end

local guid_counter = 0
local seeded = false

-- A fresh SubmissionId: 80 random bits (seeded per run by BENCH_SEED) and a per-state counter, so never repeated.
function common.guid()
  if not seeded then
    math.randomseed(tonumber(common.env("BENCH_SEED", tostring(os.time()))) or os.time())
    seeded = true
  end
  guid_counter = guid_counter + 1
  local r = function() return math.random(0, 65535) end
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%08x",
    r(), r(), r(), r() % 4096, 32768 + r() % 16384, r(), guid_counter % 4294967296)
end

-- The prescription form as a browser posts it, for a pair from the pool.
function common.write_request(cookie, token, start_on)
  local pair = common.next_pair()
  local body = common.form({
    { "SubmissionId", common.guid() },
    { "Input.Drug", pair[2] },
    { "Input.Dose", "10" },
    { "Input.DoseUnit", "mg" },
    { "Input.Frequency", "OnceDaily" },
    { "Input.StartOn", start_on },
    { "__Invariant", "Input.StartOn" },
    { "Input.SharingDiscussedWithMember", "false" },
    { "__RequestVerificationToken", token },
  })
  return common.post("/Members/" .. pair[1] .. "/Prescriptions/New", cookie, body)
end

-- ---------------------------------------------------------------------------------------------------------------------
-- Response checks: what the expected page contains.

common.markers = {
  queue = "<title>Coordination queue",
  summary = 'id="timeline-heading"',
  search = 'id="results-heading"',
}

function common.contains(body, text)
  return body ~= nil and string.find(body, text, 1, true) ~= nil
end

function common.location(headers)
  return headers["Location"] or headers["location"]
end

-- A successful start redirects to the new event: /Members/{id}/Events/{eventId}.
function common.is_write_ok(status, headers)
  local location = common.location(headers)
  return status == 302 and location ~= nil and string.find(location, "/Events/", 1, true) ~= nil
end

-- ---------------------------------------------------------------------------------------------------------------------
-- Counters (globals of each thread's state) and the result line.

bad = 0
bad_samples = "" -- the first few unexpected responses: status and Location only (paths hold member ids, nothing else)
ok_by_kind = {}

function common.count_ok(kind)
  ok_by_kind[kind] = (ok_by_kind[kind] or 0) + 1
end

function common.count_bad(status, headers, what)
  bad = bad + 1
  if bad <= 5 then
    bad_samples = bad_samples .. string.format("%s%s status=%d location=%s", bad_samples == "" and "" or "; ",
      what or "", status, tostring(common.location(headers) or "-"))
  end
end

local threads = {}

local function json_string(text)
  return '"' .. string.gsub(tostring(text), '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end) .. '"'
end

local function json(value)
  local kind = type(value)
  if kind == "table" then
    local keys = {}
    for k in pairs(value) do keys[#keys + 1] = k end
    table.sort(keys)
    local parts = {}
    for i, k in ipairs(keys) do parts[i] = json_string(k) .. ":" .. json(value[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif kind == "number" then
    if value ~= value or value == math.huge or value == -math.huge then return "null" end
    if value == math.floor(value) and math.abs(value) < 1e15 then return string.format("%d", value) end
    return string.format("%.3f", value)
  elseif kind == "boolean" then
    return tostring(value)
  elseif value == nil then
    return "null"
  end
  return json_string(value)
end

-- options: name; check(status, headers, body) -> true when the response is the expected one (the default counts and
-- returns nothing: then check must call common.count_ok/count_bad itself and return nil); request (optional) builds
-- each request; static requests set wrk.method/path/headers/body instead.
function common.install(options)
  local name = common.env("BENCH_NAME", options.name)

  function setup(thread)
    threads[#threads + 1] = thread
  end

  if options.request ~= nil then
    request = options.request
  end

  function response(status, headers, body)
    local ok = options.check(status, headers, body)
    if ok == true then
      common.count_ok(options.name)
    elseif ok == false then
      common.count_bad(status, headers, options.name)
    end
  end

  function done(summary, latency, requests)
    local result = {
      workload = name,
      requests = summary.requests,
      seconds = summary.duration / 1e6,
      rps = summary.requests / (summary.duration / 1e6),
      p50_ms = latency:percentile(50) / 1000,
      p90_ms = latency:percentile(90) / 1000,
      p95_ms = latency:percentile(95) / 1000,
      p99_ms = latency:percentile(99) / 1000,
      max_ms = latency.max / 1000,
      mean_ms = latency.mean / 1000,
      socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      timeouts = summary.errors.timeout,
      non_2xx_3xx = summary.errors.status,
      bad = 0,
      pairs_used = 0,
      pairs_exhausted = 0,
      ok = {},
      bad_samples = "",
    }
    for _, thread in ipairs(threads) do
      result.bad = result.bad + (thread:get("bad") or 0)
      result.pairs_used = result.pairs_used + (thread:get("pairs_used") or 0)
      result.pairs_exhausted = result.pairs_exhausted + (thread:get("exhausted") or 0)
      local samples = thread:get("bad_samples") or ""
      if samples ~= "" then
        result.bad_samples = result.bad_samples == "" and samples or (result.bad_samples .. "; " .. samples)
      end
      for kind, count in pairs(thread:get("ok_by_kind") or {}) do
        result.ok[kind] = (result.ok[kind] or 0) + count
      end
    end
    io.write("BENCH " .. json(result) .. "\n")
  end
end

return common
