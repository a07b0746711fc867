-- wrk script: GET a signed-in page (session cookie) over a list of ids.
-- Environment: GT_TOKEN (a session token, sent as the gt_session cookie), GT_PATH (the path before
-- the id, e.g. /cases/ or /family/children/), GT_IDS (comma-separated ids) or GT_CASES (ids 1..N).
local token = os.getenv("GT_TOKEN")
local path = os.getenv("GT_PATH") or "/cases/"
local ids = {}
for id in string.gmatch(os.getenv("GT_IDS") or "", "%d+") do ids[#ids + 1] = id end
local cases = tonumber(os.getenv("GT_CASES") or "1000")
local counter = 0
request = function()
  counter = counter + 1
  local id
  if #ids > 0 then id = ids[(counter % #ids) + 1] else id = (counter * 7919) % cases + 1 end
  return wrk.format("GET", path .. id, { ["Cookie"] = "gt_session=" .. token })
end
