package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * One Aurora PostgreSQL (Serverless v2) cluster for all services, in the isolated subnets, encrypted, with its master
 * credentials in Secrets Manager. Each service gets its own secret ({@code username} = its role, generated
 * {@code password}); {@link DatabaseBootstrap} creates the roles and schemas from them. Only the bootstrap task ever
 * sees the master secret.
 *
 * <p>Every connection verifies the server's certificate and host name ({@code sslmode=verify-full}). The cluster's
 * certificates are signed by {@link #CA}; the root certificate of that CA for the stack's region is not in any JRE
 * trust store, so ops put it once per environment into the SSM parameter {@link #caCertificateParameterName}, and the
 * tasks get it in the environment variable {@value #CA_CERTIFICATE_VARIABLE} (docs/deploy.md). Through an RDS Proxy,
 * whose certificate comes from ACM and chains to Amazon's public roots, the JRE's own trust store is enough.
 */
public class Database extends Construct {
    /** The database every service connects to; created by the bootstrap, not by CloudFormation. */
    public static final String DATABASE_NAME = "storefront";

    public static final int PORT = 5432;

    /** The CA that signs the cluster's server certificates, named explicitly so the trusted root is known. */
    public static final CaCertificate CA = CaCertificate.RDS_CA_RSA2048_G1;

    /** The environment variable that carries {@link #CA}'s root certificate (PEM) into the tasks. */
    public static final String CA_CERTIFICATE_VARIABLE = "DB_SSL_ROOT_CERT";

    private final DatabaseCluster cluster;
    private final Map<String, Secret> serviceSecrets = new LinkedHashMap<>();
    private final DatabaseProxy proxy;
    private final IStringParameter caCertificate;

    public Database(Construct scope, String id, EnvironmentConfig config, Network network) {
        super(scope, id);
        cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_17_9)
                        .build()))
                .credentials(Credentials.fromGeneratedSecret("storefront_admin"))
                .vpc(network.vpc())
                .vpcSubnets(network.dataSubnets())
                .writer(ClusterInstance.serverlessV2(
                        "writer",
                        ServerlessV2ClusterInstanceProps.builder()
                                .caCertificate(CA)
                                .build()))
                .readers(readers(config))
                .serverlessV2MinCapacity(config.dbMinAcu())
                .serverlessV2MaxCapacity(config.dbMaxAcu())
                .storageEncrypted(true)
                .port(PORT)
                .backup(BackupProps.builder()
                        .retention(Duration.days(config.retainData() ? 14 : 1))
                        .build())
                .cloudwatchLogsExports(List.of("postgresql"))
                .cloudwatchLogsRetention(config.logRetention())
                .deletionProtection(config.retainData())
                .removalPolicy(config.retainData() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .build();

        for (ServiceSpec spec : ServiceSpec.ALL) {
            serviceSecrets.put(spec.name(), serviceSecret(config, spec));
        }
        proxy = config.rdsProxy() ? proxy(network) : null;
        // Created by ops, not by the stack: its value (a public CA certificate) cannot be fetched at synth time, and
        // offline builds cannot download it either.
        caCertificate =
                StringParameter.fromStringParameterName(this, "CaCertificate", caCertificateParameterName(config));
        suppressFindings(config);
    }

    private void suppressFindings(EnvironmentConfig config) {
        Nag.suppress(
                this,
                "AwsSolutions-SMG4",
                "The services read their password once at start (ECS secrets), so rotating it under running tasks "
                        + "would lock them out; passwords are rotated by redeploying with a new secret version.");
        Nag.suppress(
                cluster,
                "AwsSolutions-RDS6",
                "The Quarkus services log in with a password from Secrets Manager; IAM tokens expire every 15 minutes "
                        + "and the connection pool has no hook to refresh them.");
        if (!config.retainData()) {
            Nag.suppress(
                    cluster, "AwsSolutions-RDS10", "Dev databases are disposable; prod has deletion protection on.");
        }
    }

    private static List<IClusterInstance> readers(EnvironmentConfig config) {
        List<IClusterInstance> readers = new ArrayList<>();
        for (int i = 1; i <= config.dbReaders(); i++) {
            readers.add(ClusterInstance.serverlessV2(
                    "reader" + i,
                    ServerlessV2ClusterInstanceProps.builder()
                            .scaleWithWriter(true)
                            .caCertificate(CA)
                            .build()));
        }
        return readers;
    }

    private Secret serviceSecret(EnvironmentConfig config, ServiceSpec spec) {
        return Secret.Builder.create(this, spec.constructId() + "Secret")
                .secretName("storefront/" + config.name() + "/db/" + spec.dbRole())
                .description("PostgreSQL login of " + spec.name() + " (owner of schema " + spec.schema() + ")")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"username\":\"" + spec.dbRole() + "\"}")
                        .generateStringKey("password")
                        // The bootstrap passes the password through psql and the services through a JDBC property;
                        // letters and digits only keeps quoting out of both.
                        .excludePunctuation(true)
                        .passwordLength(40)
                        .build())
                .build();
    }

    private DatabaseProxy proxy(Network network) {
        return cluster.addProxy(
                "Proxy",
                DatabaseProxyOptions.builder()
                        .vpc(network.vpc())
                        .vpcSubnets(network.dataSubnets())
                        .secrets(List.copyOf(serviceSecrets.values()))
                        .requireTls(true)
                        .build());
    }

    /** Lets {@code peer} open connections to the database (through the proxy, if there is one). */
    public void allowFrom(IConnectable peer, String why) {
        cluster.getConnections().allowDefaultPortFrom(peer, why);
        if (proxy != null) {
            // a proxy's connections carry no default port (allowDefaultPortFrom fails the synth)
            proxy.getConnections().allowFrom(peer, Port.tcp(PORT), why);
        }
    }

    /**
     * The JDBC URL the services use: through the proxy when there is one, else the cluster's writer endpoint. Either
     * way pgjdbc checks the certificate chain and that the certificate names the host ({@code verify-full}): against
     * {@link #CA}'s root from {@value #CA_CERTIFICATE_VARIABLE} for the cluster (pgjdbc's
     * {@code SingleCertValidatingFactory}), against the JRE's trust store for the proxy.
     */
    public String jdbcUrl() {
        String base = "jdbc:postgresql://%s:" + PORT + "/" + DATABASE_NAME + "?sslmode=verify-full&sslfactory=";
        if (proxy != null) {
            return base.formatted(proxy.getEndpoint()) + "org.postgresql.ssl.DefaultJavaSSLFactory";
        }
        return base.formatted(cluster.getClusterEndpoint().getHostname())
                + "org.postgresql.ssl.SingleCertValidatingFactory&sslfactoryarg=env:" + CA_CERTIFICATE_VARIABLE;
    }

    /** True when the services reach the database through an RDS Proxy (and so need no {@link #CA} root). */
    public boolean proxied() {
        return proxy != null;
    }

    /**
     * {@link #CA}'s root certificate for the stack's region (PEM), as CloudFormation reads it from the SSM parameter
     * when the stack deploys: a deployment fails up front, before it changes anything, while the parameter is missing.
     * Plain configuration: a CA certificate is public.
     */
    public String caCertificate() {
        return caCertificate.getStringValue();
    }

    /** e.g. {@code /storefront/dev/db/ca-certificate}. */
    public static String caCertificateParameterName(EnvironmentConfig config) {
        return "/storefront/" + config.name() + "/db/ca-certificate";
    }

    public ISecret secretOf(ServiceSpec spec) {
        return serviceSecrets.get(spec.name());
    }

    public ISecret masterSecret() {
        return cluster.getSecret();
    }

    public DatabaseCluster cluster() {
        return cluster;
    }
}
