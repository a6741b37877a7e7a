"""Soak: many writers appending real transcripts, in pieces, to a running `agentlive watch --json`.

Each writer replays one real recording (from tests/AgentLive.Core.Tests/TestData/real) line by line at a steady pace,
often splitting a line across two writes. At the end, every session's last event must equal what a cold
`agentlive snapshot --json` of the same files says (nothing lost, nothing counted twice), and the run reports the
append-to-event latency (p50/p99/max) and the host's memory over time.

Usage: soak.py "CMD PREFIX" [CLAUDE_WRITERS=200] [CODEX_WRITERS=20] [SECONDS=60]
       (CMD PREFIX e.g. "dotnet src/AgentLive.Samples/bin/Release/net10.0/agentlive.dll")
Exit status 0 when every session is exact."""
import glob, json, os, random, shlex, statistics, subprocess, sys, tempfile, threading, time, uuid

cmd = shlex.split(sys.argv[1])
claude_writers = int(sys.argv[2]) if len(sys.argv) > 2 else 200
codex_writers = int(sys.argv[3]) if len(sys.argv) > 3 else 20
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 60
here = os.path.dirname(os.path.abspath(__file__))
real = os.path.join(here, "..", "..", "tests", "AgentLive.Core.Tests", "TestData", "real")
claude_src = sorted(p for p in glob.glob(f"{real}/claude/*/claude/projects/*/*.jsonl") if "/subagents/" not in p)
codex_src = sorted(glob.glob(f"{real}/codex/*/codex/sessions/*/*/*/*.jsonl"))
root = tempfile.mkdtemp(prefix="agentlive-soak-")
claude_root, codex_root = os.path.join(root, "claude"), os.path.join(root, "codex")

writers = []
for i in range(claude_writers + codex_writers):
    if i < claude_writers:
        src = claude_src[i % len(claude_src)]
        sid = str(uuid.uuid4())
        path = os.path.join(claude_root, "projects", f"-soak-p{i % 50}", f"{sid}.jsonl")
        key = f"claude:{sid}"
    else:
        src = codex_src[i % len(codex_src)]
        sid = str(uuid.uuid4())
        path = os.path.join(codex_root, "sessions", "2026", "11", "30", f"rollout-2026-11-30T00-00-00-{sid}.jsonl")
        key = None  # Codex names the session by the id inside the rollout
    lines = open(src, "rb").read().splitlines(keepends=True)
    if key is not None:
        # Claude's own lines name the session; rename it so every writer is a session of its own.
        old = os.path.basename(src)[:-6]
        lines = [l.replace(old.encode(), sid.encode()) for l in lines]
    else:
        old = os.path.basename(src)[len("rollout-2026-11-24T00-25-36-"):-6]
        lines = [l.replace(old.encode(), sid.encode()) for l in lines]
        key = f"codex:{sid}"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    writers.append((key, path, lines))

sent = {}  # key -> time of the last append
latencies, rss = [], []
host = subprocess.Popen(cmd + ["watch", "--json", "--claude-root", claude_root, "--codex-root", codex_root,
                               "--no-processes", "--lookback", "3650d"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
last = {}
def read_events():
    for line in host.stdout:
        e = json.loads(line)
        s = e.get("session")
        if s is None:
            continue
        last[s["id"]] = s
        if s["id"] in sent:
            latencies.append(time.time() - sent.pop(s["id"]))
threading.Thread(target=read_events, daemon=True).start()
host.stdout  # the first summary arrives once the (empty) start scan is done
time.sleep(1)

def write(key, path, lines):
    pace = seconds / max(len(lines), 1)
    with open(path, "ab", buffering=0) as f:
        for line in lines:
            if len(line) > 40 and random.random() < 0.5:
                cut = random.randrange(1, len(line) - 1)
                f.write(line[:cut]); time.sleep(0.005); f.write(line[cut:])
            else:
                f.write(line)
            sent[key] = time.time()
            time.sleep(pace * random.uniform(0.5, 1.5))

start = time.time()
threads = [threading.Thread(target=write, args=w) for w in writers]
for t in threads: t.start()
while any(t.is_alive() for t in threads):
    rss.append((round(time.time() - start), int(open(f"/proc/{host.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024))
    time.sleep(5)
time.sleep(5)  # the last events
host.stdin.close(); host.wait(timeout=60)

cold = {s["id"]: s for s in json.loads(subprocess.run(cmd + ["snapshot", "--json", "--claude-root", claude_root, "--codex-root",
        codex_root, "--no-processes", "--lookback", "3650d"], capture_output=True, text=True, check=True).stdout)}
fields = ("tokens", "turnCount", "model", "lastUserMessage", "title")
wrong = [k for k, _, _ in writers if k not in last or any(last[k][f] != cold.get(k, {}).get(f) for f in fields)]
lines = sum(len(l) for _, _, l in writers)
lat = sorted(latencies) or [0]
print(f"writers {claude_writers} claude + {codex_writers} codex, {lines} lines in {seconds:.0f} s; sessions {len(writers)}, "
      f"exact {len(writers) - len(wrong)}, wrong or missing {len(wrong)}")
print(f"append -> event: p50 {1000 * statistics.median(lat):.1f} ms, p99 {1000 * lat[int(0.99 * (len(lat) - 1))]:.1f} ms, "
      f"max {1000 * lat[-1]:.1f} ms ({len(latencies)} samples)")
print("RSS MB over time (s, MB): " + ", ".join(f"{t}:{m}" for t, m in rss))
sys.exit(1 if wrong else 0)
