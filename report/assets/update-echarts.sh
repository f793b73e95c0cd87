#!/bin/sh
# update-echarts.sh refreshes the vendored ECharts distribution that the HTML
# report inlines: it fetches echarts@VERSION from the npm registry with
# `npm pack`, copies dist/echarts.min.js, LICENSE and NOTICE next to this
# script and records the SHA-256 of echarts.min.js in echarts.min.js.sha256
# (checked by report's tests).
#
# Usage: report/assets/update-echarts.sh [VERSION]   (default 5.6.0)
set -eu
VERSION=${1:-5.6.0}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "echarts@$VERSION" >/dev/null
tar -xzf "echarts-$VERSION.tgz"
cp package/dist/echarts.min.js "$here/echarts.min.js"
cp package/LICENSE "$here/LICENSE"
cp package/NOTICE "$here/NOTICE"
printf '%s\n' "$VERSION" >"$here/echarts.version"
cd "$here"
sha256sum echarts.min.js >echarts.min.js.sha256
cat echarts.min.js.sha256
