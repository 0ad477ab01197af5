package dev.storefront.local.infra;

/** A database login: the JDBC URL to connect to, the role and its password. */
public record Credentials(String jdbcUrl, String username, String password) {
    @Override
    public String toString() {
        return "Credentials[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
