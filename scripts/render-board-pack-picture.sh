#!/usr/bin/env bash
# Draws docs/images/board-pack-summary.png: the XLSX board pack's summary sheet as LibreOffice renders it.
# Needs the .NET SDK, LibreOffice (soffice) and poppler-utils (pdftoppm), e.g. `apt-get install libreoffice-calc poppler-utils`.
# Usage: scripts/render-board-pack-picture.sh  (from anywhere; not run by CI)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The embedded sample's published board pack (the disclosure policy applied, as a board would receive it).
dotnet run --project "$root/samples/Console" -c Release -- report --publish --format xlsx --output "$work/pack.xlsx"

# LibreOffice prints every sheet to the PDF; the summary sheet comes first. A private profile keeps the user's alone.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/pack.xlsx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/pack.pdf" "$work/summary"
mkdir -p "$root/docs/images"
cp "$work/summary.png" "$root/docs/images/board-pack-summary.png"
echo "wrote docs/images/board-pack-summary.png"
