#!/usr/bin/env bash
# `npm test`: lint, typecheck and the schemas in step; the build; then the browser tests on
# PostgreSQL in two groups, each with two portal instances (issue 17), beside the unit and
# integration tests on SQLite and the integration tests again on PostgreSQL. One throw-away
# PostgreSQL server serves both; it is stopped at the end, also when a step fails. A given
# TEST_DATABASE_URL (a server's maintenance database) is used instead.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs a Debian package the tests need when run as root; otherwise says how.
need() {
  local what="$1" package="$2"
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's $package for the $what…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "The $what need $package. Run: sudo apt-get update && sudo apt-get install -y $package" >&2
    exit 1
  fi
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || need "browser tests" chromium
# The letter tests read the PDFs back with poppler's pdftotext, pdfinfo and pdffonts.
command -v pdftotext >/dev/null || need "letter tests" poppler-utils
if [ -z "${TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need "PostgreSQL tests" postgresql
fi

mkdir -p var
[ -f app/generated/prisma/client.ts ] || npx prisma generate
[ -f app/generated/prisma-postgres/client.ts ] || npx prisma generate --schema prisma/postgresql/schema.prisma

# Lint, typecheck and the schema check side by side: each uses one core. Each one's output is
# shown after it ends, under its name; any failure stops the run once all three have ended.
checks="var/test-checks-$$"
mkdir -p "$checks"
npx eslint . >"$checks/lint" 2>&1 & lint=$!
npx tsc --noEmit >"$checks/typecheck" 2>&1 & typecheck=$!
npx tsx prisma/postgresSchema.ts --check >"$checks/schemas" 2>&1 & schemas=$!
failed=""
for check in lint typecheck schemas; do
  if wait "${!check}"; then status=ok; else status=FAILED; failed="$failed $check"; fi
  echo "== $check: $status"; cat "$checks/$check"
done
rm -rf "$checks"
[ -z "$failed" ] || { echo "Failed:$failed" >&2; exit 1; }
server_file="var/test-postgres-$$.json"
browsers=""
# At the end, also when a step fails: stop the browser tests still running (Playwright ends its
# web server with them), then the PostgreSQL server this script started.
finish() {
  for pid in $browsers; do
    if kill -INT "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; fi
  done
  if [ -n "$started_server" ]; then npx tsx tests/support/postgresServer.ts stop "$server_file"; fi
}
started_server=""
trap finish EXIT
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  started_server=yes
  TEST_DATABASE_URL="$(npx tsx tests/support/postgresServer.ts start "$server_file")"
fi
export TEST_DATABASE_URL

echo "== build"; npm run build --silent

# The browser tests run in two groups (playwright.config.ts), each with its own portal (two
# instances), database and port, beside the unit and integration tests: one Playwright worker
# mostly waits on Chromium and the portal, so alone it left most of the two cores idle. Each
# group's output is printed when it ends.
port=3100
for group in first second; do
  E2E_GROUP=$group E2E_PORT=$port \
    E2E_DATABASE_URL="$(npx tsx tests/support/postgresServer.ts createdb "$TEST_DATABASE_URL" "e2e_$$_$group")" \
    node_modules/.bin/playwright test >"var/test-browser-$$-$group.log" 2>&1 &
  browsers="$browsers $!"
  echo "== browser tests, $group group (PostgreSQL, two portal instances, port $port): started beside the next steps"
  port=$((port + 1))
done

echo "== unit and integration tests (SQLite)"; TEST_DATABASE_URL= npx vitest run
echo "== integration tests (PostgreSQL)"; npx vitest run tests/integration

failed=""
set -- $browsers
for group in first second; do
  echo "== browser tests, $group group"
  if ! wait "$1"; then failed="$failed $group"; fi
  shift
  cat "var/test-browser-$$-$group.log"
done
browsers=""
[ -z "$failed" ] || { echo "Browser tests failed in the group(s):$failed" >&2; exit 1; }
