"""Append -> event through `agentlive watch --json` with many active transcripts.

N Claude Code transcripts (copies of a real recording, each its own session, written now) are watched by
`agentlive watch --json`; once it has reported them all, a prompt with a unique text is appended to one of them at a
time, in turn, every INTERVAL_MS, and the time from the append to the first event whose session shows that prompt as
its last user message is recorded. Each sample is one append and the event that reflects it, nothing else: events
that time alone causes (a session going quiet) are not counted.

Usage: latency.py "AGENTLIVE COMMAND" [FILES=200] [APPENDS=1000] [INTERVAL_MS=20]
Prints one JSON line: p50, p99 and max in milliseconds, appends seen and missed, and the load average."""
import glob, json, os, shlex, subprocess, sys, tempfile, threading, time, uuid
from hostrun import stop

cmd = shlex.split(sys.argv[1])
files = int(sys.argv[2]) if len(sys.argv) > 2 else 200
appends = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
interval = (float(sys.argv[4]) if len(sys.argv) > 4 else 20) / 1000
real = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "AgentLive.Core.Tests", "TestData", "real")
source = sorted(p for p in glob.glob(f"{real}/claude/*/claude/projects/*/*.jsonl") if "/subagents/" not in p)[0]
old_id = os.path.basename(source)[:-len(".jsonl")]
lines = open(source, encoding="utf-8").read().splitlines()
prompt = json.loads(next(line for line in lines if '"type":"user"' in line and '"content":"' in line))

root = tempfile.mkdtemp(prefix="agentlive-latency-")
sessions = []
for i in range(files):
    session = str(uuid.uuid4())
    folder = os.path.join(root, "claude", "projects", f"-home-dev-p{i % 20}")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{session}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(line.replace(old_id, session) for line in lines) + "\n")
    sessions.append((session, path))

host = subprocess.Popen(cmd + ["watch", "--json", "--no-processes", "--claude-root", os.path.join(root, "claude"),
                               "--codex-root", os.path.join(root, "codex")],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
known = set()
waiting = {}  # prompt text -> time of its append
latencies = []
lock = threading.Lock()


def read_events():
    for line in host.stdout:
        session = json.loads(line).get("session")
        if session is None:
            continue
        now = time.perf_counter()
        with lock:
            known.add(session["id"])
            written = waiting.pop(session.get("lastUserMessage"), None)
            if written is not None:
                latencies.append((now - written) * 1000)


threading.Thread(target=read_events, daemon=True).start()
deadline = time.time() + 60
while len(known) < files and time.time() < deadline:
    time.sleep(0.05)
time.sleep(1)

for n in range(appends):
    session, path = sessions[n % files]
    text = f"latency probe {n} {uuid.uuid4().hex[:8]}"
    line = dict(prompt, sessionId=session, uuid=str(uuid.uuid4()), message={"role": "user", "content": text},
                timestamp=time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()))
    data = (json.dumps(line, separators=(",", ":")) + "\n").encode()
    with lock:
        waiting[text] = time.perf_counter()
    with open(path, "ab", buffering=0) as f:
        f.write(data)
    time.sleep(interval)

time.sleep(3)
stop(host, root)
lat = sorted(latencies) or [float("nan")]
print(json.dumps({"files": files, "appends": appends, "interval_ms": interval * 1000, "seen": len(latencies),
                  "missed": len(waiting), "p50_ms": round(lat[len(lat) // 2], 2),
                  "p99_ms": round(lat[int(0.99 * (len(lat) - 1))], 2), "max_ms": round(lat[-1], 2),
                  "load_average": round(os.getloadavg()[0], 2)}))
