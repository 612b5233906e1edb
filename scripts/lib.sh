# Shared steps of the start and test commands. Each installs only what is missing.

log() { printf '\033[1;34m[mqlab]\033[0m %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm ci when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log 'installing npm packages (npm ci)'
    npm ci --no-audit --no-fund
  fi
}

# Rebuild the Next.js app only when tracked sources changed since the last build.
ensure_build() {
  local hash
  hash=$( { git ls-files -s 2>/dev/null; git diff 2>/dev/null; } | sha1sum | cut -d' ' -f1)
  if [ -f .next/BUILD_ID ] && [ "$(cat .next/mqlab-build-hash 2>/dev/null)" = "$hash" ]; then
    log 'app build is up to date'
    return 0
  fi
  log 'building the app (next build)'
  npx next build
  echo "$hash" > .next/mqlab-build-hash
}

ensure_sandbox() {
  [ -f scripts/install-sandbox.sh ] && bash scripts/install-sandbox.sh
  return 0
}
