#!/usr/bin/env bash
# Command 2 of the README: every check — typecheck, lint, unit and integration tests, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

# Browser tests drive Debian's Chromium (CJK fonts so Chinese renders in screenshots); the export tests
# check that LibreOffice reads our spreadsheets with the same figures.
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1; then
  echo "==> installing chromium, fonts-noto-cjk and libreoffice-calc"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-noto-cjk libreoffice-calc
fi
export RELIEF_REQUIRE_SOFFICE=1

echo "==> building the web app"
pnpm build
pnpm check
