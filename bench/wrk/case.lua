-- wrk script: GET /api/v1/cases/{id} over the demo's case ids, with a bearer token.
-- Environment: GT_TOKEN (a session token), GT_CASES (how many cases the demo holds).
local token = os.getenv("GT_TOKEN")
local cases = tonumber(os.getenv("GT_CASES") or "1000")
local counter = 0
request = function()
  counter = counter + 1
  local id = (counter * 7919) % cases + 1
  return wrk.format("GET", "/api/v1/cases/" .. id, { ["Authorization"] = "Bearer " .. token })
end
