#!/usr/bin/env bash
# Installs what the project needs on a machine with only Node 20 and npm: pnpm, then the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "==> installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

# better-sqlite3 compiles from source where no prebuilt binary can be downloaded; node-gyp must then use
# the local Node headers. pnpm reads this only from the environment.
if [ -d /usr/include/node ]; then
  export npm_config_nodedir=/usr
fi

echo "==> installing dependencies"
pnpm install --frozen-lockfile
