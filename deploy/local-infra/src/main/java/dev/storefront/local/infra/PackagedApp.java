package dev.storefront.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The app a service's last build packaged, as Quarkus recorded it in {@code target/quarkus-artifact.properties} (the
 * same file {@code @QuarkusIntegrationTest} reads): the fast-jar's {@code quarkus-run.jar}, started with
 * {@code java -jar}, or, after {@code -Pnative}, the native executable {@code target/<name>-runner}. Tests that start
 * a service a second time, or a neighbouring service, use it so that they run what the build produced.
 *
 * @param path the jar or the executable
 * @param nativeExecutable whether {@code path} is a native executable (it then takes no JVM options)
 */
public record PackagedApp(Path path, boolean nativeExecutable) {
    private static final String METADATA = "target/quarkus-artifact.properties";
    private static final String FAST_JAR = "target/quarkus-app/quarkus-run.jar";

    /**
     * What {@code module} (a service's directory) last packaged: the native executable when the build made one, else
     * its {@code quarkus-run.jar} (also when the build wrote only native-image sources). Fails, naming the command
     * that builds it, when neither is there.
     */
    public static PackagedApp of(Path module) {
        Properties metadata = metadata(module);
        String path = metadata.getProperty("path");
        if ("native".equals(metadata.getProperty("type")) && path != null) {
            Path executable = module.resolve("target").resolve(path);
            if (Files.isExecutable(executable)) {
                return new PackagedApp(executable, true);
            }
        }
        Path jar = module.resolve(FAST_JAR);
        if (!Files.isRegularFile(jar)) {
            String name = module.toAbsolutePath().normalize().getFileName().toString();
            throw new IllegalStateException(
                    jar + " is missing; build " + name + " first (./mvnw -pl " + name + " package -DskipTests)");
        }
        return new PackagedApp(jar, false);
    }

    /**
     * What {@code module}'s last build packaged, as Quarkus names it: {@code jar}, {@code native},
     * {@code native-sources}, ...; empty when it packaged nothing yet.
     */
    public static String artifactType(Path module) {
        return metadata(module).getProperty("type", "");
    }

    private static Properties metadata(Path module) {
        Properties metadata = new Properties();
        Path file = module.resolve(METADATA);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                metadata.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return metadata;
    }

    /**
     * The command line that starts the app with {@code systemProperties} ({@code -Dkey=value} each) and then
     * {@code args}: {@code java <jvmOptions> <systemProperties> -jar <jar> <args>}, or for a native executable
     * {@code <executable> <systemProperties> <args>} (a Quarkus native executable reads {@code -D} options as a JVM
     * does; the JVM options do not apply to it).
     */
    public List<String> command(
            String java, List<String> jvmOptions, List<String> systemProperties, List<String> args) {
        List<String> command = new ArrayList<>();
        if (nativeExecutable) {
            command.add(path.toAbsolutePath().toString());
            command.addAll(systemProperties);
        } else {
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(systemProperties);
            command.addAll(List.of("-jar", path.toAbsolutePath().toString()));
        }
        command.addAll(args);
        return command;
    }
}
