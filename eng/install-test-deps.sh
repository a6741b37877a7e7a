#!/usr/bin/env bash
# Installs what the tests drive from outside .NET, and only what is missing: Chromium (the page's browser tests,
# through Playwright), Prometheus (the scrape test) and clang (the linker of the tool's Native AOT package). Debian/Ubuntu packages; needs root (or sudo). Idempotent.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
command -v clang >/dev/null || missing+=(clang)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
