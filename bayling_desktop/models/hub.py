"""The Hugging Face Hub as this app sees it: its address, what it says about a file
(size, checksum, commit) and its refusals as one sentence each. :mod:`.download` fetches
the bytes; the model builder (:mod:`.build.hub`) asks what a repository holds.

huggingface_hub is imported only when the Hub is asked something: it reads ``HF_ENDPOINT``
and ``HF_HUB_*`` settings once, at import.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..errors import BaylingError
from ..sentences import Sentence

# Nothing leaves the machine but the download asked for: huggingface_hub 2.x otherwise
# asks the Hub for its "agent harnesses" list (GET /api/agent-harnesses) to fill in its
# user agent, and adds library versions to it. Read by huggingface_hub when imported,
# which this module does only when a download or a Hub lookup is asked for.
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

DEFAULT_ENDPOINT = "https://huggingface.co"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_GIT_SHA1 = re.compile(r"^[0-9a-f]{40}$")


class DownloadError(BaylingError):
    """A download failed; ``str()`` says why and what to do."""


class DownloadCancelled(DownloadError):
    """The user cancelled; the partial file is kept so the download can resume."""


class HubAuthError(DownloadError):
    """The Hub wants a token (401) or refuses the one given (403, gated repo)."""


class HubNotFoundError(DownloadError):
    """The repository, revision or file does not exist on the Hub (404)."""


class ChecksumError(DownloadError):
    """The downloaded bytes do not match the Hub's checksum; the file was removed."""


@dataclass(frozen=True)
class RemoteFile:
    repo_id: str
    filename: str
    revision: str
    url: str
    size: int
    #: sha256 of an LFS file (the Hub's X-Linked-Etag), None for small git files
    sha256: str | None
    #: git blob sha1 of a non-LFS file (its ETag), used when no sha256 exists
    git_sha1: str | None
    commit_hash: str | None

    @property
    def checksum(self) -> str | None:
        return self.sha256 or self.git_sha1


def hub_endpoint() -> str:
    """The Hub address, read now: huggingface_hub reads ``HF_ENDPOINT`` once at import."""
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def file_url(repo_id: str, filename: str, revision: str = "main",
             endpoint: str | None = None) -> str:
    from huggingface_hub import hf_hub_url

    return hf_hub_url(repo_id, filename, revision=revision, endpoint=endpoint or hub_endpoint())


# -- errors -------------------------------------------------------------------------------


def _status_of(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


def translate_error(exc: BaseException, repo_id: str, filename: str, endpoint: str,
                     has_token: bool) -> DownloadError:
    """Turn a huggingface_hub / httpx2 exception into one sentence for the user."""
    import httpx2
    from huggingface_hub import errors as hf_errors

    what = Sentence("file_from_repo", filename=filename, repo_id=repo_id)
    if isinstance(exc, hf_errors.OfflineModeIsEnabled):
        return DownloadError("downloads_switched_off_because")
    if isinstance(exc, hf_errors.GatedRepoError) or (
            _status_of(exc) == 403 and "gated" in str(exc).lower()):
        return HubAuthError("repository_gated_accept_terms", repo_id=repo_id)
    status = _status_of(exc)
    if status == 401:
        if has_token:
            return HubAuthError("hub_refused_your_access", repo_id=repo_id)
        return HubAuthError("downloading_needs_hugging_face", what=what)
    if status == 403:
        return HubAuthError("hub_denied_access_your", what=what)
    if isinstance(exc, hf_errors.RevisionNotFoundError):
        return HubNotFoundError("repository_no_such_revision", repo_id=repo_id)
    if isinstance(exc, hf_errors.RemoteEntryNotFoundError):
        return HubNotFoundError("repository_no_file_named", repo_id=repo_id, filename=filename)
    if isinstance(exc, hf_errors.RepositoryNotFoundError):
        return HubNotFoundError("repository_not_exist_hub", repo_id=repo_id)
    if status == 404:
        return HubNotFoundError("not_found_repository_check", filename=filename, repo_id=repo_id)
    if status is not None and status >= 500:
        return DownloadError("hub_had_server_error", status=status, what=what)
    if status is not None:
        return DownloadError("hub_answered", status=status, what=what)
    if isinstance(exc, httpx2.ConnectError | httpx2.ConnectTimeout):
        return DownloadError("could_not_reach_check", endpoint=endpoint)
    if isinstance(exc, httpx2.TimeoutException):
        return DownloadError("did_not_answer_time", endpoint=endpoint)
    if isinstance(exc, httpx2.TransportError):
        return DownloadError("connection_failed_try_again", endpoint=endpoint,
                             error=type(exc).__name__)
    return DownloadError("could_not_download", what=what, error=exc)


def hf_errors() -> tuple[type[BaseException], ...]:
    import httpx2
    from huggingface_hub import errors as hf_errors

    return (hf_errors.HfHubHTTPError, hf_errors.OfflineModeIsEnabled, httpx2.HTTPError)


# -- metadata -----------------------------------------------------------------------------


def fetch_metadata(repo_id: str, filename: str, revision: str = "main", *,
                   token: str | None = None, endpoint: str | None = None,
                   timeout: float = 15.0) -> RemoteFile:
    """HEAD the file on the Hub: its size, checksum and the commit it resolves to."""
    from huggingface_hub import get_hf_file_metadata

    endpoint = (endpoint or hub_endpoint()).rstrip("/")
    url = file_url(repo_id, filename, revision, endpoint)
    try:
        meta = get_hf_file_metadata(url, token=token, timeout=timeout, endpoint=endpoint)
    except hf_errors() as exc:
        raise translate_error(exc, repo_id, filename, endpoint, bool(token)) from exc
    if meta.size is None:
        raise DownloadError("hub_did_not_report", filename=filename)
    etag = (meta.etag or "").lower()
    return RemoteFile(
        repo_id=repo_id, filename=filename, revision=revision, url=url, size=meta.size,
        sha256=etag if _SHA256.match(etag) else None,
        git_sha1=etag if _GIT_SHA1.match(etag) else None,
        commit_hash=meta.commit_hash)
