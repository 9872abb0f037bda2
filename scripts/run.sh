#!/usr/bin/env bash
# Command 1 of the README: install, build the web app, start the system on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
echo "==> building the web app"
pnpm build
echo "==> starting on http://localhost:${PORT:-3000}"
exec pnpm start
