-- Saves attendance on an event as pages of changes would: each request marks or unmarks a page of 50 participants,
-- chosen at random among the bodies in the file named by ATTENDANCE_BODIES (one JSON body a line), with the bearer
-- token in TALKA_TOKEN.
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TALKA_TOKEN") }
local bodies = {}
for line in io.lines(os.getenv("ATTENDANCE_BODIES")) do bodies[#bodies + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("PATCH", nil, headers, bodies[math.random(#bodies)])
end
