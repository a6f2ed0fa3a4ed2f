"""Quantize a GGUF with llama.cpp's own quantizer (``llama_model_quantize``).

The C call blocks for minutes and cannot be interrupted, so it runs in a child
process (spawned, so no llama.cpp state is shared): cancelling terminates the child
and removes its partial output. llama.cpp writes the tensors in order, so the size
of the growing output file against the expected size is an honest progress figure.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from .common import (
    BuildCallback,
    BuildCancelled,
    BuildError,
    BuildProgress,
    Cancel,
    Eta,
    is_cancelled,
)

#: the llama_ftype values of llama.cpp (llama.h) and typical bits per weight
QUANT_TYPES: dict[str, tuple[int, float]] = {
    "Q4_K_M": (15, 4.89),
    "Q5_K_M": (17, 5.69),
    "Q8_0": (7, 8.5),
    "F16": (1, 16.0),
}
_POLL = 0.2


def normalise_quant(name: str) -> str:
    wanted = name.strip().upper()
    if wanted not in QUANT_TYPES:
        raise BuildError("unknown_quantization_choose", name=name,
                         quant_types=', '.join(QUANT_TYPES))
    return wanted


def expected_size(parameters: int, quant: str) -> int:
    """Bytes of a *quant* file for a model of *parameters* weights (an estimate)."""
    return int(parameters * QUANT_TYPES[normalise_quant(quant)][1] / 8)


def _quantize_in_child(source: str, target: str, ftype: int, threads: int, log: str) -> None:
    import ctypes
    import sys

    # llama.cpp prints a line per tensor; keep it in a log for the error message.
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    import llama_cpp

    llama_cpp.llama_backend_init()
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = ftype
    params.nthread = threads
    result = llama_cpp.llama_model_quantize(source.encode(), target.encode(),
                                            ctypes.byref(params))
    sys.exit(0 if result == 0 else 1)


def _last_line(log: Path) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1].strip() if lines else ""


def quantize(source: Path, output: Path, quant: str, *, parameters: int,
             threads: int = 0, progress: BuildCallback | None = None,
             cancel: Cancel | None = None) -> Path:
    """Write *source* quantized as *quant* to *output* (complete, or not at all)."""
    ftype = QUANT_TYPES[normalise_quant(quant)][0]
    partial = output.with_name(f".{output.name}.part")
    log = output.with_name(f".{output.name}.log")
    partial.unlink(missing_ok=True)
    total = max(1, expected_size(parameters, quant))
    eta = Eta(total)
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=_quantize_in_child, daemon=True,
                            args=(str(source), str(partial), ftype,
                                  threads or max(1, (os.cpu_count() or 2) - 1), str(log)))
    try:
        child.start()
        while child.is_alive():
            if is_cancelled(cancel):
                child.terminate()
                child.join(10)
                raise BuildCancelled("quantization_cancelled_nothing_kept")
            if progress is not None:
                done = min(total, partial.stat().st_size if partial.exists() else 0)
                progress(BuildProgress("quantize", done, total, eta.left(done), quant))
            child.join(_POLL)
        if is_cancelled(cancel):
            raise BuildCancelled("quantization_cancelled_nothing_kept")
        if child.exitcode != 0 or not partial.is_file():
            raise BuildError("quantize_failed", source=source.name, quant=quant,
                             last_line=_last_line(log) or f'exit code {child.exitcode}')
        os.replace(partial, output)
    except BaseException:
        if child.is_alive():
            child.kill()
            child.join(5)
        partial.unlink(missing_ok=True)
        raise
    finally:
        log.unlink(missing_ok=True)
    if progress is not None:
        size = output.stat().st_size
        progress(BuildProgress("quantize", size, size, 0.0, quant))
    return output
