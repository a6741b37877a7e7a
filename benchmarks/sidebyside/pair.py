"""Times two commands side by side as whole processes: one warm-up run each, then A B A B … RUNS times, and prints
each one's median wall time, CPU time (user + system) and peak RSS, and the medians of the ratios A/B pair by pair
(a ratio holds when the machine's speed drifts between pairs; a wide min-max says the machine was noisy).
Output is read and discarded. Usage: pair.py RUNS "COMMAND A" "COMMAND B"   (each split as a shell splits words)"""
import os, shlex, statistics, subprocess, sys, time

runs, a, b = int(sys.argv[1]), shlex.split(sys.argv[2]), shlex.split(sys.argv[3])


def run(cmd):
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for _ in iter(lambda: process.stdout.read(1 << 16), b""):
        pass
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{cmd[0]} exited with {status}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


run(a), run(b)
results = [(run(a), run(b)) for _ in range(runs)]
print(f"load average before: {os.getloadavg()[0]:.2f}; {runs} runs each, alternating; medians (min-max)")
for key, unit in (("wall", "s"), ("cpu", "s"), ("rss", "MiB")):
    values = {name: [r[i][key] for r in results] for i, name in enumerate("AB")}
    ratios = [x[key] / y[key] for x, y in results]
    line = "  ".join(f"{n} {statistics.median(v):.3f} ({min(v):.3f}-{max(v):.3f}) {unit}" for n, v in values.items())
    print(f"{key:5} {line}  A/B {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
