#!/usr/bin/env bash
# Regenerates src/*/PublicAPI.Unshipped.txt from the code, through the PublicApiAnalyzers code fix (RS0016): every
# public symbol that PublicAPI.Shipped.txt does not list goes into PublicAPI.Unshipped.txt. The code fix only fills
# files that list nothing yet, so both are emptied for the run and the shipped list is put back afterwards.
# Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/AgentLive.Core/AgentLive.Core.csproj src/AgentLive.Hosting/AgentLive.Hosting.csproj; do
  dir=$(dirname "$project")
  shipped=$(mktemp)
  cp "$dir/PublicAPI.Shipped.txt" "$shipped"
  printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info >/dev/null
  cp "$shipped" "$dir/PublicAPI.Shipped.txt"
  { echo '#nullable enable'
    LC_ALL=C comm -23 <(tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u) <(tail -n +2 "$shipped" | LC_ALL=C sort -u)
  } > "$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  rm -f "$shipped"
done
