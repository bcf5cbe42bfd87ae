#!/usr/bin/env bash
# The browser tests (apps/web/e2e) and the canvas benchmark drive Debian's Chromium. Make sure it
# is installed: nothing to do when it is there (or CHROMIUM_PATH points at one); else, as root
# with apt-get, install the `chromium` package; else fail with a clear message.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $chromium is missing and it cannot be installed here (needs root and apt-get)." >&2
  echo "ensure-chromium: install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi

echo "ensure-chromium: $chromium is missing; installing the chromium package with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show chromium >/dev/null 2>&1; then
  echo "ensure-chromium: apt-get update -qq (the package lists do not know chromium yet)"
  apt-get update -qq
fi
if ! apt-get install -y -qq chromium; then
  echo "ensure-chromium: apt-get install chromium failed; install it by hand or set CHROMIUM_PATH." >&2
  exit 1
fi
if [ ! -x "$chromium" ]; then
  echo "ensure-chromium: chromium was installed but $chromium is still missing; set CHROMIUM_PATH." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$chromium" --version 2>/dev/null || echo "$chromium")"
