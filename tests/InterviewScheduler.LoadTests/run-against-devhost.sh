#!/usr/bin/env bash
# Builds (Release), starts the DevHost with acknowledgment pacing on (Exchange's limits, as the sandbox enforces
# them) and a pool of sender mailboxes, runs the intake load against it, and stops the DevHost with everything it
# started (Azurite included), whatever happens.
#
#   tests/InterviewScheduler.LoadTests/run-against-devhost.sh --count 300 --rate 1      # below the pool's limit
#   tests/InterviewScheduler.LoadTests/run-against-devhost.sh --count 600 --rate 50 --wait 600   # a burst: drain rate
#
# Arguments go to the load program (see its --help). Environment: SKIP_BUILD=1 to use the last Release build;
# SENDER_POOL for the pool (default "recruiting@contoso.com careers@contoso.com jobs@contoso.com");
# PER_MINUTE for Mail:MessagesPerMinute (default 30; 0 turns pacing off, and the sandbox then answers 429s);
# DEVHOST_ARGS for more DevHost settings (e.g. "--Logging:LogLevel:Default=Warning"); LOAD_OUT for the folder
# that receives devhost.log and applications.csv (a temporary one by default).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${LOAD_OUT:-$(mktemp -d -t interview-load.XXXXXX)}
mkdir -p "$out"
base=http://localhost:7071
sandbox=http://localhost:7072

# Measure a DevHost and an Azurite of our own: refuse to start beside another one.
for port in 7071 7072 10000 10001 10002; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use: stop whatever listens there first (a DevHost or Azurite would be shared)." >&2
    exit 3
  fi
done

cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build src/InterviewScheduler.DevHost -c Release -nologo -v quiet
  dotnet build tests/InterviewScheduler.LoadTests -c Release -nologo -v quiet
fi

read -r -a pool <<<"${SENDER_POOL:-recruiting@contoso.com careers@contoso.com jobs@contoso.com}"
per_minute=${PER_MINUTE:-30}
pool_args=("--Mail:SenderMailbox=${pool[0]}" "--Mail:MessagesPerMinute=$per_minute")
for i in "${!pool[@]}"; do
  if ((i > 0)); then pool_args+=("--Mail:SenderMailboxes:$((i - 1))=${pool[$i]}"); fi
done
pool_list=$(IFS=,; echo "${pool[*]}")

# setsid: the DevHost, dotnet run and the Azurite it starts share one new process group, stopped together below.
# shellcheck disable=SC2086 # DEVHOST_ARGS is a list of arguments.
setsid dotnet run --project src/InterviewScheduler.DevHost --no-build -c Release -- \
  "${pool_args[@]}" ${DEVHOST_ARGS:-} >"$out/devhost.log" 2>&1 &
devhost=$!

stop_devhost() {
  if [[ -n "${sampler:-}" ]]; then kill "$sampler" 2>/dev/null || true; fi
  if [[ -n "${load:-}" ]]; then kill -TERM -- "-$load" 2>/dev/null || true; fi
  if kill -0 "$devhost" 2>/dev/null || pgrep -g "$devhost" >/dev/null; then
    kill -TERM -- "-$devhost" 2>/dev/null || true
    for _ in $(seq 1 30); do
      pgrep -g "$devhost" >/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$devhost" 2>/dev/null || true
  fi
  if pgrep -g "$devhost" >/dev/null; then
    echo "Processes of the DevHost's group $devhost are still running:" >&2
    pgrep -a -g "$devhost" >&2 || true
  fi
}
trap stop_devhost EXIT

echo "DevHost starting (pid $devhost, log $out/devhost.log)..."
for _ in $(seq 1 120); do
  if curl -fsS "$base/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$devhost" 2>/dev/null; then
    echo "The DevHost exited during start-up:" >&2
    tail -n 30 "$out/devhost.log" >&2
    exit 3
  fi
  sleep 0.5
done
curl -fsS "$base/api/health" >/dev/null || { echo "The DevHost did not answer $base/api/health within 60 s." >&2; exit 3; }

# CPU once a second while the load runs (ticks of CLK_TCK): the machine, and each process of the DevHost's and the
# load program's groups, into cpu.tsv; a per-process summary is printed at the end.
sample_cpu() {
  local groups=("$@")
  while :; do
    local cpu _ u n s i w x y z rest
    read -r cpu u n s i w x y z rest </proc/stat
    local line
    line="$(date +%s.%N)\tmachine\t$((u + n + s + x + y + z))\t$((u + n + s + i + w + x + y + z))"
    for group in "${groups[@]}"; do
      for pid in $(pgrep -g "$group"); do
        local stat fields
        stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        read -r -a fields <<<"${stat##*) }"
        line+="\t$pid:$(cat "/proc/$pid/comm" 2>/dev/null):$((fields[11] + fields[12]))"
      done
    done
    echo -e "$line"
    sleep 1
  done
}

status=0
setsid dotnet run --project tests/InterviewScheduler.LoadTests --no-build -c Release -- \
  --base "$base" --sandbox "$sandbox" --mailbox "$pool_list" --per-minute "$per_minute" --csv "$out/applications.csv" "$@" &
load=$!
sample_cpu "$devhost" "$load" >"$out/cpu.tsv" &
sampler=$!
wait "$load" || status=$?
load=
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=

# CPU seconds per process over the whole load program (warm-up, posting, waiting, reading back).
awk -F'\t' -v hz="$(getconf CLK_TCK)" '
  NR == 1 { m0 = $3; t0 = $4 }
  { m1 = $3; t1 = $4; for (i = 5; i <= NF; i++) { split($i, p, ":"); key = p[1] ":" p[2]; if (!(key in first)) first[key] = p[3]; last[key] = p[3] } }
  END {
    printf "CPU during the load program (%d s of samples, 2 cores = 200%%): machine busy %.0f%%\n", (t1 - t0) / hz / 2, 200 * (m1 - m0) / ((t1 - t0) > 0 ? (t1 - t0) : 1)
    for (k in last) if (last[k] - first[k] > 0) printf "  %-28s %6.1f s CPU\n", k, (last[k] - first[k]) / hz
  }' "$out/cpu.tsv"
echo "DevHost log, per-application rows and CPU samples: $out"
exit "$status"
