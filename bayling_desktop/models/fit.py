"""Will a model run well on this machine? An LM Studio-style fit check.

Memory a model needs = its weights (the GGUF is memory-mapped, and all of it is
read for every token) + the KV cache for *context × parallel sequences* positions +
a fixed runtime overhead. Layers offloaded to a GPU move their share of weights and
cache from RAM to the GPU. The verdict compares that with the machine's RAM:
"fits" leaves a quarter free for the system and other programs, "tight" fits in
total RAM only, "too big" does not fit at all. GPU memory is not probed (there is no
portable way without loading a driver), so the GPU figure is shown, not judged.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..engine.capacity import available_memory, choose_parallel
from ..engine.gguf_info import GGUFInfo
from ..sentences import Sentence
from .catalog import OVERHEAD_BYTES, CatalogEntry, kv_cache_bytes

Verdict = Literal["fits", "tight", "too big", "unknown"]
_GIB = 1024**3
_COMFORT = 0.75


@dataclass(frozen=True)
class Machine:
    ram_total: int | None
    ram_available: int | None

    @property
    def label(self) -> Sentence:
        if self.ram_total is None:
            return Sentence("ram_unknown")
        total = f"{self.ram_total / _GIB:.0f}"
        if self.ram_available is not None:
            return Sentence("ram_free", total=total, free=f"{self.ram_available / _GIB:.1f}")
        return Sentence("ram", total=total)


def total_memory() -> int | None:
    """Physical memory in bytes (Linux, macOS and Windows), None if unknown."""
    if sys.platform == "win32":
        class _Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong),
                        ("total_phys", ctypes.c_ulonglong), ("avail_phys", ctypes.c_ulonglong),
                        ("total_page", ctypes.c_ulonglong), ("avail_page", ctypes.c_ulonglong),
                        ("total_virtual", ctypes.c_ulonglong),
                        ("avail_virtual", ctypes.c_ulonglong),
                        ("avail_extended", ctypes.c_ulonglong)]

        status = _Status()
        status.length = ctypes.sizeof(_Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.total_phys)
        return None
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return None


def this_machine() -> Machine:
    return Machine(total_memory(), available_memory())


@dataclass(frozen=True)
class Fit:
    verdict: Verdict
    #: bytes of RAM and GPU memory the model needs with these settings
    ram: int
    gpu: int
    weights: int
    kv_cache: int
    context: int
    sequences: int
    gpu_layers: int
    #: one sentence for a tooltip or the CLI
    reason: Sentence

    @property
    def label(self) -> str:
        return {"fits": "fits", "tight": "tight", "too big": "too big",
                "unknown": "unknown"}[self.verdict]


def _sequences(settings: object) -> int:
    """The parallel-sequences setting; 0 means "auto", decided per model in :func:`estimate`."""
    return max(0, int(getattr(settings, "parallel_sequences", 1) or 0))


def estimate(weights: int, layers: int, kv_width: int, *, context: int, sequences: int = 1,
             gpu_layers: int = 0, machine: Machine | None = None) -> Fit:
    """The fit of a model with *layers* × *kv_width* KV cache and *weights* bytes.

    *sequences* 0 is the engine's "auto" (``engine.capacity.choose_parallel``).
    """
    machine = machine or this_machine()
    if sequences <= 0:
        # "auto": the very choice the engine will make when it loads the model
        sequences = choose_parallel(
            0, cores=os.cpu_count() or 1, gpu=gpu_layers != 0, context_length=context,
            model_bytes=weights, kv_per_token=kv_cache_bytes(layers, kv_width, 1),
            available=machine.ram_available).sequences
    kv = kv_cache_bytes(layers, kv_width, context * sequences)
    offloaded = layers if gpu_layers < 0 else min(gpu_layers, layers)
    share = offloaded / layers if layers else 0.0
    gpu = int((weights + kv) * share)
    ram = weights + kv - gpu + OVERHEAD_BYTES
    code = "needs_ram" + ("_gpu" if offloaded else "") + ("_one" if sequences == 1 else "")
    need = Sentence(code, ram=f"{ram / _GIB:.1f}", context=f"{context:,}", sequences=sequences,
                    offloaded=offloaded, layers=layers, gpu=f"{gpu / _GIB:.1f}")
    if machine.ram_total is None:
        return Fit("unknown", ram, gpu, weights, kv, context, sequences, offloaded,
                   Sentence("fit", need=need, machine=Sentence("machine_ram_unknown")))
    if ram <= machine.ram_total * _COMFORT:
        verdict: Verdict = "fits"
        tail = Sentence("machine_has", ram=machine.label)
    elif ram <= machine.ram_total:
        verdict = "tight"
        tail = Sentence("machine_has_tight", ram=machine.label)
    else:
        verdict = "too big"
        tail = Sentence("machine_has_only", ram=machine.label)
    return Fit(verdict, ram, gpu, weights, kv, context, sequences, offloaded,
               Sentence("fit", need=need, machine=tail))


def fit_entry(entry: CatalogEntry, settings: object, machine: Machine | None = None) -> Fit:
    context = min(int(getattr(settings, "context_length", 4096)), entry.context_length)
    return estimate(entry.size, entry.layers, entry.kv_width, context=context,
                    sequences=_sequences(settings),
                    gpu_layers=int(getattr(settings, "gpu_layers", 0)), machine=machine)


def kv_shape(info: GGUFInfo) -> tuple[int, int]:
    """(layers, KV width) from a GGUF header; (0, 0) when the header does not say."""
    meta, arch = info.metadata, info.architecture

    def number(key: str) -> int:
        value = meta.get(f"{arch}.{key}")
        if isinstance(value, list):
            value = max(value) if value else 0
        return int(value) if isinstance(value, int | float) else 0

    layers = number("block_count")
    heads = number("attention.head_count")
    kv_heads = number("attention.head_count_kv") or heads
    head_dim = number("attention.key_length") or (
        number("embedding_length") // heads if heads else 0)
    return layers, kv_heads * head_dim


def fit_gguf(info: GGUFInfo, settings: object, machine: Machine | None = None) -> Fit:
    layers, kv_width = kv_shape(info)
    wanted = int(getattr(settings, "context_length", 4096))
    context = min(wanted, info.context_length) if info.context_length else wanted
    return estimate(info.file_size, layers, kv_width, context=context,
                    sequences=_sequences(settings),
                    gpu_layers=int(getattr(settings, "gpu_layers", 0)), machine=machine)


def recommend(entries: Sequence[CatalogEntry], settings: object,
              machine: Machine | None = None, commercial_only: bool = False
              ) -> CatalogEntry | None:
    """The most preferred model (catalog ``rank``) that comfortably fits this machine.

    BayLing 2 comes first (it is what the app is for), then the strongest
    translation models, then smaller ones, so a small machine still gets a pick.
    """
    machine = machine or this_machine()
    best: CatalogEntry | None = None
    for entry in _usable(entries, commercial_only):
        if fit_entry(entry, settings, machine).verdict != "fits":
            continue
        if best is None or entry.rank < best.rank:
            best = entry
    return best


def _usable(entries: Iterable[CatalogEntry], commercial_only: bool) -> Iterable[CatalogEntry]:
    for entry in entries:
        if commercial_only and not entry.commercial:
            continue
        if entry.downloadable or entry.buildable:
            yield entry
