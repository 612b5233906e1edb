#!/usr/bin/env bash
# Installs the OS pieces the playground sandbox needs (see docs/threat-model.md):
# bubblewrap (namespaces), nftables (per-uid egress allow-list), util-linux (setpriv, prlimit).
# Idempotent: installs only what is missing. Needs root (or sudo) and Debian apt.
set -euo pipefail

need=()
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v nft >/dev/null 2>&1 || need+=(nftables)
{ command -v setpriv >/dev/null 2>&1 && command -v prlimit >/dev/null 2>&1; } || need+=(util-linux)

if [ ${#need[@]} -eq 0 ]; then
  echo "sandbox tools present: $(bwrap --version), $(nft --version | head -1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
echo "sandbox tools installed: $(bwrap --version), $(nft --version | head -1)"
