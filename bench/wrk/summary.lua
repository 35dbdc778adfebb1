-- The member summary (50-event timeline) of the busy members in turn (60-90 events each), as bench.cm; expect 200.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

local requests = {}
local next_index = 0

function init(args)
  local cookie = common.cookie("cm")
  for i, id in ipairs(common.data().busy_members) do
    requests[i] = common.get("/Members/" .. id, cookie)
  end
end

common.install {
  name = "summary",
  request = function()
    next_index = next_index % #requests + 1
    return requests[next_index]
  end,
  check = function(status, headers, body)
    return status == 200 and common.contains(body, common.markers.summary)
  end,
}
