#!/usr/bin/env bash
# Regenerates src/*/PublicAPI.Unshipped.txt from the code, through the PublicApiAnalyzers code fix (RS0016).
# The fix only fills a file that is empty, so each file is emptied first; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/AgentLive.Core/AgentLive.Core.csproj "$@"; do
  dir=$(dirname "$project")
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info >/dev/null
  { head -n 1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
done
