#!/usr/bin/env bash
# The national `yj report` under several runtime settings, interleaved (A B C, A B C, ...), each run checked to print the
# same report as the first run of the first variant. Prints one line per run: round, variant, wall s, user s, system s,
# peak RSS KB, and "same" or "DIFF"; exits 1 after the last run if any run printed a different report.
#
# Usage: benchmarks/report-settings.sh <csv-folder> <rounds> <variant>...
#   a variant is name:VAR=value[,VAR=value...], or name:- for the console's own settings, e.g.
#   benchmarks/report-settings.sh /work/data/n150 3 default:- no-quick-loops:DOTNET_TC_QuickJitForLoops=0
# Build first: dotnet build -c Release samples/Console
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:?usage: benchmarks/report-settings.sh <csv-folder> <rounds> <variant>...}
rounds=${2:?rounds}
shift 2
yj=samples/Console/bin/Release/net10.0/yj.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
differed=0
for r in $(seq "$rounds"); do
  for variant in "$@"; do
    name=${variant%%:*}
    settings=${variant#*:}
    vars=()
    [[ "$settings" != "-" ]] && IFS=, read -ra vars <<<"$settings"
    env "${vars[@]}" /usr/bin/time -o "$out/time" -f "%e %U %S %M" dotnet "$yj" report "$folder" -f csv -o "$out/$name.csv" \
      > "$out/stdout" 2> "$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    [[ -f "$out/reference.csv" ]] || cp "$out/$name.csv" "$out/reference.csv"
    if cmp -s "$out/$name.csv" "$out/reference.csv"; then same=same; else same=DIFF; differed=1; fi
    echo "$r $name $(cat "$out/time") $same"
  done
done
exit "$differed"
