package dev.storefront.local.shop;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Command-line options of {@code ./shop}. */
record ShopOptions(
        int edgePort,
        int postgresPort,
        int s3Port,
        Map<ShopService, Integer> scale,
        Path dataDirectory,
        boolean reset,
        boolean help,
        List<String> accountCommand,
        boolean throughput) {

    static final String USAGE = """
            Usage: ./shop [options]
                   ./shop [--data DIR] [--pg-port N] grant-admin EMAIL | revoke-admin EMAIL
              --scale SERVICE=N   run N instances of a service (account, cart, order, catalog); repeatable
              --port N            port of the local edge (default 8080)
              --pg-port N         port of PostgreSQL (default 15432)
              --s3-port N         port of the S3 API (default 19000)
              --data DIR          data folder (default .data/shop)
              --reset             delete the data folder (database, bucket, keys, logs) before starting
              --throughput        run the services with the full JIT (C2), for benchmarks and load tests; without
                                  it they use C1 only, which starts them in far less CPU but serves slower under load
              --no-build          (handled by ./shop) start without rebuilding first
              --help              show this help

            grant-admin EMAIL     give the account with this email the admin role (revoke-admin takes it away),
                                  then exit; run it while the shop is stopped: it opens the shop's database itself.
                                  The account's next sign-in gets a token with the new role.
            """;

    static ShopOptions parse(String[] args, Path repositoryRoot) {
        int edgePort = 8080;
        int postgresPort = 15432;
        int s3Port = 19000;
        Map<ShopService, Integer> scale = new EnumMap<>(ShopService.class);
        Arrays.stream(ShopService.values()).forEach(s -> scale.put(s, 1));
        Path data = repositoryRoot.resolve(".data").resolve("shop");
        boolean reset = false;
        boolean help = false;
        boolean throughput = false;
        List<String> accountCommand = List.of();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> edgePort = port(arg, value(args, ++i, arg));
                case "--pg-port" -> postgresPort = port(arg, value(args, ++i, arg));
                case "--s3-port" -> s3Port = port(arg, value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--scale" -> scale(value(args, ++i, arg), scale);
                case "--reset" -> reset = true;
                case "--throughput" -> throughput = true;
                case "--help", "-h" -> help = true;
                case "grant-admin", "revoke-admin" -> accountCommand = List.of(arg, value(args, ++i, arg));
                case "--no-build" -> {
                    // consumed by the ./shop script
                }
                default -> {
                    if (arg.startsWith("--scale=")) {
                        scale(arg.substring("--scale=".length()), scale);
                    } else {
                        throw new IllegalArgumentException("Unknown option '" + arg + "'");
                    }
                }
            }
        }
        return new ShopOptions(edgePort, postgresPort, s3Port, scale, data, reset, help, accountCommand, throughput);
    }

    private static void scale(String spec, Map<ShopService, Integer> scale) {
        String[] parts = spec.split("=", 2);
        ShopService service = ShopService.byShortName(parts[0])
                .orElseThrow(
                        () -> new IllegalArgumentException("--scale: unknown service '" + parts[0] + "'; use one of "
                                + Arrays.stream(ShopService.values())
                                        .map(ShopService::shortName)
                                        .collect(Collectors.joining(", "))));
        int count;
        try {
            count = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException("--scale " + spec + ": give SERVICE=N with N between 1 and 9");
        }
        scale.put(service, count);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(option + " " + value + ": not a port number");
    }
}
