-- POST /api/orders for the shoppers in SHOPPERS_FILE ("<token> <cartId>" per line), one per connection in turn,
-- each request with a new Idempotency-Key. Reports the status of every non-201 answer.
local shoppers = {}
for line in io.lines(os.getenv("SHOPPERS_FILE")) do
  local token, cart = line:match("(%S+) (%S+)")
  shoppers[#shoppers + 1] = { token = token, cart = cart }
end
local address = '{"name":"Bench Shopper","line1":"1 Load St","city":"Berlin","postalCode":"10115","country":"DE"}'
local thread_id, n = 0, 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  prefix = string.format("bench-%d-%d-", id, math.random(1, 1e9))
  failures = {}
end

request = function()
  n = n + 1
  local s = shoppers[(n % #shoppers) + 1]
  return wrk.format("POST", "/api/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. s.token,
    ["Idempotency-Key"] = prefix .. n,
  }, '{"cartId":"' .. s.cart .. '","shippingAddress":' .. address .. '}')
end

response = function(status, headers, body)
  if status ~= 201 then
    failures[status] = (failures[status] or 0) + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx %d, socket errors %d\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, t in ipairs(threads) do
    local f = t:get("failures")
    for status, count in pairs(f) do io.write(string.format("  status %s: %d\n", status, count)) end
  end
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
