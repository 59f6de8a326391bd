#!/usr/bin/env bash
# The browser tests drive Debian's chromium (never a browser downloaded by a test tool).
# Installs it on a fresh Debian machine when run as root; otherwise says what to do.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  exit 1
fi
