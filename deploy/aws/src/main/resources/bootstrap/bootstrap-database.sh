# Creates the storefront database, one login role per service and each service's schema owned by its role.
# Runs as the master user (PGHOST/PGUSER/PGPASSWORD from the master secret); every step is idempotent, so the
# task can run again on every deployment. SERVICES = "role:schema ..."; <ROLE>_PASSWORD holds each role's password.
set -eu
# The cluster's certificate must chain to the CA root in DB_SSL_ROOT_CERT (from an SSM parameter) and name PGHOST;
# libpq reads the root from a file.
printf '%s\n' "$DB_SSL_ROOT_CERT" > /tmp/db-ca.pem
export PGPORT="${PGPORT:-5432}" PGSSLMODE=verify-full PGSSLROOTCERT=/tmp/db-ca.pem PGCONNECT_TIMEOUT=10
psql_q() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }

until pg_isready -d postgres >/dev/null 2>&1; do echo "waiting for $PGHOST (or for a certificate that verifies)"; sleep 5; done

if [ -z "$(psql_q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'storefront'")" ]; then
  psql_q -d postgres -c "CREATE DATABASE storefront"
fi
# Nobody but the service roles may connect, and nobody may create objects in public.
psql_q -d storefront -c "REVOKE ALL ON DATABASE storefront FROM PUBLIC" -c "REVOKE ALL ON SCHEMA public FROM PUBLIC"

for entry in $SERVICES; do
  role="${entry%%:*}"; schema="${entry#*:}"
  eval "password=\${$(echo "$role" | tr 'a-z' 'A-Z')_PASSWORD}"
  psql_q -d storefront -v role="$role" -v schema="$schema" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
-- The master user must be a member to create a schema owned by the role (PostgreSQL 16+ CREATEROLE rules).
GRANT :"role" TO CURRENT_USER;
GRANT CONNECT ON DATABASE storefront TO :"role";
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
ALTER SCHEMA :"schema" OWNER TO :"role";
REVOKE ALL ON SCHEMA :"schema" FROM PUBLIC;
ALTER ROLE :"role" SET search_path = :"schema";
SQL
  echo "role $role owns schema $schema"
done
echo "bootstrap complete"
