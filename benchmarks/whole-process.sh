#!/usr/bin/env bash
# Whole-process timing on one dataset folder, interleaved A B C A B C ..., medians of wall time and peak RSS:
#   report  `yj report <folder> -f csv -o <tmp>`: every national, KPI and plugin indicator, the whole process;
#   subset  `yj report <folder> --indicator ...` for the eight indicators the peer questions ask (the same questions as
#           DuckDB's script): only the tables they read are imported (areas, children, offences, outcomes);
#   sdk     the benchmark program answering the peer questions with the SDK (CSV import of every table + FTE, custody,
#           remand, MoJ reoffending, live tracker);
#   sdk4    the same, importing only the four tables the questions read (ImportOptions.Tables), as DuckDB does;
#   duckdb  the benchmark program answering the same questions with DuckDB (read_csv of the four files + SQL);
#   snapshot (when SNAPSHOT=<folder> is set, a snapshot of the same folder written by `yj import --to`)
#           `yj report <snapshot> -f csv -o <tmp>`, checked to print the same report as from the CSV folder.
# Before timing, `peer check` verifies that the SDK and DuckDB give the same counts, and the script stops if not.
#
# Usage: benchmarks/whole-process.sh <csv-folder> [rounds=5] [extra yj report arguments...]
# Needs python3 (to compare the subset's figures with the whole report's).
# Build first: dotnet build -c Release samples/Console && dotnet build -c Release benchmarks/YouthJustice.Sdk.Benchmarks
# YJ=<path to yj.dll> times another build of yj, e.g. one published for this machine, which is compiled ahead of time
# (ReadyToRun) as an integrator would deploy it:
#   dotnet publish -c Release -r linux-x64 --self-contained false samples/Console -o /tmp/yj-r2r
#   YJ=/tmp/yj-r2r/yj.dll benchmarks/whole-process.sh <csv-folder>
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:?usage: benchmarks/whole-process.sh <csv-folder> [rounds] [yj report args...]}
rounds=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
yj=${YJ:-samples/Console/bin/Release/net10.0/yj.dll}
bench=benchmarks/YouthJustice.Sdk.Benchmarks/bin/Release/net10.0/YouthJustice.Sdk.Benchmarks.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bytes=$(du -sb "$folder" | cut -f1)
echo "dataset: $folder, $bytes bytes of CSV; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); yj: $yj"
dotnet "$bench" peer check "$folder"

run() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" "$@" > "$out/$name.stdout" 2> "$out/$name.stderr" || { cat "$out/$name.stderr" >&2; exit 1; }
  echo "$name $(cat "$out/time")" >> "$out/all"
}
# The SDK indicators of the peer questions (PeerQuestions.SdkQuestions).
peer_indicators=(-i fte-count -i custody-count -i remand-episodes -i remand-children -i reoffending-binary -i reoffending-frequency -i tracker-binary -i tracker-frequency)
for i in $(seq "$rounds"); do
  run report dotnet "$yj" report "$folder" -f csv -o "$out/report.csv" "$@"
  run subset dotnet "$yj" report "$folder" "${peer_indicators[@]}" -f csv -o "$out/subset.csv" "$@"
  # The subset's figures are the whole report's for the same indicators, every column but the sections they appear in.
  python3 - "$out/subset.csv" "$out/report.csv" <<'PY' || { echo "the subset report's figures are not the whole report's" >&2; exit 1; }
import csv, sys
def figures(path):
    rows = list(csv.DictReader(open(path, newline="")))
    return {r["figure_id"]: {k: v for k, v in r.items() if k != "sections"} for r in rows}
subset, whole = figures(sys.argv[1]), figures(sys.argv[2])
sys.exit(0 if subset and all(whole.get(k) == v for k, v in subset.items()) else 1)
PY
  run sdk dotnet "$bench" peer sdk "$folder"
  run sdk4 dotnet "$bench" peer sdk-tables "$folder"
  run duckdb dotnet "$bench" peer duckdb "$folder"
  if [[ -n "${SNAPSHOT:-}" ]]; then
    run snapshot dotnet "$yj" report "$SNAPSHOT" -f csv -o "$out/snapshot.csv" "$@"
    # The heading names the source; every figure must be the same.
    cmp <(grep -v -F "$folder" "$out/report.csv") <(grep -v -F "$SNAPSHOT" "$out/snapshot.csv") >/dev/null \
      || { echo "the report from the snapshot differs from the report from the CSV folder" >&2; exit 1; }
  fi
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-8s %10s %12s %10s %9s\n' run "wall s" "peak RSS MB" "cpu s" "RSS/CSV"
for name in report subset sdk sdk4 duckdb ${SNAPSHOT:+snapshot}; do
  wall=$(awk -v n=$name '$1==n {print $2}' "$out/all" | median)
  rss=$(awk -v n=$name '$1==n {print $3}' "$out/all" | median)
  cpu=$(awk -v n=$name '$1==n {print $4+$5}' "$out/all" | median)
  printf '%-8s %10.2f %12.0f %10.2f %9.2f\n' "$name" "$wall" "$((rss / 1024))" "$cpu" "$(echo "$rss * 1024 / $bytes" | bc -l)"
done
echo "each run: $(tr '\n' ';' < "$out/all")"
