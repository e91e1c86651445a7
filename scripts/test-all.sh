#!/usr/bin/env bash
# THE one command that runs every Kerege test (`npm run test:all`).
#
# On a fresh Debian machine as root it installs what the tests need
# (chromium, postgresql, fonts-noto-core, poppler-utils), starts PostgreSQL on
# 127.0.0.1:5432 with trust auth for user postgres, creates `kerege_test`,
# then runs, stopping at the first failure:
#   1. npm run typecheck
#   2. npx vitest run                                  (unit + API, SQLite and PostgreSQL)
#   3. node scripts/build.mjs --force                  (server + web)
#   4. npx vitest run --config vitest.e2e.config.ts    (browser journeys)
#
# Environment:
#   KEREGE_TEST_PG  if already set, used as is (no PostgreSQL setup here)
#   CI=true         a missing PostgreSQL is an error instead of a warning
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_URL_DEFAULT='postgres://postgres@127.0.0.1:5432/kerege_test'
PG_DB='kerege_test'

# ---------------------------------------------------------------- timing/summary
STEP_NAMES=()
STEP_SECS=()
STEP_STATUS=()
ALL_START=$(date +%s%N)
PG_NOTE=''

elapsed_since() { # nanosecond timestamp -> "12.3"
  local now
  now=$(date +%s%N)
  awk -v a="$1" -v b="$now" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}

REPORTS=$(mktemp -d)
print_summary() {
  local rc=$?
  [ "$rc" -ne 0 ] && node scripts/failure-digest.mjs "$REPORTS"/*.json 2>/dev/null || true
  rm -rf "$REPORTS"
  echo
  echo "================ test-all summary ================"
  local i
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-6s %8ss  %s\n' "${STEP_STATUS[$i]}" "${STEP_SECS[$i]}" "${STEP_NAMES[$i]}"
  done
  [ -n "$PG_NOTE" ] && echo "  $PG_NOTE"
  printf '  total  %8ss\n' "$(elapsed_since "$ALL_START")"
  if [ "$rc" -eq 0 ]; then
    echo "  RESULT: all passed"
  else
    echo "  RESULT: FAILED (exit $rc)"
  fi
  echo "=================================================="
}
trap print_summary EXIT

# step NAME CMD... : run, time, record; exit at the first failure.
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local t0 rc
  t0=$(date +%s%N)
  if "$@"; then
    STEP_NAMES+=("$name"); STEP_SECS+=("$(elapsed_since "$t0")"); STEP_STATUS+=("ok")
  else
    rc=$?
    STEP_NAMES+=("$name"); STEP_SECS+=("$(elapsed_since "$t0")"); STEP_STATUS+=("FAIL")
    echo "!!! step failed: $name (exit $rc)" >&2
    exit "$rc"
  fi
}

banner() {
  echo >&2
  echo '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' >&2
  local line
  for line in "$@"; do echo "!!! $line" >&2; done
  echo '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' >&2
  echo >&2
}

# ---------------------------------------------------------------- system packages
have_postgres_server() {
  command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

missing_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  have_postgres_server || missing+=(postgresql)
  [ -e /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || missing+=(fonts-noto-core)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  echo "${missing[@]+"${missing[@]}"}"
}

install_system_packages() {
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then
    echo "chromium, postgresql, fonts-noto-core, poppler-utils: all present"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    banner "Missing system packages: $missing" \
      "Not root or no apt-get, so not installing them; tests that need them will fail or skip."
    return 0
  fi
  echo "installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  # (set -e does not apply inside a step, hence the explicit checks)
  apt-get update || return 1
  # shellcheck disable=SC2086
  apt-get install -y --no-install-recommends $missing || return 1
  local still
  still=$(missing_packages)
  if [ -n "$still" ]; then
    echo "still missing after apt-get install: $still" >&2
    return 1
  fi
}

# ---------------------------------------------------------------- PostgreSQL
pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) >/dev/null 2>&1
  fi
}

start_postgres() {
  if pg_answers; then
    echo "PostgreSQL already answering on 127.0.0.1:5432"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || ! have_postgres_server; then
    echo "PostgreSQL is not answering and cannot be started here (need root and Debian's postgresql)"
    return 0
  fi
  local ver conf hba i
  ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  conf="/etc/postgresql/$ver/main"
  if [ ! -d "$conf" ]; then
    echo "creating PostgreSQL $ver cluster 'main'"
    pg_createcluster -p 5432 "$ver" main
  fi
  hba="$conf/pg_hba.conf"
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+postgres[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "adding trust for postgres@127.0.0.1 to $hba"
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  fi
  echo "starting PostgreSQL $ver main"
  pg_ctlcluster "$ver" main start 2>&1 || true # non-zero when already running
  pg_ctlcluster "$ver" main reload 2>&1 || true
  for i in $(seq 1 60); do
    pg_answers && { echo "PostgreSQL is ready"; return 0; }
    sleep 0.5
  done
  echo "PostgreSQL did not answer within 30 s; last log lines:"
  tail -n 20 "/var/log/postgresql/postgresql-$ver-main.log" 2>/dev/null || true
  return 0
}

ensure_test_database() {
  pg_answers || return 1
  command -v psql >/dev/null 2>&1 || return 1
  local exists
  exists=$(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") || return 1
  if [ "$exists" != "1" ]; then
    createdb -h 127.0.0.1 -p 5432 -U postgres "$PG_DB" || return 1
    echo "created database $PG_DB"
  else
    echo "database $PG_DB exists"
  fi
}

setup_postgres() {
  if [ -n "${KEREGE_TEST_PG:-}" ]; then
    echo "KEREGE_TEST_PG already set by the caller; using it as is"
    PG_NOTE="PostgreSQL: caller's KEREGE_TEST_PG"
    return 0
  fi
  start_postgres
  if ensure_test_database; then
    export KEREGE_TEST_PG="$PG_URL_DEFAULT"
    echo "KEREGE_TEST_PG=$KEREGE_TEST_PG"
    PG_NOTE="PostgreSQL: $KEREGE_TEST_PG"
  else
    unset KEREGE_TEST_PG
    PG_NOTE='!!! PostgreSQL half SKIPPED (only SQLite was tested)'
    banner 'PostgreSQL half SKIPPED: no PostgreSQL on 127.0.0.1:5432 (or no kerege_test database).' \
      'API tests will run against SQLite only.'
    if [ "${CI:-}" = "true" ]; then
      echo "CI=true: a missing PostgreSQL is an error" >&2
      return 1
    fi
  fi
}

# ---------------------------------------------------------------- run
step "system packages (apt)" install_system_packages
step "PostgreSQL" setup_postgres
step "typecheck" npm run typecheck
step "unit + API tests (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/api.json"
step "build (server + web)" node scripts/build.mjs --force
step "browser journeys (vitest e2e)" npx vitest run --config vitest.e2e.config.ts \
  --reporter=default --reporter=json --outputFile.json="$REPORTS/e2e.json"
