package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.config.ServiceSpec;
import dev.storefront.deploy.aws.construct.TraceCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In prod every service's task runs the ADOT collector beside it, the service sends its spans there, and the task role
 * may write to X-Ray; dev runs none and exports nothing (its tasks have no room for it).
 */
class TraceCollectorTest {
    @Test
    void everyProdTaskSendsItsSpansToACollectorSidecarThatWritesToXRay() {
        Synth prod = Synth.of("prod");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String name = spec.name();
            assertEquals(
                    "http://localhost:4317",
                    prod.environmentValue(name, TraceCollector.ENDPOINT_VARIABLE),
                    name + " exports to the sidecar");
            Map<String, Object> collector = collector(prod, name);
            assertEquals(TraceCollector.IMAGE, collector.get("Image"), name);
            assertTrue(TraceCollector.IMAGE.matches(".*:v\\d+\\.\\d+\\.\\d+"), "a pinned collector release");
            assertEquals(false, collector.get("Essential"), name + ": the service keeps serving without it");
            assertEquals(TraceCollector.MEMORY_MIB, ((Number) collector.get("Memory")).intValue(), name);
            String config = String.valueOf(collector.get("Environment"));
            assertTrue(config.contains("AOT_CONFIG_CONTENT"), config);
            assertTrue(config.contains("endpoint: 127.0.0.1:4317"), name + ": OTLP on loopback only: " + config);
            assertTrue(config.contains("exporters: [awsxray]"), config);
            assertTrue(
                    String.valueOf(collector.get("LogConfiguration")).contains("otel-collector"),
                    name + " collector logs");
            // no port mapping: nothing outside the task talks to it
            assertFalse(collector.containsKey("PortMappings") && !((List<?>) collector.get("PortMappings")).isEmpty());
        }
        String policies = String.valueOf(prod.shop.findResources("AWS::IAM::Policy"));
        for (String action : List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules")) {
            assertTrue(policies.contains(action), action);
        }
    }

    @Test
    void everyProdTaskKeepsRoomForTheCollectorBesideTheHeap() {
        Synth prod = Synth.of("prod");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            int memory = Integer.parseInt(
                    String.valueOf(prod.taskDefinition(spec.name()).get("Memory")));
            double besideHeap = memory * (1 - 0.60);
            assertTrue(
                    besideHeap >= 128 + 64 + TraceCollector.MEMORY_MIB,
                    spec.name() + ": " + besideHeap + " MiB for the JVM's own memory, the proxy and the collector");
        }
    }

    @Test
    void devExportsNoSpansAndRunsNoCollector() {
        Synth dev = Synth.of("dev");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertFalse(dev.environmentNames(spec.name()).contains(TraceCollector.ENDPOINT_VARIABLE), spec.name());
            assertEquals(1, containers(dev, spec.name()).size(), spec.name());
        }
        assertFalse(String.valueOf(dev.shop.findResources("AWS::IAM::Policy")).contains("xray:"));
    }

    private static Map<String, Object> collector(Synth synth, String service) {
        return containers(synth, service).stream()
                .filter(c -> TraceCollector.CONTAINER_NAME.equals(c.get("Name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + TraceCollector.CONTAINER_NAME));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Synth synth, String service) {
        return (List<Map<String, Object>>) synth.taskDefinition(service).get("ContainerDefinitions");
    }
}
