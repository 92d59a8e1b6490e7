#!/usr/bin/env bash
# Restores a backup made by backup.sh into a data folder (and, for PostgreSQL, into the database the environment file
# names). Run it with the app stopped. It checks every checksum before it touches anything, and it refuses a data
# folder that is not empty unless --force, which moves the old folder aside (<data>.before-restore-<time>), never
# deletes it.
#
#   restore.sh BACKUP_DIR [--env FILE] [--data DIR] [--jar FILE | --h2-jar FILE] [--owner USER[:GROUP]] [--force]
#
#   --env, --data, --jar, --h2-jar   as for backup.sh (--data: where to restore; default LIENTHONG_DATA, else ./data)
#   --owner USER[:GROUP]             give the restored folder to the app's user (e.g. lienthong:lienthong; needs root)
#   --force                          restore over a non-empty data folder (moved aside) or a non-empty PostgreSQL
#                                    database (pg_restore --clean)
#
# The search index: restored when the backup has archive.tar.gz; otherwise the app rebuilds it from the restored
# data at its first start (a missing index is rebuilt from every source), which can also be started by hand in
# Quản trị › Lưu trữ và tìm kiếm.
set -euo pipefail

JAVA="${JAVA:-java}"
backup=""
env_file=""
data=""
jar="/opt/lienthong/lienthong.jar"
h2_jar=""
owner=""
force=false

fail() { echo "restore: $*" >&2; exit 1; }
# Shared with backup.sh: env_value, use_env_file, refuse_running_app, read_database_settings, h2.
source "$(dirname "$(readlink -f "$0")")/lienthong-common.sh"
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) env_file="${2:?--env needs a file}"; shift 2 ;;
    --data) data="${2:?--data needs a folder}"; shift 2 ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --h2-jar) h2_jar="${2:?--h2-jar needs a file}"; shift 2 ;;
    --owner) owner="${2:?--owner needs USER[:GROUP]}"; shift 2 ;;
    --force) force=true; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "restore: unknown option $1" >&2; usage 2 ;;
    *) [[ -z "$backup" ]] || fail "one backup folder only"; backup="$1"; shift ;;
  esac
done
[[ -n "$backup" ]] || usage 2
[[ -d "$backup" ]] || fail "không có thư mục sao lưu $backup (no such backup folder)"
backup="$(cd "$backup" && pwd)"

manifest() { sed -n "s/^$1=//p" "$backup/MANIFEST" | tail -n 1; }

use_env_file

# 1. The backup is whole and unchanged, before anything else happens.
[[ -f "$backup/MANIFEST" && -f "$backup/SHA256SUMS" ]] || fail "$backup không phải bản sao lưu (not a backup: no MANIFEST/SHA256SUMS)"
[[ "$(manifest format)" == "lienthong-backup/1" ]] || fail "định dạng không hỗ trợ: $(manifest format) (unsupported format)"
(cd "$backup" && sha256sum --quiet --check --strict SHA256SUMS) \
  || fail "bản sao lưu bị hỏng hoặc bị sửa: sai checksum (checksums do not match; nothing was restored)"
for name in MANIFEST "$(manifest database_file)" "$(manifest files)"; do
  grep -q "  $name\$" "$backup/SHA256SUMS" || fail "$name thiếu trong SHA256SUMS (not covered by the checksums)"
done

# 2. Where to: an empty (or new) data folder, unless --force.
[[ -n "$data" ]] || data="$(env_value LIENTHONG_DATA)"
[[ -n "$data" ]] || data="./data"
data="$(realpath -m "$data")"
refuse_running_app "$data"
if [[ -e "$data" && ! -d "$data" ]]; then fail "$data không phải thư mục (not a folder)"; fi
if [[ -d "$data" && -n "$(ls -A "$data")" ]]; then
  if [[ "$force" != true ]]; then
    fail "thư mục dữ liệu $data không trống: không ghi đè nếu không có --force (the data folder is not empty; nothing was changed; use --force to move it aside and restore)"
  fi
  aside="$data.before-restore-$(date +%Y%m%d-%H%M%S)"
  mv "$data" "$aside"
  echo "restore: moved the old data folder to $aside"
fi
mkdir -p "$data"
chmod 750 "$data"

# 3. Files, then the database, then (maybe) the index.
tar -C "$data" --same-permissions -xzf "$backup/$(manifest files)"

case "$(manifest database)" in
  h2)
    read_database_settings "$data" true
    mkdir -p "$data/db"
    script="$(mktemp -d)"
    trap 'rm -rf "$script"' EXIT
    gzip -dc "$backup/$(manifest database_file)" > "$script/database.sql"
    # The script recreates the users and every table into a new database file.
    h2 RunScript -url "$db_url" -user "$db_user" -password "$db_password" -script "$script/database.sql" \
      || fail "H2 không nạp được dữ liệu (H2 could not load the database script)"
    rm -rf "$script"
    trap - EXIT
    ;;
  postgresql)
    read_database_settings "$data"
    [[ "$db_url" == jdbc:postgresql://* ]] || fail "bản sao lưu là PostgreSQL: đặt SPRING_DATASOURCE_URL trong --env (the backup is PostgreSQL: the environment file must name the database)"
    rest="${db_url#jdbc:postgresql://}"
    hostport="${rest%%/*}"
    dbname="${rest#*/}"; dbname="${dbname%%\?*}"
    host="${hostport%%:*}"; port=5432
    [[ "$hostport" == *:* ]] && port="${hostport##*:}"
    export PGPASSWORD="$db_password"
    tables="$(psql --host "$host" --port "$port" --username "$db_user" --dbname "$dbname" -Atc \
      "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')")"
    if [[ "$tables" != 0 && "$force" != true ]]; then
      fail "cơ sở dữ liệu $dbname đã có $tables bảng: dùng --force để thay (the database is not empty; the files are restored, the database is not)"
    fi
    pg_restore --host "$host" --port "$port" --username "$db_user" --dbname "$dbname" --clean --if-exists \
      --no-owner --exit-on-error "$backup/$(manifest database_file)" \
      || fail "pg_restore thất bại (pg_restore failed)"
    ;;
  *) fail "cơ sở dữ liệu không rõ trong MANIFEST: $(manifest database)" ;;
esac

if [[ "$(manifest archive)" == included && -f "$backup/archive.tar.gz" ]]; then
  tar -C "$data" --same-permissions -xzf "$backup/archive.tar.gz"
  index_note="the search index was restored too"
else
  index_note="the search index is rebuilt from the restored data at the first start (Quản trị › Lưu trữ và tìm kiếm shows its progress)"
fi

if [[ -n "$owner" ]]; then chown -R "$owner" "$data"; fi
echo "restore: $backup → $data; $index_note"
