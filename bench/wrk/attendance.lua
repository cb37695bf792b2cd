-- Saves attendance on an event as a page of changes would: alternately marks and unmarks the same 50 participants
-- (PATCH …/attendance), with the bearer token in TALKA_TOKEN and the two bodies in MARK_BODY / UNMARK_BODY.
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TALKA_TOKEN") }
local bodies = { os.getenv("MARK_BODY"), os.getenv("UNMARK_BODY") }
local n = 0
request = function()
  n = n + 1
  return wrk.format("PATCH", nil, headers, bodies[n % 2 + 1])
end
