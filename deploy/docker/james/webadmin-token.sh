#!/usr/bin/env bash
# Prints a short-lived WebAdmin JWT (RS256, claim admin=true), signed with a PKCS#8 PEM private key whose public half
# is James's conf/jwt_publickey: the same kind of token the app signs for itself (JamesKeys).
#
#   webadmin-token.sh KEY.pem [SUBJECT] [LIFETIME_SECONDS]
set -euo pipefail

key="${1:?usage: webadmin-token.sh KEY.pem [SUBJECT] [LIFETIME_SECONDS]}"
subject="${2:-lienthong-operator}"
lifetime="${3:-300}"
[[ "$subject" =~ ^[A-Za-z0-9._@-]+$ ]] || { echo "webadmin-token: bad subject $subject" >&2; exit 1; }
[[ "$lifetime" =~ ^[0-9]+$ ]] || { echo "webadmin-token: bad lifetime $lifetime" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now="$(date +%s)"
header="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
payload="$(printf '{"sub":"%s","admin":true,"iat":%d,"exp":%d}' "$subject" "$now" "$((now + lifetime))" | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)"
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
