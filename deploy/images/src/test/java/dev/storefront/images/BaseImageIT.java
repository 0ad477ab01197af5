package dev.storefront.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base layer carries its OS packages the way an image scanner (Trivy, Amazon Inspector, ECR scanning) finds them
 * without dpkg: one control stanza per package in {@code /var/lib/dpkg/status.d/<package>}, matching the .deb it was
 * unpacked from, and the distribution's {@code /etc/os-release}. Reads the tarball {@code base-image.sh} wrote and the
 * .debs it used (with {@code tar} and {@code dpkg-deb}, which that script needs anyway).
 */
class BaseImageIT {
    private static final Path BASE_IMAGE =
            Path.of(System.getProperty("base-image.tar", "target/base-image/base-image.tar"));
    private static final Path DEBS = Path.of(System.getProperty("base-image.debs", "target/debs"));
    private static final String STATUS_D = "var/lib/dpkg/status.d/";
    /** Whether the base is the native executables' ({@code -Pnative}): no JRE, glibc and zlib. */
    private static final boolean NATIVE = Boolean.getBoolean("images.native");

    @TempDir
    static Path work;

    private static Path root;

    @BeforeAll
    static void unpackTheLayer() throws Exception {
        Path archive = work.resolve("archive");
        Files.createDirectories(archive);
        run("tar", "-xf", BASE_IMAGE.toString(), "-C", archive.toString());
        root = work.resolve("root");
        Files.createDirectories(root);
        run("tar", "-xf", archive.resolve("layer.tar").toString(), "-C", root.toString());
    }

    @Test
    void everyUnpackedDebHasItsStatusEntryWithTheSameVersion() throws Exception {
        Map<String, Map<String, String>> debs = new TreeMap<>();
        for (Path deb : debs()) {
            Map<String, String> control =
                    stanza(run("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture"));
            debs.put(control.get("Package"), control);
        }
        // Temurin's JRE links zlib and libstdc++ in statically; the native base always has zlib (base-image.sh)
        List<String> expected = NATIVE ? List.of("base-files", "libc6", "zlib1g") : List.of("base-files", "libc6");
        assertTrue(
                debs.keySet().containsAll(expected),
                "glibc, the distribution itself (and zlib for native executables) are packages: " + debs.keySet());

        Set<String> entries;
        try (Stream<Path> files = Files.list(root.resolve(STATUS_D))) {
            entries = files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.endsWith(".md5sums"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        assertEquals(debs.keySet(), entries, "one status entry per .deb, and none without one");

        for (Map.Entry<String, Map<String, String>> deb : debs.entrySet()) {
            Map<String, String> status =
                    stanza(Files.readString(root.resolve(STATUS_D + deb.getKey()), StandardCharsets.UTF_8));
            assertEquals("install ok installed", status.get("Status"), deb.getKey());
            for (String field : List.of("Package", "Version", "Architecture")) {
                assertEquals(deb.getValue().get(field), status.get(field), deb.getKey() + " " + field);
            }
            // Debian's advisories name source packages (glibc, not libc6): the stanza must keep Source where it has one
            String source = run("dpkg-deb", "-f", debFor(deb.getKey()).toString(), "Source");
            if (!source.isBlank()) {
                assertEquals(source.strip(), status.get("Source"), deb.getKey() + " Source");
            }
            assertTrue(
                    Files.isRegularFile(root.resolve(STATUS_D + deb.getKey() + ".md5sums")),
                    deb.getKey() + " has no md5sums (scanners list a package's files from it)");
        }
    }

    @Test
    void theLibrariesTheJreLinksAgainstComeFromThosePackages() throws Exception {
        String libc6Files = Files.readString(root.resolve(STATUS_D + "libc6.md5sums"));
        assertTrue(libc6Files.contains("lib/x86_64-linux-gnu/libc.so.6"), "libc.so.6 is not libc6's");
        if (Files.exists(root.resolve(STATUS_D + "zlib1g.md5sums"))) {
            String zlibFiles = Files.readString(root.resolve(STATUS_D + "zlib1g.md5sums"));
            assertTrue(zlibFiles.contains("libz.so.1"), "libz.so.1 is not zlib1g's");
        }
        assertTrue(Files.exists(root.resolve("lib64/ld-linux-x86-64.so.2"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void theImageSaysWhichDistributionItIs() throws Exception {
        // /etc/os-release is base-files' link to /usr/lib/os-release, as on any Debian system
        Path osRelease = root.resolve("usr/lib/os-release");
        Map<String, String> os = new LinkedHashMap<>();
        for (String line : Files.readAllLines(osRelease)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                os.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        // base-files comes from the build machine's own mirror, like every package: Debian here, Ubuntu on GitHub's
        // runners
        assertEquals(buildMachineDistribution(), os.get("ID"), os.toString());
        assertFalse(os.getOrDefault("VERSION_ID", "").isBlank(), os.toString());
        assertEquals(
                "../usr/lib/os-release",
                Files.readSymbolicLink(root.resolve("etc/os-release")).toString());
        assertTrue(Files.isRegularFile(root.resolve("etc/debian_version")));
    }

    private static String buildMachineDistribution() throws IOException {
        return Files.readAllLines(Path.of("/etc/os-release")).stream()
                .filter(line -> line.startsWith("ID="))
                .map(line -> line.substring("ID=".length()).replace("\"", ""))
                .findFirst()
                .orElseThrow();
    }

    private static List<Path> debs() throws IOException {
        try (Stream<Path> files = Files.list(DEBS)) {
            List<Path> debs =
                    files.filter(f -> f.toString().endsWith(".deb")).sorted().toList();
            assertFalse(debs.isEmpty(), "no .debs in " + DEBS);
            return debs;
        }
    }

    private static Path debFor(String pkg) throws IOException {
        return debs().stream()
                .filter(deb -> deb.getFileName().toString().startsWith(pkg + "_"))
                .findFirst()
                .orElseThrow();
    }

    /** The fields of one control stanza (continuation lines dropped; the fields compared here have none). */
    private static Map<String, String> stanza(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
