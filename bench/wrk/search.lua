-- Member search (POST /Members) as bench.cm, cycling through the manifest's search terms for care managers: a plan
-- member ID, a family-name prefix, a date of birth, a date of birth with a name prefix. Expect 200 with the results
-- section (a form the validator refused has none).
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

local requests = {}
local next_index = 0

function init(args)
  local cookie, token = common.cookie("cm"), common.token("cm")
  for i, criteria in ipairs(common.data().searches) do
    requests[i] = common.search_request(criteria, cookie, token)
  end
end

common.install {
  name = "search",
  request = function()
    next_index = next_index % #requests + 1
    return requests[next_index]
  end,
  check = function(status, headers, body)
    return status == 200 and common.contains(body, common.markers.search)
  end,
}
