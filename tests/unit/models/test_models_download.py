"""Hub downloads against a local server that speaks the Hub's file-resolve protocol."""

from __future__ import annotations

import hashlib
import socket
import threading
from collections import namedtuple
from pathlib import Path

import pytest

from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.models import download
from bayling_desktop.models.download import DownloadProgress, download_file, pending_downloads
from bayling_desktop.models.hub import (
    ChecksumError,
    DownloadCancelled,
    DownloadError,
    HubAuthError,
    HubNotFoundError,
    fetch_metadata,
)
from bayling_desktop.paths import models_dir
from tests.hubserver import HubServer, payload

REPO = "org/bayling-test-GGUF"
SIZE = 3_000_000


def test_metadata_reads_lfs_and_git_headers(hub: HubServer) -> None:
    big = hub.add(REPO, "model.gguf", payload(SIZE))
    small = hub.add(REPO, "config.json", b'{"a": 1}\n', lfs=False)
    lfs = fetch_metadata(REPO, "model.gguf")
    assert (lfs.size, lfs.sha256, lfs.git_sha1) == (SIZE, big.sha256, None)
    assert lfs.commit_hash == "0123456789abcdef0123456789abcdef01234567"
    assert lfs.url.startswith(hub.url + f"/{REPO}/resolve/main/")
    git = fetch_metadata(REPO, "config.json")
    assert (git.size, git.sha256, git.git_sha1) == (9, None, small.git_sha1)


def test_full_download_reports_progress_and_verifies(hub: HubServer) -> None:
    data = payload(SIZE)
    hub.add(REPO, "model.gguf", data)
    seen: list[DownloadProgress] = []
    path = download_file(REPO, "model.gguf", progress=seen.append)
    assert path == models_dir() / "model.gguf"
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest()
    assert seen[-1].phase == "done"
    assert seen[-1].downloaded == seen[-1].total == SIZE
    assert [p.downloaded for p in seen] == sorted(p.downloaded for p in seen)
    assert not list(path.parent.glob("*.incomplete*"))
    assert hub.body_bytes_sent() == SIZE


def test_small_git_file_is_checked_with_its_git_sha1(hub: HubServer, tmp_path: Path) -> None:
    hub.add(REPO, "tiny.gguf", b"GGUF tiny", lfs=False)
    path = download_file(REPO, "tiny.gguf", target_dir=tmp_path)
    assert path.read_bytes() == b"GGUF tiny"


def test_user_chosen_folder(hub: HubServer, tmp_path: Path) -> None:
    hub.add(REPO, "model.gguf", payload(1000))
    target = tmp_path / "elsewhere"
    target.mkdir()
    assert download_file(REPO, "model.gguf", target_dir=target).parent == target
    with pytest.raises(DownloadError, match="does not exist"):
        download_file(REPO, "model.gguf", target_dir=tmp_path / "missing")


def test_interruption_then_resume_transfers_only_the_rest(hub: HubServer) -> None:
    data = payload(SIZE)
    hub.add(REPO, "model.gguf", data, cut_after=[1_200_000])
    with pytest.raises(DownloadError, match="interrupted after 1,200,000 of 3,000,000 bytes"):
        download_file(REPO, "model.gguf", retries=0)
    [pending] = pending_downloads()
    assert (pending.repo_id, pending.downloaded, pending.total) == (REPO, 1_200_000, SIZE)
    assert not (models_dir() / "model.gguf").exists()

    hub.log.clear()
    seen: list[DownloadProgress] = []
    path = download_file(REPO, "model.gguf", progress=seen.append)
    assert path.read_bytes() == data
    ranged = [s for s in hub.gets() if s.body_bytes]
    assert [(s.range, s.status, s.body_bytes) for s in ranged] == [
        ("bytes=1200000-", 206, SIZE - 1_200_000)]
    assert seen[0].resumed_from == 1_200_000
    assert pending_downloads() == []


def test_a_cut_is_resumed_within_the_same_call(hub: HubServer) -> None:
    data = payload(SIZE)
    hub.add(REPO, "model.gguf", data, cut_after=[500_000, 700_000])
    path = download_file(REPO, "model.gguf", retry_wait=0.0)
    assert path.read_bytes() == data
    assert [s.range for s in hub.gets() if s.body_bytes] == [
        None, "bytes=500000-", "bytes=1200000-"]
    assert hub.body_bytes_sent() == SIZE


def test_a_changed_file_on_the_hub_restarts_from_zero(hub: HubServer) -> None:
    hub.add(REPO, "model.gguf", payload(SIZE), cut_after=[1_000_000])
    with pytest.raises(DownloadError):
        download_file(REPO, "model.gguf", retries=0)
    new = payload(SIZE, seed=99)
    hub.add(REPO, "model.gguf", new)  # a new commit replaced the file
    hub.log.clear()
    assert download_file(REPO, "model.gguf").read_bytes() == new
    assert [s.range for s in hub.gets() if s.body_bytes] == [None]


def test_server_that_ignores_range_still_gives_a_correct_file(hub: HubServer) -> None:
    data = payload(SIZE)
    hosted = hub.add(REPO, "model.gguf", data, cut_after=[800_000])
    with pytest.raises(DownloadError):
        download_file(REPO, "model.gguf", retries=0)
    hosted.ignore_range = True
    assert download_file(REPO, "model.gguf").read_bytes() == data


