"""Secrets in the keyring (a test backend), and the opt-in plain-file fallback."""

from __future__ import annotations

import json
import stat

import pytest

from bayling_desktop.config import Settings, load_settings, save_settings, settings_path
from bayling_desktop.models import secrets
from tests.memkeyring import MemoryKeyring


def test_hub_token_round_trips_through_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert secrets.get_hub_token() is None
    secrets.set_hub_token("  hf_abc123 \n")
    assert memory_keyring.store == {(secrets.SERVICE, secrets.HUB_TOKEN): "hf_abc123"}
    assert secrets.get_hub_token() == "hf_abc123"
    secrets.set_hub_token("")
    assert secrets.get_hub_token() is None
    secrets.delete_secret(secrets.HUB_TOKEN)  # deleting twice is fine


def test_api_keys_are_per_server(memory_keyring: MemoryKeyring) -> None:
    secrets.set_remote_api_key("http://a.example:8080/v1/", "key-a")
    secrets.set_remote_api_key("http://b.example:8080/v1", "key-b")
    assert secrets.get_remote_api_key("http://A.example:8080/v1") == "key-a"
    assert secrets.get_remote_api_key("http://b.example:8080/v1/") == "key-b"
    assert secrets.get_remote_api_key("http://c.example") is None


def test_secrets_never_reach_the_settings_file(memory_keyring: MemoryKeyring) -> None:
    settings = Settings(remote_base_url="http://srv/v1")
    secrets.set_remote_api_key(settings.remote_base_url, "sk-very-secret", settings)
    save_settings(settings)
    assert "sk-very-secret" not in settings_path().read_text()
    assert not secrets.plaintext_path().exists()


def test_no_keyring_is_a_clear_error(no_keyring: None) -> None:
    assert not secrets.keyring_available()
    with pytest.raises(secrets.NoKeyringError, match=r"No system keyring.*plain file"):
        secrets.set_hub_token("hf_x", Settings())
    assert secrets.get_hub_token(Settings()) is None
    assert not secrets.plaintext_path().exists()


def test_plaintext_fallback_only_when_allowed(no_keyring: None) -> None:
    settings = Settings(allow_plaintext_secrets=True)
    secrets.set_hub_token("hf_plain", settings)
    path = secrets.plaintext_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {secrets.HUB_TOKEN: "hf_plain"}
    assert secrets.get_hub_token(settings) == "hf_plain"
    # Without the opt-in the file is not even read.
    assert secrets.get_hub_token(Settings()) is None
    secrets.delete_secret(secrets.HUB_TOKEN, settings)
    assert json.loads(path.read_text()) == {}
    save_settings(settings)
    assert load_settings().allow_plaintext_secrets is True


def test_locked_keyring_is_reported(memory_keyring: MemoryKeyring,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.errors

    def locked(*args: object) -> None:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    with pytest.raises(secrets.SecretsError, match="locked"):
        secrets.set_hub_token("hf_x")


def test_redact_hides_secrets() -> None:
    assert secrets.redact("auth Bearer sk-1 failed", "sk-1", None) == "auth Bearer *** failed"
