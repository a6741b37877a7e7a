"""What the side-by-side scripts share: ending the `agentlive watch --json` they started."""
import shutil
import subprocess


def stop(host, root):
    """Ends the host as a user would (closing its stdin), kills it if it is still there after 10 s, and removes the
    transcripts it watched."""
    host.stdin.close()
    try:
        host.wait(10)
    except subprocess.TimeoutExpired:
        host.kill()
    shutil.rmtree(root)
