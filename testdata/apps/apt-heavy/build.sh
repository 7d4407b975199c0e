#!/bin/sh
# Renders the site with tools installed from Debian.
set -eu
mkdir -p /out
cp site/index.html /out/
jq -n --arg page index.html '{pages: [$page]}' > /out/manifest.json
gzip -n -k -9 /out/index.html
