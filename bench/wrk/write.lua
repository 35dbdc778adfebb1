-- Starting a medication (POST /Members/{id}/Prescriptions/New) as bench.bh, each request a (member, drug) pair not yet
-- started on this copy of the database and a fresh SubmissionId. Expect 302 to /Members/{id}/Events/{eventId}.
-- Run with -t1: one Lua state hands out the pairs, so none is used twice.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

local cookie, token, start_on

function init(args)
  cookie, token, start_on = common.cookie("bh"), common.token("bh"), common.data().start_on
end

common.install {
  name = "write",
  request = function()
    return common.write_request(cookie, token, start_on)
  end,
  check = function(status, headers)
    return common.is_write_ok(status, headers)
  end,
}
