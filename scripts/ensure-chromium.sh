#!/usr/bin/env bash
# The browser specs drive Debian's chromium (Playwright's own browser downloads are not reachable here).
# Installs it when missing and we may (root with apt); otherwise says what to do.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser specs..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser specs need /usr/bin/chromium: install it with 'sudo apt-get install chromium'." >&2
exit 1
