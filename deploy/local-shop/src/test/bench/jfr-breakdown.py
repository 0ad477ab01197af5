#!/usr/bin/env python3
"""Where a JVM's sampled Java CPU went: jdk.ExecutionSample stacks from `jfr print`, each put in the first category
whose package appears anywhere in its stack (order matters), as a share of all samples."""
import re, subprocess, sys
from collections import Counter

CATEGORIES = [
    ("Flyway (migrate/validate)", ("org.flywaydb.",)),
    ("Catalog sample seed + publish", ("dev.storefront.catalog.publish.", "dev.storefront.catalog.domain.SampleCatalog")),
    ("Hibernate ORM boot + schema validation", ("org.hibernate.",)),
    ("Agroal pool / PostgreSQL JDBC", ("io.agroal.", "org.postgresql.")),
    ("AWS SDK (S3 client, health check)", ("software.amazon.",)),
    ("OpenTelemetry", ("io.opentelemetry.", "io.quarkus.opentelemetry.")),
    ("JWT / key material (smallrye-jwt, jose4j, keys)", ("io.smallrye.jwt.", "org.jose4j.", "dev.storefront.account.security.", "dev.storefront.order.security.", "java.security.KeyPairGenerator", "sun.security.rsa.")),
    ("zxcvbn (password dictionary)", ("com.nulabinc.zxcvbn.",)),
    ("Health checks", ("io.smallrye.health.", "io.quarkus.smallrye.health.")),
    ("Micrometer / metrics", ("io.micrometer.", "io.quarkus.micrometer.")),
    ("OpenAPI / Swagger UI", ("io.smallrye.openapi.", "io.quarkus.smallrye.openapi.", "io.quarkus.swaggerui.")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("Hibernate Validator", ("org.hibernate.validator.",)),
    ("Scheduler / Quartz", ("io.quarkus.scheduler.", "io.smallrye.faulttolerance.")),
    ("Config (SmallRye Config)", ("io.smallrye.config.",)),
    ("Logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
    ("Vert.x / Netty / HTTP servers", ("io.vertx.", "io.netty.", "io.quarkus.vertx.")),
    ("REST (RESTEasy Reactive)", ("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.")),
    ("CDI (ArC) + generated start-up", ("io.quarkus.arc.", "io.quarkus.runner.", "io.quarkus.deployment.steps.")),
    ("Class loading (Quarkus loader, zip)", ("io.quarkus.bootstrap.", "java.util.zip.", "jdk.internal.loader.", "java.lang.ClassLoader.")),
]
HIBERNATE_VALIDATOR = "org.hibernate.validator."

def category(frames):
    for name, prefixes in CATEGORIES:
        for f in frames:
            if name.startswith("Hibernate ORM") and f.startswith(HIBERNATE_VALIDATOR):
                continue
            if any(f.startswith(p) for p in prefixes):
                return name
    return "other: " + (frames[0] if frames else "?")

def stacks(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                         capture_output=True, text=True, check=True).stdout
    for event in out.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w$.]+)\(", event, re.M)
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        yield (thread.group(1) if thread else "?"), frames

def main():
    counts, total = Counter(), 0
    for path in sys.argv[1:]:
        for thread, frames in stacks(path):
            counts[category(frames)] += 1
            total += 1
    print(f"{total} samples")
    other = 0
    for name, n in counts.most_common():
        if name.startswith("other: ") and n / total < 0.01:
            other += n
            continue
        print(f"{100.0 * n / total:5.1f} %  {n:5d}  {name}")
    print(f"{100.0 * other / total:5.1f} %  {other:5d}  other (each < 1 %)")

main()