def test_corrupted_bytes_fail_the_checksum_and_are_removed(hub: HubServer) -> None:
    hub.add(REPO, "model.gguf", payload(SIZE), corrupt_at=(2_345_678,))
    with pytest.raises(ChecksumError, match=r"checksum.*removed"):
        download_file(REPO, "model.gguf")
    assert list(models_dir().iterdir()) == []


def test_corruption_in_the_resumed_part_is_caught_too(hub: HubServer) -> None:
    hosted = hub.add(REPO, "model.gguf", payload(SIZE), cut_after=[1_000_000])
    with pytest.raises(DownloadError):
        download_file(REPO, "model.gguf", retries=0)
    hosted.corrupt_at = (10,)  # only the first, already stored part would differ now
    partial = models_dir() / "model.gguf.incomplete"
    raw = bytearray(partial.read_bytes())
    raw[10] ^= 0xFF  # the disk copy rotted while the app was closed
    partial.write_bytes(bytes(raw))
    with pytest.raises(ChecksumError):
        download_file(REPO, "model.gguf")


def test_401_asks_for_a_token(hub: HubServer) -> None:
    hub.add(REPO, "model.gguf", payload(1000))
    hub.required_token = "hf_secret"
    with pytest.raises(HubAuthError, match="needs a Hugging Face access token"):
        download_file(REPO, "model.gguf")
    with pytest.raises(HubAuthError, match="refused your access token"):
        download_file(REPO, "model.gguf", token="hf_wrong")
    path = download_file(REPO, "model.gguf", token="hf_secret")
    assert path.stat().st_size == 1000
    assert all(s.authorization == "Bearer hf_secret" for s in hub.log[-2:])


def test_gated_repo_says_so(hub: HubServer) -> None:
    hub.add(REPO, "model.gguf", b"x", status=403, error_code="GatedRepo")
    with pytest.raises(HubAuthError, match="gated"):
        download_file(REPO, "model.gguf")


def test_404_names_the_missing_file(hub: HubServer) -> None:
    with pytest.raises(HubNotFoundError, match=r"no file named absent.gguf"):
        download_file(REPO, "absent.gguf")
    hub.add(REPO, "model.gguf", b"x", status=404)
    with pytest.raises(HubNotFoundError, match="404"):
        download_file(REPO, "model.gguf")
    assert list(models_dir().iterdir()) == []


def test_network_down_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    with pytest.raises(DownloadError, match=r"Could not reach .*network connection"):
        download_file(REPO, "model.gguf")


def test_disk_space_is_checked_before_transfer(hub: HubServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    hub.add(REPO, "model.gguf", payload(SIZE))
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(download.shutil, "disk_usage",
                        lambda path: usage(10**9, 10**9 - 1_000, 1_000))
    with pytest.raises(DownloadError, match="Not enough disk space"):
        download_file(REPO, "model.gguf")
    assert hub.gets() == []


def test_cancel_keeps_the_partial_file_for_resume(hub: HubServer) -> None:
    data = payload(SIZE)
    hosted = hub.add(REPO, "model.gguf", data, throttle=0.01)
    cancel = CancelToken()

    def on_progress(progress: DownloadProgress) -> None:
        if progress.downloaded >= 1_000_000:
            cancel.cancel()

    with pytest.raises(DownloadCancelled):
        download_file(REPO, "model.gguf", progress=on_progress, cancel=cancel)
    [pending] = pending_downloads()
    assert 1_000_000 <= pending.downloaded < SIZE
    hosted.throttle = 0.0
    assert download_file(REPO, "model.gguf").read_bytes() == data


def test_cancel_with_a_threading_event_from_another_thread(hub: HubServer) -> None:
    hub.add(REPO, "model.gguf", payload(SIZE))
    stop = threading.Event()
    stop.set()
    with pytest.raises(DownloadCancelled):
        download_file(REPO, "model.gguf", cancel=stop)


def test_existing_target_is_never_overwritten(hub: HubServer) -> None:
    hub.add(REPO, "model.gguf", payload(100))
    (models_dir() / "model.gguf").write_bytes(b"mine")
    with pytest.raises(DownloadError, match="already exists"):
        download_file(REPO, "model.gguf")
    assert (models_dir() / "model.gguf").read_bytes() == b"mine"
    assert hub.log == []


def test_importing_the_module_and_listing_make_no_network_call(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    from bayling_desktop.models import catalog, library

    assert catalog.CATALOG
    library.list_models()
    assert pending_downloads() == []


def test_speed_and_eta_are_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 1.0, 2.0])
    monkeypatch.setattr(download.time, "monotonic", lambda: next(clock))
    seen: list[DownloadProgress] = []
    reporter = download._Reporter(seen.append, total=10_000_000, resumed_from=0)
    reporter.report("downloading", 1_000_000, force=True)
    reporter.report("downloading", 3_000_000, force=True)
    assert seen[-1].speed == pytest.approx(2_000_000)
    assert seen[-1].eta == pytest.approx(3.5)


def test_record_without_partial_file_starts_fresh(hub: HubServer) -> None:
    data = payload(5000)
    hub.add(REPO, "model.gguf", data, cut_after=[2000])
    with pytest.raises(DownloadError):
        download_file(REPO, "model.gguf", retries=0)
    (models_dir() / "model.gguf.incomplete").unlink()
    assert download_file(REPO, "model.gguf").read_bytes() == data
