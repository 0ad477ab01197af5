"""Reads `jfr print --json --events jdk.ExecutionSample` and prints where the samples fall: the top frames, and the
share of samples whose stack passes through some well-known layers."""
import collections
import json
import sys

events = json.load(sys.stdin)["recording"]["events"]
top = collections.Counter()
layers = collections.Counter()
LAYERS = [
    ("JWT verification", "smallrye.jwt"),
    ("rest client (cart-service call)", "rest.client"),
    ("S3 SDK (catalog read)", "software.amazon.awssdk"),
    ("Hibernate ORM", "org.hibernate"),
    ("PostgreSQL JDBC", "org.postgresql"),
    ("Jackson", "com.fasterxml.jackson"),
    ("Vert.x / Netty I/O", "io.netty"),
    ("fault tolerance", "smallrye.faulttolerance"),
    ("JTA transactions", "arjuna"),
    ("logging", "jboss.logmanager"),
    ("metrics", "micrometer"),
    ("OpenTelemetry (tracing)", "io.opentelemetry"),
]
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    m = frames[0]["method"]
    top[m["type"]["name"] + "." + m["name"]] += 1
    # JFR names types with slashes (org/hibernate/...); the markers use dots.
    names = " ".join(f["method"]["type"]["name"] for f in frames).replace("/", ".")
    for label, marker in LAYERS:
        if marker in names:
            layers[label] += 1
total = max(1, sum(top.values()))
print("samples:", total)
for label, _ in LAYERS:
    print("  %5.1f%%  %s" % (100.0 * layers[label] / total, label))
print("top frames:")
for name, n in top.most_common(12):
    print("  %5.1f%%  %s" % (100.0 * n / total, name))
