#!/usr/bin/env bash
# System packages the test suite needs beyond PyPI: Debian's Chromium for the
# HTML-report test. Installed only when missing and when we can (root with apt).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "note: chromium is not installed; the browser test will be skipped" >&2
fi
