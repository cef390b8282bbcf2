#!/usr/bin/env bash
# Install the few system packages the project needs, or print the exact command when not root.
set -euo pipefail
missing=()
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# PostgreSQL server binaries (the store's PostgreSQL test starts its own throw-away cluster)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
# pdftoppm renders report pages to PNG in tests
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive bash -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing[*]}" >/dev/null
else
  echo "missing system packages: ${missing[*]}. Install them with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  echo "(continuing: PDF reports and the browser test need them)" >&2
fi
