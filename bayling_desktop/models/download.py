"""Model downloads from the Hugging Face Hub: progress, cancel, resume, checksum.

``hf_hub_download`` writes into the Hub's shared cache and reports progress only
through a tqdm class; it can neither be cancelled cleanly from another thread nor
resume into a folder the user picked after an app restart. So we speak the Hub's
file-resolve protocol ourselves, with huggingface_hub's own pieces: ``hf_hub_url``
for the address, ``get_hf_file_metadata`` for the HEAD (commit, ``X-Linked-Etag`` =
the sha256 of an LFS file, ``X-Linked-Size``), ``build_hf_headers`` for the token and
its shared HTTP session for a ranged GET.

A partial download lives beside its target as ``NAME.incomplete`` with a small JSON
record of what it is a part of, so a later run (even after a restart) continues it
only when the Hub still serves the very same file. Nothing touches the network until
:func:`download_file` is called.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..engine.backend import CancelToken
from ..fileio import atomic_write_text
from ..paths import models_dir
from .hub import (
    ChecksumError,
    DownloadCancelled,
    DownloadError,
    RemoteFile,
    fetch_metadata,
    hub_endpoint,
    translate_error,
)

Phase = Literal["checking", "downloading", "verifying", "done"]
Cancel = CancelToken | threading.Event

#: free space kept beyond the file itself, so a download never fills the disk to the brim
_DISK_MARGIN = 64 * 1024**2
_PROGRESS_INTERVAL = 0.1
_SPEED_WINDOW = 5.0
INCOMPLETE_SUFFIX = ".incomplete"
_RECORD_SUFFIX = ".incomplete.json"


@dataclass(frozen=True)
class DownloadProgress:
    phase: Phase
    downloaded: int
    total: int
    #: bytes per second over the last few seconds of this session
    speed: float
    #: seconds left at that speed; None while unknown
    eta: float | None
    #: bytes that were already on disk when this session started
    resumed_from: int

    @property
    def fraction(self) -> float:
        return self.downloaded / self.total if self.total else 0.0


ProgressCallback = Callable[[DownloadProgress], None]


@dataclass(frozen=True)
class PendingDownload:
    """A partial download left by an earlier session; ``download_file`` resumes it."""

    repo_id: str
    filename: str
    revision: str
    target: Path
    downloaded: int
    total: int


def _is_cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return cancel.cancelled


# -- partial-download records -------------------------------------------------------------


def _partial_paths(target: Path) -> tuple[Path, Path]:
    return (target.with_name(target.name + INCOMPLETE_SUFFIX),
            target.with_name(target.name + _RECORD_SUFFIX))


def _record_for(remote: RemoteFile) -> dict[str, Any]:
    return {"repo_id": remote.repo_id, "filename": remote.filename, "revision": remote.revision,
            "size": remote.size, "checksum": remote.checksum, "commit": remote.commit_hash}


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def pending_downloads(target_dir: Path | None = None) -> list[PendingDownload]:
    """Partial downloads in *target_dir* that an earlier session left to resume."""
    directory = target_dir or models_dir()
    found = []
    for record_path in sorted(directory.glob("*" + _RECORD_SUFFIX)):
        record = _read_record(record_path)
        if record is None:
            continue
        target = record_path.with_name(record_path.name[:-len(_RECORD_SUFFIX)])
        partial, _ = _partial_paths(target)
        try:
            found.append(PendingDownload(
                repo_id=str(record["repo_id"]), filename=str(record["filename"]),
                revision=str(record.get("revision", "main")), target=target,
                downloaded=partial.stat().st_size if partial.exists() else 0,
                total=int(record["size"])))
        except (KeyError, TypeError, ValueError):
            continue
    return found


def discard_partial(target: Path) -> None:
    for path in _partial_paths(target):
        path.unlink(missing_ok=True)


# -- the transfer -------------------------------------------------------------------------


class _Reporter:
    """Throttled progress with a sliding-window speed, so the GUI is not flooded."""

    def __init__(self, callback: ProgressCallback | None, total: int, resumed_from: int) -> None:
        self.callback = callback
        self.total = total
        self.resumed_from = resumed_from
        self._samples: deque[tuple[float, int]] = deque()
        self._last = 0.0

    def report(self, phase: Phase, done: int, force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if phase == "downloading":
            self._samples.append((now, done))
            while len(self._samples) > 2 and now - self._samples[0][0] > _SPEED_WINDOW:
                self._samples.popleft()
        if not force and now - self._last < _PROGRESS_INTERVAL:
            return
        self._last = now
        speed = 0.0
        if len(self._samples) >= 2:
            (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
            if t1 > t0:
                speed = (b1 - b0) / (t1 - t0)
        eta = (self.total - done) / speed if speed > 0 else None
        if phase == "done":
            eta = 0.0
        self.callback(DownloadProgress(phase, done, self.total, speed, eta, self.resumed_from))


class _Digests:
    def __init__(self, remote: RemoteFile) -> None:
        self.remote = remote
        self.reset()

    def reset(self) -> None:
        self.sha256 = hashlib.sha256()
        # A git blob id hashes a "blob <size>\0" header before the content.
        self.sha1 = (hashlib.sha1(b"blob %d\0" % self.remote.size)
                     if self.remote.git_sha1 else None)

    def update(self, data: bytes) -> None:
        if self.remote.sha256:
            self.sha256.update(data)
        if self.sha1 is not None:
            self.sha1.update(data)

    def matches(self) -> bool:
        if self.remote.sha256:
            return self.sha256.hexdigest() == self.remote.sha256
        return self.sha1 is not None and self.sha1.hexdigest() == self.remote.git_sha1


def _check_disk_space(directory: Path, needed: int) -> None:
    free = shutil.disk_usage(directory).free
    if free < needed + _DISK_MARGIN:
        raise DownloadError("no_disk_space_download", directory=directory,
                            needed=f"{needed / 1e9:.2f}", free=f"{free / 1e9:.2f}")


def _hash_existing(partial: Path, length: int, digests: _Digests, reporter: _Reporter,
                   cancel: Cancel | None) -> None:
    done = 0
    with partial.open("rb") as handle:
        while done < length:
            block = handle.read(min(4 * 1024 * 1024, length - done))
            if not block:
                break
            digests.update(block)
            done += len(block)
            reporter.report("checking", done)
            if _is_cancelled(cancel):
                raise DownloadCancelled("download_cancelled_start_again")


def download_file(repo_id: str, filename: str, *, revision: str = "main",
                  target_dir: Path | None = None, token: str | None = None,
                  progress: ProgressCallback | None = None, cancel: Cancel | None = None,
                  endpoint: str | None = None, retries: int = 3,
                  retry_wait: float = 1.0) -> Path:
    """Download *filename* from *repo_id* into *target_dir*; return the verified file.

    Resumes a partial file left by an earlier attempt when the Hub still serves the
    same bytes (same size and checksum). A transfer cut short is resumed up to
    *retries* times within this call. The file appears under its final name only
    after its checksum matched the Hub's metadata.
    """
    directory = Path(target_dir) if target_dir else models_dir()
    endpoint = (endpoint or hub_endpoint()).rstrip("/")
    if not directory.is_dir():
        raise DownloadError("folder_not_exist", parent=directory)
    target = directory / Path(filename).name
    if target.exists():
        raise DownloadError("already_exists_remove_rename", target=target)
    remote = fetch_metadata(repo_id, filename, revision, token=token, endpoint=endpoint)
    if remote.checksum is None:
        raise DownloadError("hub_gave_no_checksum", filename=filename)
    partial, record_path = _partial_paths(target)
    record = _read_record(record_path)
    resume_from = 0
    if record == _record_for(remote) and partial.exists():
        resume_from = partial.stat().st_size
        if resume_from > remote.size:
            resume_from = 0
    if resume_from == 0:
        discard_partial(target)
        atomic_write_text(record_path, json.dumps(_record_for(remote)) + "\n")
    _check_disk_space(directory, remote.size - resume_from)

    reporter = _Reporter(progress, remote.size, resume_from)
    digests = _Digests(remote)
    if resume_from:
        _hash_existing(partial, resume_from, digests, reporter, cancel)
    done = _transfer(remote, partial, resume_from, digests, reporter, cancel, token, endpoint,
                     retries, retry_wait)
    reporter.report("verifying", done, force=True)
    if done != remote.size or not digests.matches():
        discard_partial(target)
        raise ChecksumError("failed_checksum_downloaded_bytes", filename=filename)
    os.replace(partial, target)
    record_path.unlink(missing_ok=True)
    reporter.report("done", done, force=True)
    return target


def _transfer(remote: RemoteFile, partial: Path, offset: int, digests: _Digests,
              reporter: _Reporter, cancel: Cancel | None, token: str | None, endpoint: str,
              retries: int, retry_wait: float) -> int:
    """Stream the rest of the file into *partial*; return how many bytes it holds."""
    import httpx2
    from huggingface_hub import errors as hf_errors

    attempt = 0
    with partial.open("r+b" if offset else "wb") as out:
        out.seek(offset)
        out.truncate()
        while offset < remote.size:
            if _is_cancelled(cancel):
                raise DownloadCancelled("download_cancelled_start_again")
            before = offset
            try:
                offset = _stream_once(remote, out, offset, digests, reporter, cancel, token)
            except DownloadError:
                raise
            except (hf_errors.HfHubHTTPError, hf_errors.OfflineModeIsEnabled) as exc:
                raise translate_error(exc, remote.repo_id, remote.filename, endpoint,
                                       bool(token)) from exc
            except httpx2.TransportError as exc:
                # Every byte written so far is kept: resume right after the last one.
                offset = out.tell()
                attempt = 1 if offset > before else attempt + 1
                if attempt > retries:
                    raise DownloadError(
                        "download_interrupted_after_bytes", filename=remote.filename,
                        offset=f"{offset:,}", size=f"{remote.size:,}",
                        error=type(exc).__name__) from exc
                time.sleep(retry_wait * attempt)
            except OSError as exc:
                raise DownloadError("could_not_write", out_path=partial,
                                    failure_reason=exc.strerror or exc) from exc
        out.flush()
        os.fsync(out.fileno())
    return offset


def _stream_once(remote: RemoteFile, out: Any, offset: int, digests: _Digests,
                 reporter: _Reporter, cancel: Cancel | None, token: str | None) -> int:
    from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

    headers = build_hf_headers(token=token, headers={"Accept-Encoding": "identity"})
    if offset:
        headers["Range"] = f"bytes={offset}-"
    with get_session().stream("GET", remote.url, headers=headers, timeout=60.0) as response:
        hf_raise_for_status(response)
        if offset and response.status_code != 206:
            # The server ignored the range: start over rather than append the whole file.
            out.seek(0)
            out.truncate()
            digests.reset()
            offset = 0
        elif offset:
            content_range = response.headers.get("Content-Range", "")
            if not content_range.startswith(f"bytes {offset}-"):
                raise DownloadError("server_resumed_wrong_place", filename=remote.filename,
                                    content_range=content_range or 'no Content-Range')
        try:
            for chunk in response.iter_bytes():
                if _is_cancelled(cancel):
                    out.flush()
                    raise DownloadCancelled("download_cancelled_start_again")
                if offset + len(chunk) > remote.size:
                    raise DownloadError("server_sent_more_bytes", filename=remote.filename)
                out.write(chunk)
                digests.update(chunk)
                offset += len(chunk)
                reporter.report("downloading", offset)
        finally:
            out.flush()
    return offset
