"""Signs up shoppers through the edge, each with a 2-item cart; prints "<token> <cartId>" per shopper (and, given a
third argument, writes every sku put in a cart to that file).
Each shopper's two products are their own, as in a shop where shoppers buy different things: every order reserves its
two lines, and two orders contend for a stock row only as often as two real shoppers buy the same product. With
SAME_SKUS=1 every shopper buys the same two products instead, so every checkout queues on the same two stock rows
(the contended case).
With --count, reads those lines and prints how many orders each shopper's history holds in all."""
import itertools
import json
import os
import sys
import urllib.request
import uuid

ADDRESS = {"name": "Bench Shopper", "line1": "1 Load St", "city": "Berlin", "postalCode": "10115", "country": "DE"}


def call(method, url, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, data, headers, method=method), timeout=30) as r:
        text = r.read()
        return json.loads(text) if text else None


def shoppers(base, count, skus_file=None):
    index = call("GET", base + "/catalog/index.json")
    same = os.environ.get("SAME_SKUS") == "1"
    wanted = 2 if same else 2 * count
    # The index names each category's listing documents; read them until enough products in stock are found.
    listed = (p for c in index["categories"] for url in c["listings"] for p in call("GET", base + url)["products"])
    skus = list(itertools.islice((p["sku"] for p in listed if p["stockStatus"] != "OUT_OF_STOCK"), wanted))
    if len(skus) < wanted:
        sys.exit("the catalog lists %d products in stock, %d wanted" % (len(skus), wanted))
    if skus_file:
        with open(skus_file, "w") as out:
            out.write(" ".join(skus) + "\n")
    for i in range(count):
        email = "bench-%s@example.test" % uuid.uuid4()
        password = "Bench-%s" % uuid.uuid4()
        call("POST", base + "/api/accounts", {"email": email, "password": password, "name": "Bench"})
        token = call("POST", base + "/api/accounts/login", {"email": email, "password": password})["accessToken"]
        cart = call("POST", base + "/api/carts", {}, token)
        for sku in skus if same else skus[2 * i : 2 * i + 2]:
            call("PUT", "%s/api/carts/%s/items/%s" % (base, cart["id"], sku), {"quantity": 1}, token)
        print(token, cart["id"])


def count(base):
    total = 0
    for line in sys.stdin:
        token, _ = line.split()
        cursor = None
        while True:
            page = call("GET", base + "/api/orders?size=100" + ("&cursor=" + cursor if cursor else ""), token=token)
            total += len(page["items"])
            cursor = page.get("nextCursor")
            if not cursor:
                break
    print("orders in the shoppers' histories:", total)


if __name__ == "__main__":
    if sys.argv[1] == "--count":
        count(sys.argv[2])
    else:
        shoppers(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
