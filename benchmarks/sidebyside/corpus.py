"""Builds a large corpus of Claude Code and Codex transcripts from the real recordings in the test data: every line of
every recording of a client, repeated to about BYTES_PER_FILE, in FILES_PER_SOURCE files per client, with the session
and message ids made unique per file and per repetition (a usage report counts a message id once).

Usage: corpus.py OUT FILES_PER_SOURCE BYTES_PER_FILE      (the README's runs: OUT 300 1000000, 564 MB)
Layout: OUT/claude/projects/<project>/<session>.jsonl and OUT/codex/sessions/YYYY/MM/DD/rollout-…-<session>.jsonl."""
import glob, os, re, sys, uuid

out, files, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
real = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "AgentLive.Core.Tests", "TestData", "real")
SKIP = ("/snapshots/", "history", "session_index", "app-server")


def recorded_lines(client):
    lines = []
    for path in sorted(glob.glob(f"{real}/{client}/*/{client}/**/*.jsonl", recursive=True)):
        if not any(s in path for s in SKIP):
            with open(path, encoding="utf-8") as f:
                lines += f.read().splitlines()
    return lines


for client in ("claude", "codex"):
    block = "\n".join(recorded_lines(client)) + "\n"
    repeats = max(1, size // len(block.encode()))
    for i in range(files):
        session = str(uuid.UUID(int=uuid.uuid5(uuid.NAMESPACE_URL, f"{client}/{i}").int))
        parts = []
        for j in range(repeats):
            part = re.sub(r'"(msg_|req_)', lambda m: f'"{m.group(1)}{i}x{j}_', block)
            if client == "codex" and j > 0:  # one session_meta per rollout
                part = "".join(l + "\n" for l in part.splitlines() if '"type":"session_meta"' not in l)
            parts.append(part)
        text = re.sub(r'"sessionId":"[0-9a-f-]{36}"', f'"sessionId":"{session}"', "".join(parts))
        if client == "claude":
            folder = os.path.join(out, "claude", "projects", f"-home-dev-corpus-p{i % 50}")
            name = f"{session}.jsonl"
        else:
            day = 1 + i % 28
            folder = os.path.join(out, "codex", "sessions", "2026", "11", f"{day:02d}")
            name = f"rollout-2026-11-{day:02d}T10-00-00-{session}.jsonl"
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
print(f"{out}: {files} Claude and {files} Codex transcripts")
