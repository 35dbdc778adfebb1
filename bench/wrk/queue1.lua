-- The care manager's queue, first page of a two-filter query sorted by priority (50 rows), as bench.cm; expect 200.
-- The query is chosen in scale.py's prepare step (data.queue1_path), e.g. /Queue?priority=Routine&assigned=Unassigned&sort=Priority.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

wrk.method = "GET"
wrk.path = common.env("BENCH_PATH", common.data().queue1_path)
wrk.headers["Cookie"] = common.cookie("cm")

common.install {
  name = "queue1",
  check = function(status, headers, body)
    return status == 200 and common.contains(body, common.markers.queue)
  end,
}
