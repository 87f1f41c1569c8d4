#!/usr/bin/env bash
# Adds a migration named $1 for every provider (SQLite, PostgreSQL, SQL Server).
# The DbMigrator is the start-up project: its design-time factory composes the model from the module list.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: etc/migrations-add.sh MigrationName}
dotnet tool restore >/dev/null
dotnet build src/Derrimut.DbMigrator >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/Derrimut.Migrations.$provider" \
    --startup-project src/Derrimut.DbMigrator \
    --context DerrimutDbContext \
    --output-dir Migrations \
    -- --provider "$provider"
done
# The precompiled models follow the model (decision 0088).
bash etc/compiled-models.sh
