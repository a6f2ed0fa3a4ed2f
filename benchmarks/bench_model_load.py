"""Loading the embedded model mapped (mmap) or read into memory: load time and RSS.

Each mode runs in a fresh subprocess (RSS and the mapping are per process), twice, in
alternation, so both see a warm page cache after the first round. Reported: seconds
to construct :class:`LlamaBackend`, seconds to the first token of a short reply, and
the resident set after load and after the reply, split into anonymous memory (weights
read in, KV cache) and file pages (weights mapped). Short: a few seconds a run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import json, sys, time
from pathlib import Path

def rss() -> dict[str, int]:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile"):
            fields[key] = int(value.split()[0]) // 1024
    return fields

from bayling_desktop.engine.backend import GenerationParams, Message
from bayling_desktop.engine.llama import LlamaBackend
started = time.perf_counter()
backend = LlamaBackend(sys.argv[1], context_length=512, parallel=1,
                       use_mmap=sys.argv[2] == "mmap")
loaded = time.perf_counter() - started
after_load = rss()
completion = backend.stream([Message("user", "Say hello.")],
                            GenerationParams(temperature=0.0, max_tokens=8))
completion.run()
print(json.dumps({"load_s": loaded, "first_token_s": completion.stats.time_to_first_token,
                  "after_load": after_load, "after_reply": rss()}))
"""


def run(path: Path, mode: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], check=True,
                         capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]), mode=mode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded

    path = ensure_embedded(QWEN_05B)
    print(f"{path.name}: {path.stat().st_size / 2**20:,.0f} MiB")
    for round_ in range(args.rounds):
        for mode in ("mmap", "read"):
            started = time.perf_counter()
            result = run(path, mode)
            result["process_s"] = round(time.perf_counter() - started, 2)
            print(round_, json.dumps(result))


if __name__ == "__main__":
    main()
