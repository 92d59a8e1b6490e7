#!/usr/bin/env bash
# What backup.sh and restore.sh share, sourced by both (it runs nothing by itself). The caller defines fail() and
# sets JAVA, env_file, jar and h2_jar before using these.

# The embedded default's H2 flags, exactly as app/src/main/resources/application.yml opens the database.
h2_flags="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"

# KEY=VALUE lines of a systemd environment file, without running it as a script.
env_value() {
  local key="$1" line value=""
  [[ -n "$env_file" && -r "$env_file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^[[:space:]]*$key=(.*)$ ]]; then
      value="${BASH_REMATCH[1]}"
      if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
    fi
  done < "$env_file"
  printf '%s' "$value"
}

# The installed environment file when none was given; a given one must be readable.
use_env_file() {
  if [[ -z "$env_file" && -r /etc/lienthong/lienthong.env ]]; then env_file=/etc/lienthong/lienthong.env; fi
  if [[ -n "$env_file" && ! -r "$env_file" ]]; then fail "không đọc được $env_file (cannot read the environment file)"; fi
}

# The app (and its James) must be stopped: a live James holds its pid file and the H2 file is locked.
refuse_running_app() { # DATA
  local pid
  if [[ -f "$1/james/james.pid" ]]; then
    pid="$(tr -dc '0-9' < "$1/james/james.pid")"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      fail "James (pid $pid) đang chạy trên $1: hãy dừng ứng dụng trước, systemctl stop lienthong (the app is running: stop it first)"
    fi
  fi
}

# db_url, db_user, db_password from the environment file; the embedded H2 of DATA when no (or no H2, with
# ONLY_H2=true) URL is set there.
read_database_settings() { # DATA [ONLY_H2]
  db_url="$(env_value SPRING_DATASOURCE_URL)"
  db_user="$(env_value SPRING_DATASOURCE_USERNAME)"
  db_password="$(env_value SPRING_DATASOURCE_PASSWORD)"
  if [[ -z "$db_url" || ( "${2:-false}" == true && "$db_url" != jdbc:h2:* ) ]]; then
    db_url="jdbc:h2:file:$1/db/lienthong;$h2_flags"
    db_user="${db_user:-lienthong}"
  fi
}

h2() { # TOOL ARGS...: an H2 command-line tool from --h2-jar or from the app's jar
  local tool="$1"; shift
  if [[ -n "$h2_jar" ]]; then
    "$JAVA" -cp "$h2_jar" "org.h2.tools.$tool" "$@"
  else
    [[ -r "$jar" ]] || fail "không đọc được $jar: dùng --jar hoặc --h2-jar (cannot read the app's jar)"
    "$JAVA" -cp "$jar" -Dloader.main="org.h2.tools.$tool" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
  fi
}
