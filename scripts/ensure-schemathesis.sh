#!/usr/bin/env bash
# The contract specs run schemathesis (PyPI) against the data API. It lives in a private venv under
# .services/schemathesis/ (ignored by git), built with the machine's python3 from the pinned
# scripts/schemathesis-requirements.txt; a changed requirements file rebuilds it. Installs Debian's
# python3 and python3-venv when missing and we may (root with apt); otherwise says what to do.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
requirements="$root/scripts/schemathesis-requirements.txt"
home="$root/.services/schemathesis"
venv="$home/venv"
stamp="$home/requirements.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

ready() { [ -x "$venv/bin/schemathesis" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; }
if ready; then exit 0; fi
# One install at a time: test:e2e and test:int (or two checkouts' runs) may get here together.
mkdir -p "$home"
exec 9>"$home/install.lock"
flock 9
if ready; then exit 0; fi

has_venv() { command -v python3 >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; }
if ! has_venv; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's python3 and python3-venv for the schemathesis contract specs..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
  else
    echo "The contract specs need python3 with venv: install it with 'sudo apt-get install python3 python3-venv'." >&2
    exit 1
  fi
fi

echo "Installing schemathesis into $venv ..."
rm -rf "$venv" "$stamp"
python3 -m venv "$venv"
# --no-deps: the requirements file lists every package at an exact version, so nothing else is resolved.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$requirements"
"$venv/bin/python" -m pip check >/dev/null
echo "$wanted" >"$stamp"
"$venv/bin/schemathesis" --version
