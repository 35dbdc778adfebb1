#!/usr/bin/env bash
# Measures rule evaluation per event with BenchmarkDotNet (Release). Results land in bench/results/ and are
# summarised by hand in docs/performance.md. Usage: bench/rules.sh [--job short]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/CareCoordination.Benchmarks -- --filter '*RuleEvaluation*' --artifacts bench/results "$@"
