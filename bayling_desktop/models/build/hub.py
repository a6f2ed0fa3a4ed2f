"""Fetch from the Hub only the files a conversion needs, resumably.

A BayLing 2 repository also holds PyTorch ``.bin`` copies and other extras; we take
``config.json``, the tokenizer (``tokenizer.model`` for Llama-2 bases, else
``tokenizer.json``), its small companions when present, and the safetensors (one
file, or the shards the index lists). Every file goes through
``models/download.py`` (progress, resume, sha256), into a work folder per repository;
a finished file gets a small ``.verified`` record so a later run skips it without
re-hashing gigabytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...fileio import atomic_write_text
from ..download import DownloadProgress, download_file
from ..hub import DownloadCancelled, HubNotFoundError, RemoteFile, fetch_metadata
from .common import BuildCallback, BuildCancelled, BuildError, BuildProgress, Cancel
from .safetensors import INDEX_NAME, SINGLE_NAME

_SMALL_OPTIONAL = ("generation_config.json", "tokenizer_config.json",
                   "special_tokens_map.json", "added_tokens.json")
_VERIFIED = ".verified"


@dataclass(frozen=True)
class HubPlan:
    repo_id: str
    revision: str
    folder: Path
    files: tuple[RemoteFile, ...]
    config: dict[str, object]

    @property
    def total(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def weight_bytes(self) -> int:
        return sum(f.size for f in self.files if f.filename.endswith(".safetensors"))

    def remaining(self) -> int:
        """Bytes still to download (finished files and partial downloads subtracted)."""
        left = 0
        for remote in self.files:
            if _is_verified(self.folder, remote):
                continue
            partial = self.folder / (Path(remote.filename).name + ".incomplete")
            left += remote.size - (partial.stat().st_size if partial.exists() else 0)
        return max(0, left)


def _marker(folder: Path, remote: RemoteFile) -> Path:
    return folder / (Path(remote.filename).name + _VERIFIED)


def _is_verified(folder: Path, remote: RemoteFile) -> bool:
    target = folder / Path(remote.filename).name
    try:
        record = _marker(folder, remote).read_text(encoding="utf-8").strip()
        return target.stat().st_size == remote.size and record == remote.checksum
    except OSError:
        return False


def _optional(repo: str, name: str, revision: str, token: str | None,
              endpoint: str | None) -> RemoteFile | None:
    try:
        return fetch_metadata(repo, name, revision, token=token, endpoint=endpoint)
    except HubNotFoundError:
        return None


def fetch_one(remote: RemoteFile, folder: Path, token: str | None, endpoint: str | None,
              cancel: Cancel | None = None,
              on_progress: Callable[[DownloadProgress], None] | None = None) -> Path:
    """Download *remote* into *folder* unless a verified copy is there already."""
    target = folder / Path(remote.filename).name
    if _is_verified(folder, remote):
        return target
    target.unlink(missing_ok=True)
    try:
        download_file(remote.repo_id, remote.filename, revision=remote.revision,
                      target_dir=folder, token=token, endpoint=endpoint, cancel=cancel,
                      progress=on_progress)
    except DownloadCancelled as exc:
        raise BuildCancelled("download_cancelled_build_again") from exc
    atomic_write_text(_marker(folder, remote), f"{remote.checksum}\n")
    return target


def plan(repo_id: str, folder: Path, *, revision: str = "main", token: str | None = None,
         endpoint: str | None = None) -> HubPlan:
    """Which files to fetch, with their sizes; downloads only config.json and the index."""
    folder.mkdir(parents=True, exist_ok=True)
    config_file = fetch_metadata(repo_id, "config.json", revision, token=token,
                                 endpoint=endpoint)
    config_path = fetch_one(config_file, folder, token, endpoint)
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildError("config_json_not_valid", repo_id=repo_id) from exc
    files = [config_file]
    tokenizer = _optional(repo_id, "tokenizer.model", revision, token, endpoint)
    if tokenizer is None:
        tokenizer = _optional(repo_id, "tokenizer.json", revision, token, endpoint)
    if tokenizer is None:
        raise BuildError("neither_tokenizer_model_nor", repo_id=repo_id)
    files.append(tokenizer)
    files.extend(f for name in _SMALL_OPTIONAL
                 if (f := _optional(repo_id, name, revision, token, endpoint)))
    index = _optional(repo_id, INDEX_NAME, revision, token, endpoint)
    if index is not None:
        index_path = fetch_one(index, folder, token, endpoint)
        try:
            shards = sorted(set(json.loads(index_path.read_text(encoding="utf-8"))
                                ["weight_map"].values()))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BuildError("safetensors_index_not_valid", repo_id=repo_id) from exc
        files.append(index)
        files.extend(fetch_metadata(repo_id, shard, revision, token=token, endpoint=endpoint)
                     for shard in shards)
    else:
        single = _optional(repo_id, SINGLE_NAME, revision, token, endpoint)
        if single is None:
            raise BuildError("no_safetensors_weights_pytorch", repo_id=repo_id,
                             single_name=SINGLE_NAME, index_name=INDEX_NAME)
        files.append(single)
    return HubPlan(repo_id, revision, folder, tuple(files), config)


def download(hub_plan: HubPlan, *, token: str | None = None, endpoint: str | None = None,
             progress: BuildCallback | None = None, cancel: Cancel | None = None) -> Path:
    """Fetch every planned file (resuming partial ones); return the checkpoint folder."""
    total = hub_plan.total
    finished = 0
    for remote in hub_plan.files:
        base = finished

        def on_progress(p: DownloadProgress, base: int = base,
                        name: str = remote.filename) -> None:
            if progress is None:
                return
            done = base + p.downloaded
            eta = (total - done) / p.speed if p.speed > 0 else None
            progress(BuildProgress("download", done, total, eta, name))

        fetch_one(remote, hub_plan.folder, token, endpoint, cancel, on_progress)
        finished += remote.size
        if progress is not None:
            progress(BuildProgress("download", finished, total, None, remote.filename))
    return hub_plan.folder
