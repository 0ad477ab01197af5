package dev.storefront.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * What a service's native build hands to {@code native-image}, read from the runner jar Quarkus generates for it: the
 * reflection and resource configuration under {@code META-INF/native-image/}. The jar is in
 * {@code target/native-sources/} after {@code -Pnative-sources} (Quarkus stops before calling native-image) and in
 * {@code target/<name>-native-image-source-jar/} after {@code -Pnative}. Each service's {@code NativeConfigIT} checks
 * with it that what the service reads by hand (resources, JSON records) is in there.
 */
public final class NativeBuildConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runnerJar;
    private final Map<String, JsonNode> reflection;
    private final List<Pattern> resources;

    private NativeBuildConfig(Path runnerJar, Map<String, JsonNode> reflection, List<Pattern> resources) {
        this.runnerJar = runnerJar;
        this.reflection = reflection;
        this.resources = resources;
    }

    /** A module's compiled classes, relative to the module, as its tests run: what the configuration must cover. */
    public static final Path CLASSES = Path.of("target", "classes");

    /**
     * For a module's {@code NativeConfigIT}: the configuration of its last build ({@code target}), or the calling
     * tests are skipped when that was a JVM build, which has none.
     */
    public static NativeBuildConfig ofLastBuildOrSkip() {
        Optional<NativeBuildConfig> config = find(Path.of("target"));
        Assumptions.assumeTrue(config.isPresent(), "no native build in target/ (-Pnative or -Pnative-sources)");
        return config.get();
    }

    /**
     * The configuration of the last build in {@code target} if it was a native one, or empty when it was a JVM build
     * (what {@code target/quarkus-artifact.properties} says, so configuration left by an earlier native build is not
     * taken for the last one's).
     */
    public static Optional<NativeBuildConfig> find(Path target) {
        String type = PackagedApp.artifactType(target.getParent() == null ? Path.of("") : target.getParent());
        if (!type.equals("native") && !type.equals("native-sources")) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(target)) {
            List<Path> jars = dirs.filter(dir -> dir.getFileName().toString().equals("native-sources")
                            || dir.getFileName().toString().endsWith("-native-image-source-jar"))
                    .flatMap(NativeBuildConfig::runnerJars)
                    .toList();
            if (jars.size() > 1) {
                throw new IllegalStateException("More than one native build in " + target + ": " + jars
                        + "; clean it (./mvnw clean) and build again");
            }
            return jars.stream().findFirst().map(NativeBuildConfig::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runner jar this configuration was read from. */
    public Path runnerJar() {
        return runnerJar;
    }

    /** Whether the native executable holds the class-path resource {@code path} (as {@code getResource} names it). */
    public boolean includesResource(String path) {
        return resources.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    /**
     * Whether {@code className} is registered for reflection with what Jackson needs of a record or bean: its
     * constructors and its methods (the record's accessors).
     */
    public boolean registersForJackson(String className) {
        JsonNode entry = reflection.get(className);
        return entry != null
                && (flag(entry, "allDeclaredConstructors") || flag(entry, "allPublicConstructors"))
                && (flag(entry, "allDeclaredMethods") || flag(entry, "allPublicMethods"));
    }

    /**
     * The files under {@code dir} of the class path rooted at {@code classes} (say {@code target/classes} and
     * {@code db/migration}) that the native executable would not hold.
     */
    public List<String> missingResources(Path classes, String dir) {
        try (Stream<Path> files = Files.walk(classes.resolve(dir))) {
            return files.filter(Files::isRegularFile)
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(path -> !includesResource(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of package {@code pkg} (top level and nested, compiled under {@code classes}) that are not registered
     * for Jackson; {@code loader} loads them to tell records from other classes.
     */
    public List<String> recordsNotRegisteredForJackson(Path classes, String pkg, ClassLoader loader) {
        try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> pkg + "." + name.substring(0, name.length() - ".class".length()))
                    .filter(name -> isRecord(name, loader))
                    .filter(name -> !registersForJackson(name))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRecord(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader).isRecord();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code className} is registered for reflection at all. */
    public boolean registers(String className) {
        return reflection.containsKey(className);
    }

    private static boolean flag(JsonNode entry, String name) {
        return entry.path(name).asBoolean(false);
    }

    private static Stream<Path> runnerJars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NativeBuildConfig read(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, JsonNode> reflection = new HashMap<>();
            for (JsonNode entry : json(zip, "META-INF/native-image/reflect-config.json")) {
                // one class may be registered more than once; what any entry grants, it has
                reflection.merge(entry.path("name").asText(), entry, NativeBuildConfig::union);
            }
            List<Pattern> resources = new java.util.ArrayList<>();
            for (JsonNode include : json(zip, "META-INF/native-image/resource-config.json")
                    .path("resources")
                    .path("includes")) {
                resources.add(Pattern.compile(include.path("pattern").asText()));
            }
            return new NativeBuildConfig(jar, reflection, List.copyOf(resources));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static JsonNode union(JsonNode a, JsonNode b) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = a.deepCopy();
        b.fields().forEachRemaining(field -> {
            if (!field.getValue().isBoolean() || field.getValue().asBoolean()) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private static JsonNode json(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException(name + " is not in " + zip.getName());
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }
}
