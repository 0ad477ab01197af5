-- PUT /api/carts/{id}/items/{sku} {"quantity": n} on random carts and skus.
dofile((os.getenv("BENCH_DIR") or ".") .. "/carts.lua")
request = function()
  local c = pick()
  return wrk.format("PUT", "/api/carts/" .. c.id .. "/items/" .. sku(),
    { ["Content-Type"] = "application/json", ["X-Cart-Token"] = c.token },
    '{"quantity":' .. math.random(1, 99) .. '}')
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d\n", summary.errors.status))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
