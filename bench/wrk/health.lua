-- Baseline: GET /health/live (anonymous, no database), expect 200.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

wrk.method = "GET"
wrk.path = "/health/live"

common.install {
  name = "health",
  check = function(status) return status == 200 end,
}
