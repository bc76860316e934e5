-- wrk script for `make bench-http`: POST /v1/analyze with a fictional
-- 1 KB message to a patient (no real patient data).
local message = [[
Hi Mr. Delgado,

Your labs from Tuesday are back. Your HbA1c is 7.9%, a little above our goal, and your eGFR is stable. Your BP was 148/92 at the visit, so it is still elevated. The echo showed mild LVH and trace bilateral ankle edema but no sign of CHF.

Plan:
- Continue metformin 1000 mg PO BID with meals.
- Increase lisinopril to 20 mg PO daily for HTN.
- Check a BMP in 2 wks to monitor potassium and renal function.
- Avoid NSAIDs such as ibuprofen or naproxen; take acetaminophen PRN for pain.
- Walk 30 minutes most days and limit salt to under 2 g a day.

Please schedule a f/u visit in 3 months, sooner if needed. If you notice dyspnea on exertion, chest pain, palpitations or worsening peripheral edema, call the clinic or go to the ED. We will also refer you to a dietitian for nutrition counseling and send a copy of these results to your cardiologist.

Call us with any questions about these results or your medicines.

Thank you,
Dr. Okafor and the care team at Riverside Family Medicine]]

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == "\n" then return "\\n" end
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text": ' .. json_string(message) .. '}'

function done(summary, latency, requests)
  io.write(string.format("message: %d bytes; non-2xx or socket errors: %d\n", #message,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.0f us, p90 %.0f us, p99 %.0f us\n", latency:percentile(50),
    latency:percentile(90), latency:percentile(99)))
end
