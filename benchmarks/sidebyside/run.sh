#!/usr/bin/env bash
# The side-by-side runs of benchmarks/README.md: AgentLive against ccusage on a cold full scan, start-up on empty
# roots against the JIT build, and idle with 10,000 old transcripts. Results go to stdout; paste them with the machine.
#
# Usage: benchmarks/sidebyside/run.sh AGENTLIVE CCUSAGE [WORK_DIR]
#   AGENTLIVE  the command to measure, e.g. agentlive (the installed tool) or "dotnet path/to/agentlive.dll"
#   CCUSAGE    ccusage 20.0.24 with its native binary: npm install --prefix DIR ccusage@20.0.24
#              @ccusage/ccusage-linux-x64@20.0.24, then DIR/node_modules/.bin/ccusage
#   WORK_DIR   where the 564 MB corpus is built once and kept (default: a folder under $TMPDIR)
# Set IDLE_SECONDS (default 300) to shorten the idle window, JIT to the framework-dependent build for the start-up pair.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
agentlive=${1:?agentlive command}
ccusage=${2:?ccusage command}
work=${3:-${TMPDIR:-/tmp}/agentlive-sidebyside}
corpus=$work/corpus
[ -d "$corpus" ] || python3 "$here/corpus.py" "$corpus" 300 1000000
mkdir -p "$work/empty/codex"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
# ccusage 20 reads Codex rollouts too when CODEX_HOME is set (its sessions then carry "agent": "codex"): pointing
# CODEX_HOME at an empty folder keeps it to Claude Code. Each pair below says which sessions each side reads.
claude_only="env CLAUDE_CONFIG_DIR=$corpus/claude CODEX_HOME=$work/empty/codex $ccusage session --json --offline"
both="env CLAUDE_CONFIG_DIR=$corpus/claude CODEX_HOME=$corpus/codex $ccusage session --json --offline"
scan="snapshot --json --no-processes --lookback 100000h --claude-root $corpus/claude --codex-root $corpus/codex"
echo "== cold full scan, Claude half ($(du -sh "$corpus/claude" | cut -f1)), both Claude only: A = AgentLive, B = ccusage"
python3 "$here/pair.py" 5 "$agentlive $scan --only claude" "$claude_only"
echo "== cold full scan, both sources ($(du -sh "$corpus" | cut -f1)), both read both: A = AgentLive, B = ccusage"
python3 "$here/pair.py" 5 "$agentlive $scan" "$both"
echo "== cold full scan: A = AgentLive on both sources, B = ccusage on the Claude half only"
python3 "$here/pair.py" 5 "$agentlive $scan" "$claude_only"
if [ -n "${JIT:-}" ]; then
  echo "== start to exit, empty roots: A = $agentlive, B = $JIT"
  empty="snapshot --json --no-processes --claude-root $work/empty/claude --codex-root $work/empty/codex"
  python3 "$here/pair.py" 5 "$agentlive $empty" "$JIT $empty"
fi
echo "== idle, 10,000 old transcripts, watch --json"
python3 "$here/idle.py" "$agentlive" 10000 "${IDLE_SECONDS:-300}"
