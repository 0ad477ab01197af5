#!/usr/bin/env python3
"""Prints the main figures of a Gatling report (its index.html) as a plain table.

Usage: deploy/load/summary.py deploy/load/target/gatling/<run>/index.html [ramp:0-45,steady:45-120,...]

Per group and request: count, failed (KO) and the 50th/95th/99th percentiles and max of the response time, as Gatling
computed them (a group's time is the sum of its requests' response times, without pauses). Then the peak and mean
throughput from the report's "requests per second" series and, given the phases (seconds from the first request; the
simulation writes them), per phase: requests per second and the median of the per-second 50th/95th/99th percentiles
of OK responses from the report's "Response Time Percentiles over Time" chart.
"""
import html
import re
import statistics
import sys


def rows(page):
    for row in re.finditer(r'<tr id="([^"]+)"(?: data-parent="([^"]*)")?\s*>(.*?)</tr>', page, re.S):
        row_id, parent, body = row.groups()
        name = re.search(r'class="ellipsed-name">([^<]*)<', body)
        cells = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', body))
        if name and cells:
            yield row_id, parent or "", html.unescape(name.group(1)), cells


def series(page, chart_title, name):
    """[(epoch ms, value)] of one series of a chart; seconds without a value are left out."""
    chart = page.find(chart_title)
    start = page.find("name: '" + name + "'", chart) if chart >= 0 else -1
    if start < 0:
        return []
    end = page.find("]]", start)
    return [(int(t), int(v)) for t, v in re.findall(r"\[(\d+), (\d+)\]", page[start : end + 2])]


def phase_table(page, phases):
    rps = series(page, "Number of requests per second", "All")
    if not rps:
        return
    t0 = rps[0][0]
    percentiles = {p: series(page, "Response Time Percentiles over Time", p) for p in ("50%", "95%", "99%")}
    print(f"{'phase':<12} {'seconds':>9} {'req/s mean':>11} {'req/s max':>10} {'p50':>6} {'p95':>6} {'p99':>6}"
          "  (ms; medians of the per-second percentiles)")
    for phase in phases.split(","):
        name, span = phase.split(":")
        a, b = (int(x) for x in span.split("-"))

        def window(points):
            return [v for t, v in points if a <= (t - t0) / 1000 < b]

        counts = window(rps)
        if not counts:
            continue
        cells = [window(percentiles[p]) for p in ("50%", "95%", "99%")]
        medians = [f"{statistics.median(c):.0f}" if c else "-" for c in cells]
        print(f"{name:<12} {span:>9} {sum(counts) / (b - a):>11.1f} {max(counts):>10} "
              f"{medians[0]:>6} {medians[1]:>6} {medians[2]:>6}")


def main(path, phases=None):
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
    rps = [v for _, v in series(page, "Number of requests per second", "All")]
    if rps:
        window = [sum(rps[i : i + 10]) / 10 for i in range(max(1, len(rps) - 9))]
        print(f"throughput: peak {max(rps)} requests/s (1 s), {max(window):.1f} requests/s (best 10 s),"
              f" mean {sum(rps) / len(rps):.1f} requests/s over {len(rps)} s")
    if phases:
        phase_table(page, phases)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None)
