"""``build_model``: a Hub repository or a local checkpoint folder → a GGUF in the library.

One operation for the CLI and the GUI: download (Hub sources only), convert to an
F16 intermediate, quantize, remove the intermediate, add the result to the library.
Disk space for every part is checked before anything large starts, with the
figures in the message. A cancel or failure at any stage leaves no half model
file; a cancelled download keeps its resumable ``.incomplete`` part in the work
folder (``paths.models_dir()/.build/ORG--NAME``) so the next build continues it.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ...paths import models_dir
from ...sentences import Sentence
from .. import catalog, library
from . import hub
from .common import BuildCallback, BuildError, BuildProgress, Cancel, check_disk_space
from .convert import Checkpoint, convert, inspect
from .quantize import expected_size, normalise_quant, quantize

_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_BYTES_PER = {"float32": 4, "float16": 2, "bfloat16": 2}


@dataclass(frozen=True)
class BuildResult:
    model: library.LocalModel
    path: Path
    prompt_format: str
    parameters: int


def is_repo_id(source: str) -> bool:
    return bool(_REPO_ID.match(source.strip())) and not Path(source).expanduser().exists()


def work_folder(repo_id: str) -> Path:
    return models_dir() / ".build" / repo_id.replace("/", "--")


def _display_name(source: str) -> str:
    entry = catalog.find_entry(source)
    if entry is not None:
        return entry.title
    return Path(source.rstrip("/")).name


def default_output(source: str, quant: str, directory: Path | None = None) -> Path:
    stem = Path(source.rstrip("/")).name.lower()
    return (directory or models_dir()) / f"{stem}-{normalise_quant(quant).lower()}.gguf"


def build_model(source: str, *, quant: str = "Q4_K_M", output: Path | None = None,
                directory: Path | None = None, token: str | None = None,
                revision: str = "main", endpoint: str | None = None, threads: int = 0,
                keep_download: bool = False, progress: BuildCallback | None = None,
                cancel: Cancel | None = None) -> BuildResult:
    """Build *source* (Hub id or checkpoint folder) as *quant* and add it to the library."""
    quant = normalise_quant(quant)
    library_dir = directory or models_dir()
    library_dir.mkdir(parents=True, exist_ok=True)
    target = Path(output).expanduser() if output else default_output(source, quant,
                                                                       library_dir)
    if target.suffix.lower() != ".gguf":
        raise BuildError("output_must_end_gguf", target=target.name)
    if target.exists():
        raise BuildError("already_exists_remove_choose", target=target)
    if not target.parent.is_dir():
        raise BuildError("folder_not_exist", parent=target.parent)

    local = Path(source).expanduser()
    hub_plan: hub.HubPlan | None = None
    checkpoint: Checkpoint | None = None
    if local.is_dir():
        checkpoint = inspect(local)
        parameters = checkpoint.parameters
        download_bytes = 0
    elif is_repo_id(source):
        hub_plan = hub.plan(source.strip(), work_folder(source.strip()), revision=revision,
                            token=token, endpoint=endpoint)
        dtype = str(hub_plan.config.get("torch_dtype", "float16"))
        parameters = hub_plan.weight_bytes // _BYTES_PER.get(dtype, 2)
        download_bytes = hub_plan.remaining()
    else:
        raise BuildError("neither_checkpoint_folder_nor", source=source)
    intermediate_bytes = 0 if quant == "F16" else parameters * 2
    check_disk_space([
        (hub_plan.folder if hub_plan else target.parent, download_bytes,
         Sentence("build_part_download")),
        (target.parent, intermediate_bytes, Sentence("build_part_intermediate")),
        (target.parent, expected_size(parameters, quant), Sentence("build_part_output",
                                                                    quant=quant)),
    ])

    if hub_plan is not None:
        folder = hub.download(hub_plan, token=token, endpoint=endpoint, progress=progress,
                              cancel=cancel)
        checkpoint = inspect(folder)
    assert checkpoint is not None
    name = _display_name(source)
    if quant == "F16":
        convert(checkpoint, target, name=name, progress=progress, cancel=cancel)
    else:
        intermediate = target.with_name(f".{target.stem}-f16.intermediate.gguf")
        try:
            convert(checkpoint, intermediate, name=name, progress=progress, cancel=cancel)
            quantize(intermediate, target, quant, parameters=checkpoint.parameters,
                     threads=threads, progress=progress, cancel=cancel)
        finally:
            intermediate.unlink(missing_ok=True)
    try:
        if target.parent.resolve() == library_dir.resolve():
            model = library.find_model(target.name, directory=library_dir)
        else:
            model = library.import_model(target, directory=library_dir, link=True)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if hub_plan is not None and not keep_download:
        shutil.rmtree(hub_plan.folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            hub_plan.folder.parent.rmdir()  # only when no other build is pending
    if progress is not None:
        progress(BuildProgress("done", 1, 1, 0.0, target.name))
    return BuildResult(model, target, checkpoint.prompt_format, checkpoint.parameters)
