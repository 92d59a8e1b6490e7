#!/usr/bin/env bash
# Backs up a single-server Liên Thông (the embedded default: H2 or PostgreSQL, James as the app's child JVM, all state
# under the data folder). Run it with the app STOPPED (systemctl stop lienthong): James's Derby store, its mail queue
# and the H2 file are only consistent when nothing writes them. lienthong-backup.service does stop, back up, start.
#
#   backup.sh [--env FILE] [--data DIR] [--out DIR] [--jar FILE | --h2-jar FILE] [--include-archive]
#
#   --env FILE          the app's environment file (default /etc/lienthong/lienthong.env when readable): LIENTHONG_DATA,
#                       SPRING_DATASOURCE_URL/USERNAME/PASSWORD are read from it
#   --data DIR          the data folder (default: LIENTHONG_DATA from the file, else ./data)
#   --out DIR           where the backup folder is made (default /var/backups/lienthong)
#   --jar FILE          the app's jar, whose H2 runs the dump (default /opt/lienthong/lienthong.jar)
#   --h2-jar FILE       an H2 jar of the app's H2 version instead of the app's jar
#   --include-archive   also copy the search index (default: leave it out; it is rebuilt from the data after a restore)
#
# What it writes, into <out>/lienthong-<yyyyMMdd-HHmmss>/ (made under a .partial name and renamed when complete):
#   database.sql.gz     H2: the SQL script of the whole database (H2's SCRIPT, gzip), readable by any later H2
#   database.pgdump     PostgreSQL: pg_dump's custom format
#   files.tar.gz        the data folder except what is dumped above or derived: identity keys (identity/), James's
#                       mailboxes, users, queue and keys (james/var, james/keys), meeting documents, and anything else
#                       a module keeps there; not james/runtime, james/conf, james/logs (re-made at start), db/, archive/
#   archive.tar.gz      only with --include-archive
#   MANIFEST            what is in the backup and how it was made
#   SHA256SUMS          checksums of every file above; restore.sh checks them before touching anything
set -euo pipefail

JAVA="${JAVA:-java}"
env_file=""
data=""
out="/var/backups/lienthong"
jar="/opt/lienthong/lienthong.jar"
h2_jar=""
include_archive=false

fail() { echo "backup: $*" >&2; exit 1; }
# Shared with restore.sh: env_value, use_env_file, refuse_running_app, read_database_settings, h2.
source "$(dirname "$(readlink -f "$0")")/lienthong-common.sh"
usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) env_file="${2:?--env needs a file}"; shift 2 ;;
    --data) data="${2:?--data needs a folder}"; shift 2 ;;
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --h2-jar) h2_jar="${2:?--h2-jar needs a file}"; shift 2 ;;
    --include-archive) include_archive=true; shift ;;
    -h|--help) usage 0 ;;
    *) echo "backup: unknown option $1" >&2; usage 2 ;;
  esac
done

use_env_file
[[ -n "$data" ]] || data="$(env_value LIENTHONG_DATA)"
[[ -n "$data" ]] || data="./data"
[[ -d "$data" ]] || fail "không có thư mục dữ liệu $data (no data folder)"
data="$(cd "$data" && pwd)"

refuse_running_app "$data"
read_database_settings "$data"

stamp="$(date +%Y%m%d-%H%M%S)"
target="$out/lienthong-$stamp"
partial="$target.partial"
mkdir -p "$out"
[[ ! -e "$target" && ! -e "$partial" ]] || fail "$target đã có (already exists)"
umask 077
mkdir "$partial"
trap 'rm -rf "$partial"' EXIT

# 1. Database
case "$db_url" in
  jdbc:h2:*)
    database=h2
    database_file=database.sql.gz
    [[ -f "$data/db/lienthong.mv.db" || "$db_url" != *"$data/db/lienthong;"* ]] \
      || fail "không có cơ sở dữ liệu H2 $data/db/lienthong.mv.db (no H2 database)"
    # IFEXISTS: a wrong path is an error, never a new empty database.
    # (Compressed by gzip afterwards: H2's own COMPRESSION option breaks under DATABASE_TO_LOWER.)
    h2 Script -url "$db_url;IFEXISTS=TRUE" -user "$db_user" -password "$db_password" \
       -script "$partial/database.sql" \
      || fail "H2 không xuất được dữ liệu, xem lỗi ở trên; ứng dụng đã dừng chưa? (H2 could not dump the database, see above; is the app stopped?)"
    gzip -9 "$partial/database.sql"
    ;;
  jdbc:postgresql://*)
    database=postgresql
    database_file=database.pgdump
    rest="${db_url#jdbc:postgresql://}"
    hostport="${rest%%/*}"
    dbname="${rest#*/}"; dbname="${dbname%%\?*}"
    host="${hostport%%:*}"; port=5432
    [[ "$hostport" == *:* ]] && port="${hostport##*:}"
    PGPASSWORD="$db_password" pg_dump --host "$host" --port "$port" --username "$db_user" --dbname "$dbname" \
      --format=custom --file "$partial/$database_file" \
      || fail "pg_dump thất bại (pg_dump failed)"
    ;;
  *) fail "không hỗ trợ cơ sở dữ liệu $db_url (unsupported database URL)" ;;
esac

# 2. Files: everything the data folder holds except the database, the derived index and what James re-makes.
excluded=(./db ./archive ./james/runtime ./james/conf ./james/logs ./james/james.pid)
tar_excludes=()
for path in "${excluded[@]}"; do tar_excludes+=(--exclude="$path"); done
tar -C "$data" "${tar_excludes[@]}" -czf "$partial/files.tar.gz" .

# 3. The search index: derived data, rebuilt from the sources after a restore unless copied here.
archive_mode=rebuild
if [[ "$include_archive" == true && -d "$data/archive" ]]; then
  tar -C "$data" -czf "$partial/archive.tar.gz" archive
  archive_mode=included
fi

# 4. Manifest and checksums
{
  echo "format=lienthong-backup/1"
  echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host=$(hostname)"
  echo "data_dir=$data"
  echo "database=$database"
  echo "database_file=$database_file"
  echo "files=files.tar.gz"
  echo "files_excluded=${excluded[*]}"
  echo "archive=$archive_mode"
  echo "files_count=$(tar -tzf "$partial/files.tar.gz" | grep -vc '/$' || true)"
} > "$partial/MANIFEST"
(cd "$partial" && sha256sum -- * > SHA256SUMS)

mv "$partial" "$target"
trap - EXIT
echo "backup: $target"
