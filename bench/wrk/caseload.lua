-- wrk script: GET /api/v1/caseload?due_within=14 with a bearer token (environment GT_TOKEN).
local token = os.getenv("GT_TOKEN")
wrk.headers["Authorization"] = "Bearer " .. token
wrk.path = "/api/v1/caseload?due_within=14"
