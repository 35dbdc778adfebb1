-- A mix: of every 20 requests, 16 reads (queue1 and a busy member's summary, alternately) and 3 searches as bench.cm,
-- and 1 medication start as bench.bh (from the same pool of pairs as write.lua; scale.py hands each run unused pairs).
-- Each response is checked against the page it must be: the queue, a summary, search results, or a redirect to the new
-- event. Run with -t1.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

local queue, summaries, searches = nil, {}, {}
local bh_cookie, bh_token, start_on
local counter, next_summary, next_search = 0, 0, 0

-- slot (counter mod 20) -> kind: 16 reads alternating queue/summary, searches at 5, 12, 18, a write at 10
local plan = {}
for slot = 0, 19 do
  if slot == 5 or slot == 12 or slot == 18 then
    plan[slot] = "search"
  elseif slot == 10 then
    plan[slot] = "write"
  else
    plan[slot] = "read"
  end
end
local reads = 0

function init(args)
  local data = common.data()
  local cm_cookie = common.cookie("cm")
  queue = common.get(data.queue1_path, cm_cookie)
  for i, id in ipairs(data.busy_members) do
    summaries[i] = common.get("/Members/" .. id, cm_cookie)
  end
  local cm_token = common.token("cm")
  for i, criteria in ipairs(data.searches) do
    searches[i] = common.search_request(criteria, cm_cookie, cm_token)
  end
  bh_cookie, bh_token, start_on = common.cookie("bh"), common.token("bh"), data.start_on
end

common.install {
  name = "mixed",
  request = function()
    local kind = plan[counter % 20]
    counter = counter + 1
    if kind == "read" then
      reads = reads + 1
      if reads % 2 == 1 then
        return queue
      end
      next_summary = next_summary % #summaries + 1
      return summaries[next_summary]
    elseif kind == "search" then
      next_search = next_search % #searches + 1
      return searches[next_search]
    end
    return common.write_request(bh_cookie, bh_token, start_on)
  end,
  -- Responses arrive in any order across connections, so each is recognised by what it is.
  check = function(status, headers, body)
    if status == 302 then
      if common.is_write_ok(status, headers) then
        common.count_ok("write")
      else
        common.count_bad(status, headers, "redirect")
      end
    elseif status == 200 and common.contains(body, common.markers.search) then
      common.count_ok("search")
    elseif status == 200 and common.contains(body, common.markers.summary) then
      common.count_ok("summary")
    elseif status == 200 and common.contains(body, common.markers.queue) then
      common.count_ok("queue1")
    else
      common.count_bad(status, headers, "mixed")
    end
    return nil
  end,
}
