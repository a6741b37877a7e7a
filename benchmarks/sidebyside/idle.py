"""Idle cost with many old transcripts: N copies of the real recordings, last written five days ago, watched by
`agentlive watch --json`; then its CPU share and RSS every 10 s over a quiet window, and how long an append to an old
file takes to come out as an event (median of five).

Usage: idle.py "AGENTLIVE COMMAND" [N=10000] [WINDOW_S=300]      (e.g. "agentlive" or "dotnet …/agentlive.dll")"""
import glob, json, os, shlex, shutil, statistics, subprocess, sys, tempfile, threading, time, uuid
from hostrun import stop

cmd = shlex.split(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
window = float(sys.argv[3]) if len(sys.argv) > 3 else 300
real = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "AgentLive.Core.Tests", "TestData", "real")
claude = sorted(p for p in glob.glob(f"{real}/claude/*/claude/projects/*/*.jsonl") if "/subagents/" not in p)
codex = sorted(glob.glob(f"{real}/codex/*/codex/sessions/*/*/*/*.jsonl"))
root = tempfile.mkdtemp(prefix="agentlive-idle-")
old = time.time() - 5 * 86400
for i in range(count):
    if i % 2 == 0:
        source, folder = claude[i % len(claude)], os.path.join(root, "claude", "projects", f"-home-dev-p{i % 200}")
        name = f"{uuid.uuid4()}.jsonl"
    else:
        source, folder = codex[i % len(codex)], os.path.join(root, "codex", "sessions", "2026", "11", f"{1 + i % 28:02d}")
        name = f"rollout-2026-11-01T00-00-00-{uuid.uuid4()}.jsonl"
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, name)
    shutil.copyfile(source, target)
    os.utime(target, (old, old))

ticks = os.sysconf("SC_CLK_TCK")


def sample(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    with open(f"/proc/{pid}/status") as f:
        rss = int(f.read().split("VmRSS:")[1].split()[0]) / 1024
    return (int(fields[11]) + int(fields[12])) / ticks, rss


start = time.time()
host = subprocess.Popen(cmd + ["watch", "--json", "--no-processes", "--claude-root", os.path.join(root, "claude"),
                               "--codex-root", os.path.join(root, "codex")],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
host.stdout.readline()
first_output = time.time() - start
time.sleep(5)
cpu0, rss0 = sample(host.pid)
series = [round(rss0)]
for _ in range(int(window // 10)):
    time.sleep(10)
    series.append(round(sample(host.pid)[1]))
cpu1, _ = sample(host.pid)

# Appends to an old file: the time until an event names its session.
seen = {}
def read_events():
    for line in host.stdout:
        for key in list(seen):
            if key in line and seen[key] is None:
                seen[key] = time.time()
threading.Thread(target=read_events, daemon=True).start()
latencies = []
for path in sorted(glob.glob(os.path.join(root, "claude", "projects", "*", "*.jsonl")))[:5]:
    session = os.path.basename(path)[:-len(".jsonl")]
    with open(path, encoding="utf-8") as f:
        last = f.read().splitlines()[-1]
    seen[session] = None
    written = time.time()
    with open(path, "a", encoding="utf-8") as f:
        f.write(last + "\n")
    deadline = written + 10
    while seen[session] is None and time.time() < deadline:
        time.sleep(0.002)
    if seen[session] is not None:
        latencies.append((seen[session] - written) * 1000)
    time.sleep(1)

stop(host, root)
print(json.dumps({"files": count, "window_s": window, "first_output_s": round(first_output, 2),
                  "idle_cpu_pct": round(100 * (cpu1 - cpu0) / window, 2), "rss_mib_every_10s": series,
                  "append_to_event_ms_median": round(statistics.median(latencies), 1) if latencies else None,
                  "appends_seen": len(latencies), "load_average": round(os.getloadavg()[0], 2)}))
