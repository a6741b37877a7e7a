#!/usr/bin/env bash
# Installs what the tests drive from outside .NET, and only what is missing: Chromium (the page's browser tests,
# through Playwright) and Prometheus (the scrape test). Debian/Ubuntu packages; needs root (or sudo). Idempotent.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
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
