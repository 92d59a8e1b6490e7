#!/usr/bin/env bash
# Prepares the secrets of a Compose installation, once, on the server:
#   .env                       from .env.example, every CHANGE_ME replaced by a random value (48 hex characters)
#   secrets/webadmin-jwt.key   RSA key the app signs James WebAdmin tokens with (PKCS#8 PEM)
#   secrets/webadmin-jwt.pub   its public half, installed in James as conf/jwt_publickey
#   secrets/james-tls.p12      a self-signed certificate for James's client ports (IMAPS, submission), for MAIL_HOST;
#                              replace it with one from your CA (same file name, password JAMES_TLS_PASSWORD)
# Existing files are kept: run it again after deleting one to make that one anew.
#
#   ./make-secrets.sh [DIR]     DIR defaults to this script's folder
set -euo pipefail

dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
cd "$dir"
umask 077

random() { openssl rand -hex 24; }

if [[ ! -f .env ]]; then
  [[ -f .env.example ]] || { echo "make-secrets: no .env.example in $dir" >&2; exit 1; }
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^([A-Z0-9_]+)=CHANGE_ME$ ]]; then
      printf '%s=%s\n' "${BASH_REMATCH[1]}" "$(random)"
    else
      printf '%s\n' "$line"
    fi
  done < .env.example > .env
  echo "make-secrets: wrote .env; now set the names in it (APP_HOST, SSO_HOST, MEET_HOST, MAIL_DOMAIN, ...)"
else
  echo "make-secrets: .env exists, left as it is"
fi

value() { # NAME: its value in .env
  sed -n "s/^$1=//p" .env | tail -n 1
}

mkdir -p secrets
chmod 700 secrets
if [[ ! -f secrets/webadmin-jwt.key ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/webadmin-jwt.key 2>/dev/null
  openssl pkey -in secrets/webadmin-jwt.key -pubout -out secrets/webadmin-jwt.pub
  echo "make-secrets: wrote secrets/webadmin-jwt.key and .pub"
fi
if [[ ! -f secrets/james-tls.p12 ]]; then
  host="$(value MAIL_HOST)"
  password="$(value JAMES_TLS_PASSWORD)"
  [[ -n "$host" && -n "$password" && "$password" != CHANGE_ME ]] \
    || { echo "make-secrets: MAIL_HOST and JAMES_TLS_PASSWORD must be set in .env" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
  openssl pkcs12 -export -name james -inkey "$work/key.pem" -in "$work/cert.pem" \
    -out secrets/james-tls.p12 -passout "pass:$password"
  echo "make-secrets: wrote secrets/james-tls.p12 (self-signed for $host)"
fi
# The containers run as uid 10001 and read the files through bind mounts: readable inside the owner-only folder.
chmod 644 secrets/webadmin-jwt.key secrets/webadmin-jwt.pub secrets/james-tls.p12
chmod 600 .env
