#!/usr/bin/env bash
# Proves the packages are enough to build on: packs every package into a folder feed, then, in an empty directory whose
# nuget.config names only that feed and the public registry (for third-party packages), makes a plugin with the
# template, builds and tests it against the packages, loads it in the console with --plugins and runs its cases, and
# builds a consumer console app that calls services.AddYouthJustice() and computes FTE on generated data.
# Usage: scripts/local-feed.sh [--no-pack]   (--no-pack: use artifacts/packages as already packed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

feed="$root/artifacts/packages"
if [[ "${1:-}" != "--no-pack" ]]; then
  echo "== pack into $feed =="
  rm -rf "$feed"
  dotnet pack YouthJustice.Sdk.sln -c Release -nologo -v quiet
fi
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' nuget/Package.props)
for id in YouthJustice.Sdk.Abstractions YouthJustice.Sdk YouthJustice.Sdk.Synthetic YouthJustice.Sdk.Testing YouthJustice.Sdk.Templates; do
  test -f "$feed/$id.$version.nupkg" || { echo "missing package $id $version in $feed" >&2; exit 1; }
done

# Every package shows a README and an icon on its page and carries its licence.
python3 - "$feed" <<'PY'
import pathlib, sys, zipfile
bad = []
for nupkg in sorted(pathlib.Path(sys.argv[1]).glob("*.nupkg")):
    with zipfile.ZipFile(nupkg) as z:
        names = set(z.namelist())
        nuspec = next(z.read(n).decode("utf-8-sig") for n in names if n.endswith(".nuspec"))
    bad += [f"{nupkg.name} has no {f}" for f in ("README.md", "icon.png") if f not in names]
    if '<license type="expression">MIT</license>' not in nuspec:
        bad.append(f"{nupkg.name} has no licence")
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY

work=$(mktemp -d -t yj-local-feed-XXXXXX)
# The template engine and the packages restored here are kept apart from the machine's own.
export DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/nuget-packages"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
mkdir app && cd app
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="YouthJustice.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

echo "== dotnet new install YouthJustice.Sdk.Templates $version =="
dotnet new install "$feed/YouthJustice.Sdk.Templates.$version.nupkg" >/dev/null
dotnet new yj-plugin -n Solihull.Diversion --authority E08000029 >/dev/null
test -f Solihull.Diversion/Solihull.Diversion/plugin.json
grep -q '"id": "solihull-diversion"' Solihull.Diversion/Solihull.Diversion/plugin.json
grep -q '"authorityCode": "E08000029"' Solihull.Diversion/Solihull.Diversion/plugin.json
if grep -rq 'ProjectReference Include=".*YouthJustice' Solihull.Diversion; then echo "the template must use packages only" >&2; exit 1; fi

echo "== build and test the new plugin against the packages =="
dotnet test Solihull.Diversion/Solihull.Diversion.Tests -nologo -v quiet
plugins="$work/app/Solihull.Diversion/Solihull.Diversion/bin/Debug/net10.0/plugins"
test -f "$plugins/solihull-diversion/plugin.json"
test -f "$plugins/solihull-diversion/test-cases/01-two-of-three-referred-children-engaged.case.json"
if ls "$plugins/solihull-diversion" | grep -q '^YouthJustice\.'; then echo "the plugin's folder holds a copy of the SDK" >&2; exit 1; fi

echo "== the console loads it and runs its cases =="
yj=(dotnet "$root/samples/Console/bin/Release/net10.0/yj.dll")
test -f "${yj[1]}" || dotnet build "$root/samples/Console" -c Release -nologo -v quiet
list=$("${yj[@]}" plugins list --plugins "$plugins" --format csv)
echo "$list"
grep -q '^Plugins loaded (1),solihull-diversion,' <<<"$list"
"${yj[@]}" plugins test --plugins "$plugins" --format csv | tee tests.csv
test "$(grep -c ',PASS,$' tests.csv)" -eq 2

echo "== a consumer app: services.AddYouthJustice(), FTE on generated data, from the packages alone =="
mkdir consumer && cd consumer
cat > Consumer.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="YouthJustice.Sdk" Version="$version" />
    <PackageReference Include="YouthJustice.Sdk.Synthetic" Version="$version" />
    <PackageReference Include="YouthJustice.Plugins.Leicester.EarlyIntervention" Version="1.0.0" />
  </ItemGroup>
</Project>
XML
cat > Program.cs <<'CS'
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Synthetic;

var services = new ServiceCollection();
services.AddYouthJustice();
using var provider = services.BuildServiceProvider();
var registry = provider.GetRequiredService<IYouthJusticeRegistry>();
var dataset = SyntheticDatasetGenerator.Generate(SyntheticOptions.SingleAuthority(seed: 7));
var run = registry.Compute(IndicatorContext.For(dataset), IndicatorQuery.For(ReportingPeriod.FinancialYear(2021)), ["fte-count", "fte-rate"]);
foreach (var r in run.Results.Where(r => r.Breakdown.IsTotal))
{
    Console.WriteLine($"{r.IndicatorId} {r.AreaCode} {r.Period}: {r.Numerator} / {r.Denominator} = {r.Value}");
}
return run.Results.Any(r => r.IndicatorId == "fte-count" && r.Numerator > 0) ? 0 : 1;
CS
dotnet run -c Release -nologo -v quiet | tee fte.txt
grep -q '^fte-rate ' fte.txt
test -f bin/Release/net10.0/plugins/leicester-early-intervention/plugin.json

echo "== a published host takes its plugins with it (plugin package, and the repository's Plugins.targets) =="
dotnet publish -c Release -nologo -v quiet -o "$work/consumer-publish"
test -f "$work/consumer-publish/plugins/leicester-early-intervention/plugin.json"
dotnet publish "$root/samples/Console" -c Release -nologo -v quiet -o "$work/yj-publish"
for id in coventry-diversion leicester-early-intervention warwickshire-ecm; do
  test -f "$work/yj-publish/plugins/$id/plugin.json" || { echo "the published console has no plugins/$id" >&2; exit 1; }
done
published=$(dotnet "$work/yj-publish/yj.dll" plugins list --format csv)
grep -q '^Plugins loaded (3),' <<<"$published"
echo "== local feed: the packages build a plugin and a host on their own =="
