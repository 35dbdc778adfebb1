-- Page 200 of the queue1 query (keyset paging: the URL carries the last row of page 199), as bench.cm; expect 200.
-- scale.py finds the URL by following "Next page" 199 times (data.queue200_path); on a plan too small for 200 pages it
-- is the last page, and the result says which page it was.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

wrk.method = "GET"
wrk.path = common.env("BENCH_PATH", common.data().queue200_path)
wrk.headers["Cookie"] = common.cookie("cm")

common.install {
  name = "queue200",
  check = function(status, headers, body)
    return status == 200 and common.contains(body, common.markers.queue)
  end,
}
