#!/usr/bin/env bash
# Regenerates the compiled EF Core models the app starts with (one per database provider), after a change to an
# entity or its mapping; CompiledModelTests fails until they are regenerated. Needs the SDK only (no database).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
dotnet build src/Talka.Web -c Debug -nologo -v q
for provider in Sqlite Postgres; do
  out="src/Talka.Web/Infrastructure/Data/CompiledModels/$provider"
  rm -rf "$out"
  dotnet ef dbcontext optimize --no-build --project src/Talka.Web --context "${provider}TalkaDbContext" \
    --output-dir "Infrastructure/Data/CompiledModels/$provider" \
    --namespace "Talka.Web.Infrastructure.Data.CompiledModels.$provider" >/dev/null
  echo "$out: $(ls "$out" | wc -l) files"
done
