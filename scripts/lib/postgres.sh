# A private PostgreSQL cluster in a folder of our own, on 127.0.0.1 only; sourced, not run.
# Works as an ordinary user or as root (initdb and postgres refuse root, so they run as 'postgres').

pg_find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    apt_install postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
  PG_BIN=$dir
}

# Runs a server-side command as the cluster's owner.
pg_as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Whether the owner can reach DIR (as root the owner is 'postgres', who may not traverse e.g. /root).
pg_owner_can_reach() {
  if is_root; then runuser -u postgres -- test -x "$1" 2>/dev/null; else true; fi
}

# The cluster folder to use for a wanted path: the path itself, or, when root's 'postgres' user
# cannot reach it, a folder under /var/tmp linked from the wanted path.
pg_resolve_dir() {
  local wanted=$1 parent
  parent=$(dirname "$wanted")
  mkdir -p "$parent"
  if [ -L "$wanted" ]; then readlink -f "$wanted"; return; fi
  if pg_owner_can_reach "$parent"; then echo "$wanted"; return; fi
  local key alt
  key=$(printf '%s' "$wanted" | sha256sum | cut -c1-12)
  alt=/var/tmp/haugiang-tracker-pg-$key
  mkdir -p "$alt"
  ln -sfn "$alt" "$wanted"
  echo "$alt"
}

# pg_init DIR SUPERUSER_PASSWORD: creates the cluster when DIR holds none.
pg_init() {
  local dir=$1 password=$2
  [ -f "$dir/PG_VERSION" ] && return 0
  mkdir -p "$dir"
  chmod 700 "$dir"
  is_root && chown postgres:postgres "$dir"
  local pwfile
  pwfile=$(mktemp)
  printf '%s\n' "$password" >"$pwfile"
  chmod 644 "$pwfile"
  say "creating a PostgreSQL cluster in $dir"
  pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null || { rm -f "$pwfile"; die "initdb failed in $dir"; }
  rm -f "$pwfile"
}

# Server options of a cluster whose data may be lost (tests): cheaper writes, nothing survives a crash.
PG_THROWAWAY_OPTIONS=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)

# pg_start DIR PORT [extra server options]: starts the cluster listening on 127.0.0.1:PORT only.
pg_start() {
  local dir=$1 port=$2; shift 2
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    say "PostgreSQL already running from $dir"
    return 0
  fi
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    return 3 # something else listens there
  fi
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $*" start >/dev/null || return 2
}

pg_stop() {
  local dir=$1
  [ -n "${PG_BIN:-}" ] && [ -f "$dir/postmaster.pid" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_sql DIR PORT SQL: runs SQL as the superuser over the cluster's private socket.
pg_sql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U postgres -d postgres -tAc "$3"
}

# pg_ensure_app_db DIR PORT ROLE PASSWORD DATABASE: the app's own role (not a superuser) and database.
pg_ensure_app_db() {
  local dir=$1 port=$2 role=$3 password=$4 db=$5
  if [ "$(pg_sql "$dir" "$port" "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
    pg_sql "$dir" "$port" "CREATE ROLE $role LOGIN PASSWORD '$password'"
  else
    pg_sql "$dir" "$port" "ALTER ROLE $role PASSWORD '$password'"
  fi
  if [ "$(pg_sql "$dir" "$port" "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    pg_sql "$dir" "$port" "CREATE DATABASE $db OWNER $role ENCODING 'UTF8' TEMPLATE template0"
  fi
}

# pg_standby_of DIR PORT STANDBY_DIR: a hot standby of the (running, throwaway) cluster in DIR, made with pg_basebackup -R
# (it streams from 127.0.0.1:PORT as 'postgres'); start it with pg_start. The primary must let 'postgres' replicate from
# 127.0.0.1 without a password (pg_trust_replication before it starts): the standby keeps no password.
pg_standby_of() {
  local dir=$1 port=$2 standby=$3
  mkdir -p "$standby"
  chmod 700 "$standby"
  is_root && chown postgres:postgres "$standby"
  pg_as_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$standby" -R -X stream -c fast >/dev/null 2>"$standby.log" \
    || { cat "$standby.log" >&2; return 1; }
}

# pg_trust_replication DIR: lets 'postgres' on 127.0.0.1 replicate without a password (throwaway clusters only).
pg_trust_replication() {
  local hba=$1/pg_hba.conf
  { echo "host replication postgres 127.0.0.1/32 trust"; cat "$hba"; } >"$hba.new" && mv "$hba.new" "$hba"
  is_root && chown postgres:postgres "$hba"
  return 0
}
