-- Shared by the wrk scenarios: random cart (from carts.txt: "<id> <token>" per line) and random sku BENCH-0..19.
local carts = {}
for line in io.lines(os.getenv("CARTS_FILE") or "carts.txt") do
  local id, token = line:match("(%S+) (%S+)")
  carts[#carts + 1] = { id = id, token = token }
end
math.randomseed(os.time())

function pick()
  return carts[math.random(#carts)]
end

function sku()
  return "BENCH-" .. math.random(0, 19)
end
