-- Shared by the wrk scenarios: a cart (from carts.txt: "<id> <token>" per line) and a random sku BENCH-0..19.
-- PICK=random (the default): any connection may pick any cart, so two requests in flight often share one and queue
-- on its row lock. PICK=own: each wrk thread walks its own share of the carts in turn, so requests in flight touch
-- different carts, as shoppers with one cart each do. THREADS must match wrk's -t.
local carts = {}
for line in io.lines(os.getenv("CARTS_FILE") or "carts.txt") do
  local id, token = line:match("(%S+) (%S+)")
  carts[#carts + 1] = { id = id, token = token }
end
math.randomseed(os.time())

local threads_started = 0
function setup(thread)
  thread:set("thread_index", threads_started)
  threads_started = threads_started + 1
end

local own = os.getenv("PICK") == "own"
local threads = tonumber(os.getenv("THREADS") or "2")
local next_cart = nil

function pick()
  if not own then
    return carts[math.random(#carts)]
  end
  -- Carts thread_index + 1, thread_index + 1 + threads, …: this thread's share, in turn.
  if next_cart == nil or next_cart > #carts then
    next_cart = thread_index + 1
  end
  local c = carts[next_cart]
  next_cart = next_cart + threads
  return c
end

function sku()
  return "BENCH-" .. math.random(0, 19)
end
