"""How many sequences to run at once when the user leaves *Parallel sequences* on auto.

Decoding several sequences in one batch pays off until the machine's compute, not its
memory bandwidth, is the limit. On CPUs llama.cpp's quantized matrix kernels work on
tiles of 4 and 16 rows: one step of 16 tokens costs about what 12 do and little more
than 8 (2 cores, embedded 0.5B model: 49 ms for 8 tokens, 61 ms for 16), so 8
sequences per core, up to 16, is the auto choice there (``benchmarks/bench_parallel.py``
measures it). Each sequence also needs its own KV cache of *context length* tokens, so
free memory caps the number.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: the most sequences auto ever picks (the user may set more)
AUTO_MAX = 16
#: sequences per CPU core auto picks
_PER_CORE = 8
#: share of the available memory the model plus all KV caches may take
_MEMORY_SHARE = 0.7


@dataclass(frozen=True)
class ParallelChoice:
    sequences: int
    #: one sentence for the settings dialog and the log: what was picked and why
    reason: str


def available_memory() -> int | None:
    """Bytes of memory available to a new allocation (MemAvailable), None if unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return None


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, bytes_per_value: int = 2
                       ) -> int:
    """K and V, every layer, in f16: what one cached token costs."""
    return 2 * layers * kv_heads * head_dim * bytes_per_value


def choose_parallel(requested: int, *, cores: int, gpu: bool, context_length: int,
                    model_bytes: int, kv_per_token: int, available: int | None
                    ) -> ParallelChoice:
    per_sequence = context_length * kv_per_token
    mib = per_sequence / 2**20
    if requested > 0:
        caches = requested + 1 if requested > 1 else 1
        total = (model_bytes + caches * per_sequence) / 2**30
        plural = "sequence" if requested == 1 else "sequences"
        return ParallelChoice(requested, f"{requested} parallel {plural} (set in Settings); "
                                         f"KV cache {mib:,.0f} MiB each, about {total:,.1f} "
                                         "GiB with the model.")
    want = AUTO_MAX if gpu else max(2, min(AUTO_MAX, _PER_CORE * cores))
    why = "GPU" if gpu else f"{cores} CPU cores"
    sequences = want
    if available is not None and per_sequence > 0:
        # one KV cache more than the sequences: the slot kept for interactive work
        room = int((available * _MEMORY_SHARE - model_bytes) // per_sequence) - 1
        if room < want:
            sequences = max(1, room)
            why += f", {available / 2**30:,.1f} GiB free"
    caches = sequences + 1 if sequences > 1 else 1
    total = (model_bytes + caches * per_sequence) / 2**30
    plural = "sequence" if sequences == 1 else "sequences"
    return ParallelChoice(sequences, f"auto: {sequences} parallel {plural} ({why}; KV "
                                     f"cache {mib:,.0f} MiB each at context "
                                     f"{context_length:,}, about {total:,.1f} GiB with the "
                                     "model).")


def choose_mmap(model_bytes: int, available: int | None) -> bool:
    """Whether llama.cpp should map the GGUF instead of reading it into memory.

    A mapped file that is truncated or rewritten in place while the model runs (a
    download writing over it, a sync tool, a user's ``cp``) turns the next touch of a
    missing page into SIGBUS: the process dies with no message, and no check between
    batches can catch a fault in the middle of one. Weights read into memory cannot
    change under us, so that is the choice whenever they fit. Only a model larger
    than the memory share is mapped, because there mapping is what lets it run at all
    (the kernel pages weights in and out); that case is logged by the backend.
    """
    if available is None:
        return False
    return model_bytes > available * _MEMORY_SHARE
