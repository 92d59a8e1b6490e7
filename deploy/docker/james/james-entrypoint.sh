#!/usr/bin/env bash
# Starts Liên Thông's James in a container: renders conf/ from the mail module's templates (the same ones the app
# fills for its embedded James), then runs the server in the foreground.
#
# Environment (see deploy/compose/compose.yaml):
#   MAIL_DOMAIN                  James's default domain (the province's mail domain)
#   JAMES_ADMINISTRATOR          administratorId, default lienthong-admin@$MAIL_DOMAIN (the account the app acts through)
#   JAMES_MAX_MESSAGE_KB         SMTP size limit in KiB (default 25600: the app's 25MB)
#   JAMES_SPOOL_DIR              the archive spool the app reads (a volume both containers mount)
#   JAMES_TLS_KEYSTORE           PKCS12 keystore of the client ports (IMAPS 1993, submission 1587)
#   JAMES_TLS_KEYSTORE_PASSWORD  its password
#   JAMES_WEBADMIN_PUBLIC_KEY    PEM public key that WebAdmin JWTs must be signed with
#   JAMES_JVM_OPTIONS            default "-Xmx1g -XX:+UseSerialGC"
#   JAMES_FLAVOUR                "jpa" (default: this image) or "distributed": the configuration for James's
#                                distributed image (repositories cassandra:// instead of jpa://, no Derby file)
#   JAMES_EXTRA_CONF             a folder of further files to copy into conf/ (the distributed flavour's
#                                cassandra/opensearch/rabbitmq/blob properties), where @@ENV:NAME@@ becomes $NAME
# With --render-only DIR, writes the configuration into DIR/conf and exits (for the distributed image, and the tests).
set -euo pipefail

TEMPLATES="${JAMES_TEMPLATES:-/opt/james/conf-templates}"
HOME_DIR="${JAMES_HOME:-/srv/james}"
LIB_DIR="${JAMES_LIB:-/opt/james/lib}"

fail() { echo "james-entrypoint: $*" >&2; exit 1; }

# XML-escape, then escape for a sed replacement (delimiter |).
replacement() {
  printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/[\\|&]/\\&/g'
}

render() {
  local home="$1"
  : "${MAIL_DOMAIN:?MAIL_DOMAIN is required}"
  : "${JAMES_TLS_KEYSTORE:?JAMES_TLS_KEYSTORE is required}"
  : "${JAMES_TLS_KEYSTORE_PASSWORD:?JAMES_TLS_KEYSTORE_PASSWORD is required}"
  : "${JAMES_WEBADMIN_PUBLIC_KEY:?JAMES_WEBADMIN_PUBLIC_KEY is required}"
  [[ -r "$JAMES_TLS_KEYSTORE" ]] || fail "cannot read the TLS keystore $JAMES_TLS_KEYSTORE"
  [[ -r "$JAMES_WEBADMIN_PUBLIC_KEY" ]] || fail "cannot read the WebAdmin public key $JAMES_WEBADMIN_PUBLIC_KEY"
  local administrator="${JAMES_ADMINISTRATOR:-lienthong-admin@$MAIL_DOMAIN}"
  local spool="${JAMES_SPOOL_DIR:-/srv/lienthong/mail-spool}"
  local conf="$home/conf"

  rm -rf "$conf"
  mkdir -p "$conf" "$home/var/store" "$spool"
  local -a expressions=(
    -e 's/<!--@@\(TLS\|ARCHIVE\)_\(BEGIN\|END\)@@-->//g'
    -e "s|@@BIND_HOST@@|0.0.0.0|g"
    -e "s|@@SMTP_PORT@@|2525|g"
    -e "s|@@IMAP_PORT@@|1143|g"
    -e "s|@@WEBADMIN_PORT@@|8000|g"
    -e "s|@@DERBY_PATH@@|$(replacement "$home/var/store/derby")|g"
    -e "s|@@DEFAULT_DOMAIN@@|$(replacement "$MAIL_DOMAIN")|g"
    -e "s|@@ADMIN_ID@@|$(replacement "$administrator")|g"
    -e "s|@@POSTMASTER@@|$(replacement "postmaster@$MAIL_DOMAIN")|g"
    -e "s|@@MAX_MESSAGE_KB@@|${JAMES_MAX_MESSAGE_KB:-25600}|g"
    -e "s|@@TLS_BIND_HOST@@|0.0.0.0|g"
    -e "s|@@TLS_SMTP_PORT@@|1587|g"
    -e "s|@@TLS_IMAP_PORT@@|1993|g"
    -e "s|@@TLS_KEYSTORE@@|$(replacement "file://$JAMES_TLS_KEYSTORE")|g"
    -e "s|@@TLS_SECRET@@|$(replacement "$JAMES_TLS_KEYSTORE_PASSWORD")|g"
    -e "s|@@ARCHIVE_SPOOL@@|$(replacement "$spool")|g"
  )
  local template name
  for template in "$TEMPLATES"/*; do
    name="$(basename "$template")"
    sed "${expressions[@]}" "$template" > "$conf/$name"
  done
  cp "$JAMES_WEBADMIN_PUBLIC_KEY" "$conf/jwt_publickey"
  case "${JAMES_FLAVOUR:-jpa}" in
    jpa) ;;
    distributed)
      sed -i 's#jpa://#cassandra://#g' "$conf/mailetcontainer.xml"
      rm -f "$conf/james-database.properties"
      ;;
    *) fail "JAMES_FLAVOUR must be jpa or distributed, not $JAMES_FLAVOUR" ;;
  esac
  if [[ -n "${JAMES_EXTRA_CONF:-}" ]]; then
    local extra variable
    for extra in "$JAMES_EXTRA_CONF"/*; do
      name="$(basename "$extra")"
      cp "$extra" "$conf/$name"
      for variable in $(grep -o '@@ENV:[A-Z0-9_]*@@' "$extra" | sort -u | sed 's/@@ENV:\(.*\)@@/\1/'); do
        [[ -n "${!variable:-}" ]] || fail "$name needs the environment variable $variable"
        sed -i "s|@@ENV:$variable@@|$(printf '%s' "${!variable}" | sed -e 's/[\\|&]/\\&/g')|g" "$conf/$name"
      done
    done
  fi
  chmod 600 "$conf/smtpserver.xml" "$conf/imapserver.xml"
  # A template the mail module gained since this script was written: stop rather than run half-configured.
  if grep -l '@@[A-Z_]*@@' "$conf"/* >/dev/null 2>&1; then
    fail "unfilled placeholders in $(grep -l '@@[A-Z_]*@@' "$conf"/* | tr '\n' ' ')"
  fi
}

if [[ "${1:-}" == "--render-only" ]]; then
  render "${2:?usage: james-entrypoint.sh --render-only DIR}"
  exit 0
fi

render "$HOME_DIR"
cd "$HOME_DIR"
# shellcheck disable=SC2086 # JAMES_JVM_OPTIONS is a list of options
exec java ${JAMES_JVM_OPTIONS:--Xmx1g -XX:+UseSerialGC} -Dworking.directory="$HOME_DIR" \
  -cp "$LIB_DIR/*" vn.lienthong.mail.james.LienThongJamesServer
