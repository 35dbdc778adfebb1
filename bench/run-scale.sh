#!/usr/bin/env bash
# HTTP benchmark at health-plan scale: bench/run-scale.sh [--quick] [--sizes 10000,100000] [--regenerate] [--only reports] [...]
# Publishes the app and the data generator (Release) into bench/.work/, generates the plans into bench/.data/ when
# missing, then runs bench/scale.py: wrk against the app for each plan size, then each report page and CSV one request at
# a time (--only wrk or --only reports for one of the two). Results: bench/results/scale-<stamp>.json, Markdown tables on
# stdout, docs/images/latency-vs-size.png (wrk only). See bench/scale.py --help for every option.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3   # Debian's python3, with python3-matplotlib (a pyenv python on PATH may lack it)

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
[ -x "$PYTHON" ] || missing+=(python3)
if [ -x "$PYTHON" ] && ! "$PYTHON" -c 'import matplotlib' >/dev/null 2>&1; then missing+=(python3-matplotlib); fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[bench] installing ${missing[*]}"
    apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  else
    echo "[bench] missing: ${missing[*]} (as root: apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "[bench] the .NET SDK (dotnet) is required" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || echo "[bench] warning: fewer than 2 CPUs; the app (CPU 1) and wrk (CPU 0) cannot be kept apart" >&2

mkdir -p bench/.work bench/.data bench/results
echo "[bench] publishing the app (the Production profile: Release, ReadyToRun) into bench/.work/app"
rm -rf bench/.work/app
dotnet publish src/CareCoordination.Web -p:PublishProfile=Production -o bench/.work/app -nologo -v quiet >bench/.work/publish-app.log 2>&1 \
  || { tail -30 bench/.work/publish-app.log >&2; exit 1; }
echo "[bench] publishing the data generator (Release) into bench/.work/generator"
dotnet publish src/CareCoordination.DataGenerator -c Release -o bench/.work/generator -nologo -v quiet >bench/.work/publish-generator.log 2>&1 \
  || { tail -30 bench/.work/publish-generator.log >&2; exit 1; }

exec "$PYTHON" bench/scale.py "$@"
