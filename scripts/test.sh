#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit and integration tests, the build, then browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium. Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

mkdir -p var
[ -f app/generated/prisma/client.ts ] || npx prisma generate

echo "== lint"; npx eslint .
echo "== typecheck"; npx tsc --noEmit
echo "== unit and integration tests"; npx vitest run
echo "== build"; npm run build --silent
echo "== browser tests"; npx playwright test
