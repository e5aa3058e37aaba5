#!/usr/bin/env bash
# Installs the headless browser the web sample's browser tests drive: Debian's chromium package.
# Nothing downloads a browser build of its own; this is a no-op when /usr/bin/chromium is already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
