#!/usr/bin/env bash
# The start command: install what is missing, start the four brokers, build and serve MQ Lab.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
ensure_sandbox
node bin/mqlab.js brokers up
ensure_build
log "serving MQ Lab on http://localhost:${PORT:-3000} (Ctrl+C stops the app; 'npx mqlab brokers down' stops the brokers)"
NODE_ENV=production exec npx tsx server/index.ts
