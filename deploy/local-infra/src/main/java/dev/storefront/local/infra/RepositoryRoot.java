package dev.storefront.local.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout this code runs from, so local data and build output are found from any module directory. */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    /** The nearest directory, from the working directory up, that holds both {@code mvnw} and {@code pom.xml}. */
    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }
}
