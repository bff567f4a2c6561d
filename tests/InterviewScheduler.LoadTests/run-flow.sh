#!/usr/bin/env bash
# Runs the whole-flow load and fault suite (`flow`): it starts its own Azurite (persistent, ports 20000-20002 by
# default, never the shared 10000-10002), the sandbox tenant (in its own process) and the DevHost, and stops them
# whatever happens. See README.md.
#
#   tests/InterviewScheduler.LoadTests/run-flow.sh --short                    # the CI version, ~3-4 min on 2 cores
#   tests/InterviewScheduler.LoadTests/run-flow.sh --applications 5000 ...   # the full suite (see --help)
#
# Environment: SKIP_BUILD=1 uses the last build; CONFIGURATION (Release by default; CI passes Debug, which
# `dotnet test` built); AZURITE for the azurite executable if node_modules has none; LOAD_OUT for the folder that
# keeps the logs and Azurite's files (else the suite makes a temporary one).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
configuration=${CONFIGURATION:-Release}
cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build src/InterviewScheduler.DevHost -c "$configuration" -nologo -v quiet
  dotnet build tests/InterviewScheduler.LoadTests -c "$configuration" -nologo -v quiet
fi

out_args=()
if [[ -n "${LOAD_OUT:-}" ]]; then out_args=(--out "$LOAD_OUT"); fi
exec dotnet "$root/tests/InterviewScheduler.LoadTests/bin/$configuration/net10.0/InterviewScheduler.LoadTests.dll" flow \
  --devhost "$root/src/InterviewScheduler.DevHost/bin/$configuration/net10.0/InterviewScheduler.DevHost.dll" "${out_args[@]}" "$@"
