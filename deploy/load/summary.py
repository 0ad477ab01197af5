#!/usr/bin/env python3
"""Prints the main figures of a Gatling report (its index.html) as a plain table.

Usage: deploy/load/summary.py deploy/load/target/gatling/<run>/index.html

Per group and request: count, failed (KO) and the 50th/95th/99th percentiles and max of the response time, as Gatling
computed them (a group's time is the sum of its requests' response times, without pauses). Then the peak and mean
throughput from the report's "requests per second" series.
"""
import html
import re
import sys


def rows(page):
    for row in re.finditer(r'<tr id="([^"]+)"(?: data-parent="([^"]*)")?\s*>(.*?)</tr>', page, re.S):
        row_id, parent, body = row.groups()
        name = re.search(r'class="ellipsed-name">([^<]*)<', body)
        cells = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', body))
        if name and cells:
            yield row_id, parent or "", html.unescape(name.group(1)), cells


def per_second(page):
    chart = page.find("Number of requests per second")
    match = re.search(r"name: 'All',\s*data: \[((?:\[\d+, \d+\],?\s*)*)\]", page[chart:], re.S) if chart >= 0 else None
    if not match:
        return []
    return [int(v) for v in re.findall(r"\[\d+, (\d+)\]", match.group(1))]


def main(path):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    print(f"{'request':<34} {'count':>7} {'KO':>5} {'KO %':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>7}  (ms)")
    for row_id, parent, name, c in rows(page):
        if row_id.startswith("req_") and parent not in ("ROOT", ""):
            label = "  " + name
        elif row_id == "ROOT":
            label = "all requests"
        else:
            label = name + " (group)" if row_id.startswith("group_") else name
        print(f"{label:<34} {c['2']:>7} {c['4']:>5} {c['5']:>6} {c['8']:>6} {c['10']:>6} {c['11']:>6} {c['12']:>7}")
    rps = per_second(page)
    if rps:
        window = [sum(rps[i : i + 10]) / 10 for i in range(max(1, len(rps) - 9))]
        print(f"throughput: peak {max(rps)} requests/s (1 s), {max(window):.1f} requests/s (best 10 s),"
              f" mean {sum(rps) / len(rps):.1f} requests/s over {len(rps)} s")


if __name__ == "__main__":
    main(sys.argv[1])
