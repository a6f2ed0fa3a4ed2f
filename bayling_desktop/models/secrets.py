"""Tokens and API keys, kept in the OS keyring and nowhere else by default.

Settings files get copied, synced and attached to bug reports, so a secret never
goes there. When a machine has no keyring (a bare Linux server, a locked-down
session) the user gets a clear message and may opt in, explicitly, to a plain file
that only their account can read.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.errors

from ..config import Settings
from ..errors import BaylingError
from ..fileio import atomic_open
from ..paths import config_dir
from ..redaction import redact as redact  # the one redaction; kept importable here
from ..redaction import remember_secret
from ..sentences import Sentence

log = logging.getLogger(__name__)

SERVICE = "bayling-desktop"
HUB_TOKEN = "huggingface-token"
_PLAINTEXT_FILE = "secrets.json"


class SecretsError(BaylingError):
    """A secret could not be stored or read."""


class NoKeyringError(SecretsError):
    """No usable OS keyring exists and the plain-file fallback was not allowed."""


def remote_api_key_name(base_url: str) -> str:
    """The keyring entry of the API key for one server (keys differ per server)."""
    return "api-key:" + base_url.strip().rstrip("/").lower()


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    try:
        return float(priority) > 0
    except (TypeError, ValueError):
        return True


def plaintext_path() -> Path:
    return config_dir() / _PLAINTEXT_FILE


def _no_keyring() -> NoKeyringError:
    return NoKeyringError(
        "no_system_keyring_available")


def _use_plaintext(settings: Settings | None) -> bool:
    if keyring_available():
        return False
    if settings is not None and settings.allow_plaintext_secrets:
        return True
    raise _no_keyring()


def _read_plaintext() -> dict[str, str]:
    path = plaintext_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SecretsError("secrets_file_unreadable_delete", path=path) from exc
    if not isinstance(data, dict):
        raise SecretsError("secrets_file_damaged_delete", path=path)
    return {str(k): str(v) for k, v in data.items()}


def _write_plaintext(values: dict[str, str]) -> None:
    path = plaintext_path()
    # atomic_open's temporary file is created 0600 (mkstemp); chmod again in case a
    # umask or filesystem changed that, before any secret is written into it.
    with atomic_open(path, "w", app_file=True) as handle:
        os.chmod(handle.name, stat.S_IRUSR | stat.S_IWUSR)
        json.dump(values, handle, indent=2)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


#: what a keyring call was for, as a clause each front end says in its language
_ACTIONS = {"read": Sentence("keyring_read"), "store": Sentence("keyring_store")}


def _keyring_call(action: str, func: Callable[..., Any], *args: str) -> Any:
    try:
        return func(*args)
    except keyring.errors.NoKeyringError:
        raise _no_keyring() from None
    except keyring.errors.KeyringLocked:
        raise SecretsError("system_keyring_locked_unlock") from None
    except keyring.errors.KeyringError as exc:
        # The backend's message may echo what we passed in: log the type only.
        log.warning("keyring %s failed: %s", action, type(exc).__name__)
        raise SecretsError("system_keyring_could_not", action=_ACTIONS[action],
                           error=type(exc).__name__) from None


def get_secret(name: str, settings: Settings | None = None) -> str | None:
    """The stored secret called *name*, or None when there is none."""
    if not keyring_available():
        if settings is not None and settings.allow_plaintext_secrets:
            found = _read_plaintext().get(name)
            remember_secret(found)  # never printed from now on (redaction.py)
            return found
        return None  # nothing can have been stored; reading is not an error
    value = _keyring_call("read", keyring.get_password, SERVICE, name)
    if not isinstance(value, str):
        return None
    remember_secret(value)
    return value


def set_secret(name: str, value: str, settings: Settings | None = None) -> None:
    if not value:
        delete_secret(name, settings)
        return
    if _use_plaintext(settings):
        values = _read_plaintext()
        values[name] = value
        _write_plaintext(values)
        return
    _keyring_call("store", keyring.set_password, SERVICE, name, value)


def delete_secret(name: str, settings: Settings | None = None) -> None:
    """Forget *name*; forgetting a secret that does not exist is not an error."""
    if not keyring_available():
        if settings is not None and settings.allow_plaintext_secrets:
            values = _read_plaintext()
            if values.pop(name, None) is not None:
                _write_plaintext(values)
        return
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise SecretsError("system_keyring_could_not_delete", error=type(exc).__name__) from None


def get_hub_token(settings: Settings | None = None) -> str | None:
    return get_secret(HUB_TOKEN, settings)


def set_hub_token(token: str, settings: Settings | None = None) -> None:
    set_secret(HUB_TOKEN, token.strip(), settings)


def get_remote_api_key(base_url: str, settings: Settings | None = None) -> str | None:
    return get_secret(remote_api_key_name(base_url), settings)


def set_remote_api_key(base_url: str, key: str, settings: Settings | None = None) -> None:
    set_secret(remote_api_key_name(base_url), key.strip(), settings)


