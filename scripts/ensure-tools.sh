#!/usr/bin/env bash
# Installs what a fresh machine with Node 20 lacks: pnpm, and (with --chromium) Debian's
# Chromium for the story tests. Nothing else is downloaded.
set -euo pipefail
PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1; then
  echo "ensure-tools: installing pnpm@$PNPM_VERSION from the npm registry"
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit
fi
if [ "${1:-}" = "--chromium" ]; then
  chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "ensure-tools: installing Debian's chromium"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "ensure-tools: Chromium is missing at $chromium. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
      exit 1
    fi
  fi
fi
