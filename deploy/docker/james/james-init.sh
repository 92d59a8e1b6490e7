#!/usr/bin/env bash
# One-shot, after James is healthy: the domains and the administrator account the app acts through (in external mode
# the app creates neither). Safe to run again: WebAdmin's PUTs create or update.
#
# Environment: JAMES_WEBADMIN_URL (default http://james:8000), JAMES_WEBADMIN_PRIVATE_KEY, MAIL_DOMAIN,
# JAMES_ADMINISTRATOR (default lienthong-admin@$MAIL_DOMAIN), JAMES_ADMINISTRATOR_PASSWORD.
set -euo pipefail

url="${JAMES_WEBADMIN_URL:-http://james:8000}"
: "${MAIL_DOMAIN:?MAIL_DOMAIN is required}"
: "${JAMES_ADMINISTRATOR_PASSWORD:?JAMES_ADMINISTRATOR_PASSWORD is required}"
key="${JAMES_WEBADMIN_PRIVATE_KEY:?JAMES_WEBADMIN_PRIVATE_KEY is required}"
administrator="${JAMES_ADMINISTRATOR:-lienthong-admin@$MAIL_DOMAIN}"
token="$(/opt/james/bin/webadmin-token.sh "$key" lienthong-init 300)"

call() { # METHOD PATH [JSON]
  local -a args=(-fsS -X "$1" -H "Authorization: Bearer $token")
  [[ $# -ge 3 ]] && args+=(-H 'Content-Type: application/json' --data-binary @-)
  if [[ $# -ge 3 ]]; then printf '%s' "$3" | curl "${args[@]}" "$url$2"; else curl "${args[@]}" "$url$2"; fi
}

call PUT "/domains/$MAIL_DOMAIN"
call PUT "/domains/${administrator#*@}"
password_json="$(printf '%s' "$JAMES_ADMINISTRATOR_PASSWORD" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
call PUT "/users/$administrator" "{\"password\":\"$password_json\"}"
echo "james-init: domain $MAIL_DOMAIN and administrator $administrator are in place"
