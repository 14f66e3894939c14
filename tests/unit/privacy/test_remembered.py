"""The opt-in settings file: encrypted, exact about what it holds, safe to get wrong, easy to delete."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from navigator.privacy import remembered as remember
from navigator.privacy.files import part_path
from navigator.privacy.remembered import DamagedFileError, Lock, RememberError, Settings, Store, WrongPassphraseError, settings_path


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch, request):
    """The shipped cost is checked in test_shipped_key_stretching_cost; the rest stay quick."""
    if request.node.name != "test_shipped_key_stretching_cost":
        monkeypatch.setattr(remember, "SCRYPT_N", 2**14)


SETTINGS = Settings(language="es", text_scale=1.3, high_contrast=True, plain_window=True)


def test_round_trip(tmp_path):
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    settings, lock = store.load("correct horse")
    assert settings == SETTINGS
    # The same key keeps saving (no passphrase asked again during a session).
    store.save(Settings(language="fr"), lock)
    assert store.load("correct horse")[0].language == "fr"


def test_nothing_readable_in_the_file(tmp_path):
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    blob = store.path.read_bytes()
    document = json.loads(blob)
    assert set(document) == {"format", "version", "kdf", "cipher", "nonce", "data"}
    for secret in (b"language", b'"es"', b"text_scale", b"contrast", b"plain"):
        assert secret not in blob


def test_file_and_folder_are_private(tmp_path):
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["remembered-settings"]  # no temporary file left


def test_wrong_passphrase_changes_nothing(tmp_path):
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    before = store.path.read_bytes()
    with pytest.raises(WrongPassphraseError):
        store.load("wrong horse")
    assert store.path.read_bytes() == before
    assert store.load("correct horse")[0] == SETTINGS


def test_tampering_is_refused(tmp_path):
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    document = json.loads(store.path.read_bytes())
    document["kdf"]["p"] = 2  # the header is authenticated too
    store.path.write_text(json.dumps(document))
    with pytest.raises(WrongPassphraseError):
        store.load("correct horse")


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "something else"}',
        b'{"format": "navigator-remembered-settings", "version": 1}',
        "é".encode("latin-1"),
    ],
)
def test_damaged_file_is_reported(tmp_path, blob):
    path = tmp_path / "s"
    path.write_bytes(blob)
    with pytest.raises(DamagedFileError):
        Store(path).load("correct horse")
    assert path.read_bytes() == blob


def test_unreasonable_cost_is_refused_before_any_work(tmp_path):
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    document = json.loads(store.path.read_bytes())
    document["kdf"]["n"] = 2**30
    store.path.write_text(json.dumps(document))
    with pytest.raises(DamagedFileError):
        store.load("correct horse")


def test_passphrase_rules():
    with pytest.raises(RememberError, match="too short"):
        remember.check_new_passphrase("short")
    with pytest.raises(RememberError, match="different"):
        remember.check_new_passphrase("long enough", "long enougH")
    remember.check_new_passphrase("long enough", "long enough")


def test_forget_removes_file_and_our_folder(tmp_path):
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    store.forget()
    assert not (tmp_path / "navigator").exists()
    store.forget()  # forgetting twice is fine


def test_forget_removes_what_an_interrupted_save_left_and_the_folder(tmp_path):
    """A save cut short (a power cut) leaves the writer's temporary file, encrypted settings in it.

    Its name comes from the writer itself, so this test cannot drift from what the writer writes."""
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    leftover = part_path(store.path)
    leftover.write_bytes(Lock.new("correct horse").seal(SETTINGS))
    store.forget()
    assert not leftover.exists()
    assert not (tmp_path / "navigator").exists()


def test_forget_removes_the_leftover_name_of_earlier_versions(tmp_path):
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    (store.path.parent / "remembered-settings.new").write_text("left by a power cut")
    store.forget()
    assert not (tmp_path / "navigator").exists()


def test_forget_leaves_other_files_alone(tmp_path):
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    (store.path.parent / "not-ours.txt").write_text("keep")
    store.forget()
    assert [p.name for p in store.path.parent.iterdir()] == ["not-ours.txt"]


def test_settings_from_odd_data():
    odd = {"language": "../../etc", "text_scale": 99, "high_contrast": "yes", "plain_window": True, "extra": 1}
    assert Settings.from_dict(odd) == Settings(plain_window=True)
    assert Settings.from_dict({"language": "pt_BR", "text_scale": 1.5}) == Settings(language="pt_BR", text_scale=1.5)


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"HOME": "/home/a"}, "linux", "/home/a/.config/navigator/remembered-settings"),
        ({"HOME": "/home/a", "XDG_CONFIG_HOME": "/cfg"}, "linux", "/cfg/navigator/remembered-settings"),
        ({"HOME": "/home/a", "XDG_CONFIG_HOME": "relative"}, "linux", "/home/a/.config/navigator/remembered-settings"),
        ({"HOME": "/Users/a"}, "darwin", "/Users/a/Library/Application Support/Navigator/remembered-settings"),
        (
            {"USERPROFILE": "C:/Users/a", "APPDATA": "C:/Users/a/AppData/Roaming"},
            "win32",
            "C:/Users/a/AppData/Roaming/Navigator/remembered-settings",
        ),
    ],
)
def test_where_the_file_goes(env, platform, expected):
    assert settings_path(env, platform) == Path(expected)


def test_shipped_key_stretching_cost(tmp_path):
    """Slow enough (about a quarter of a second) that guessing passphrases is slow."""
    assert (remember.SCRYPT_N, remember.SCRYPT_R, remember.SCRYPT_P) == (2**17, 8, 1)
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    assert json.loads(store.path.read_bytes())["kdf"]["n"] == 2**17
