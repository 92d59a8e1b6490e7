#!/usr/bin/env bash
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): Keycloak's own role and database next to
# the app's. The password comes from KEYCLOAK_DB_PASSWORD (.env).
set -euo pipefail
: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD is required}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set=kc_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8';
SQL
