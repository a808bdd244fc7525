#!/usr/bin/env bash
# Rebuilds the default credit model committed in models/default from the SYNTHETIC car-loan history
# (see docs/default-model.md). A lender replaces it by training on its own history:
#   autofinance train --data history.csv --target defaulted --out models/default/car-loans.json
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli() { dotnet run --project src/AutoFinance.Cli -c Release -- "$@"; }
cli generate car-loans --rows 50000 --seed 2026 --out "$work/car-loans.csv"
cli train --data "$work/car-loans.csv" --target defaulted --seed 42 --out models/default/car-loans.json
