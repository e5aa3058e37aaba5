#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt for every shipped assembly from its current public surface, without prompting:
# the file is reset and the analyzer's own code fix (RS0016) adds every public symbol not already in
# PublicAPI.Shipped.txt. Run it after a deliberate change to the public API and review the diff; entries in
# PublicAPI.Shipped.txt are never touched (removing a released symbol stays an RS0017 error to resolve by hand).
# On a release, move the Unshipped entries into Shipped.
# Usage: scripts/update-public-api.sh [project.csproj ...]   (default: every project that imports nuget/Package.props
#        and is a shipped library: src/*/*.csproj)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ $# -gt 0 ]]; then projects=("$@"); else mapfile -t projects < <(ls src/*/*.csproj); fi
for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  echo "== $project =="
  [[ -f "$dir/PublicAPI.Shipped.txt" ]] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  dotnet restore "$project" -v quiet
  dotnet format analyzers "$project" --no-restore --diagnostics RS0016 --severity warn -v quiet
  # Stable order, so a regeneration's diff shows only what changed.
  { head -n 1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$dir/PublicAPI.Unshipped.txt.new"
  mv "$dir/PublicAPI.Unshipped.txt.new" "$dir/PublicAPI.Unshipped.txt"
  echo "$(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped, $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) shipped"
done
# The build fails if anything is still undeclared.
for project in "${projects[@]}"; do dotnet build "$project" -c Release -nologo -v quiet -warnaserror; done
