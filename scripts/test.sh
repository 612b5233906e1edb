#!/usr/bin/env bash
# The test command: install what is missing, start the brokers, run every check and test.
# CI runs exactly this (.ci/run). Brokers are started once and shared by every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
apt_install chromium fonts-noto-cjk
ensure_sandbox
node bin/mqlab.js brokers up
# In CI nothing may be left running; locally the brokers stay up for the next run.
if [ "${CI:-}" = "true" ]; then trap 'node bin/mqlab.js brokers down || true' EXIT; fi

log 'format, lint, typecheck'
npm run --silent check
log 'unit tests'
npm run --silent test:unit
log 'broker integration tests'
npm run --silent test:brokers
log 'runtime, fault and security tests (sandboxed runs on the real brokers)'
npm run --silent test:runtime
log 'exercise grading tests (reference, starter and wrong solutions on the real brokers)'
npm run --silent test:exercises
ensure_build
log 'browser end-to-end tests'
npm run --silent test:e2e
log 'all tests passed'
