"""The opt-in settings file: encrypted, exact about what it holds, safe to get wrong, easy to delete."""

from __future__ import annotations

import base64
import hashlib
import json
import stat
import time
from pathlib import Path

import pytest

from navigator.privacy import remembered as remember
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
    assert set(document) == {"format", "version", "kdf", "cipher", "nonce", "data", "check"}
    for secret in (b"language", b'"es"', b"text_scale", b"contrast", b"plain"):
        assert secret not in blob


def test_folders_are_made_private(tmp_path):
    """Our folder becomes private even if it was there before (0755), and a missing ~/.config is
    made private; a folder that was there already and is not ours is left as it was."""
    config = tmp_path / "home" / ".config"
    (config / "navigator").mkdir(parents=True)
    (config / "navigator").chmod(0o755)
    config.chmod(0o755)
    Store(config / "navigator" / "remembered-settings").save(SETTINGS, Lock.new("correct horse"))
    assert stat.S_IMODE((config / "navigator").stat().st_mode) == 0o700
    assert stat.S_IMODE(config.stat().st_mode) == 0o755
    fresh = tmp_path / "fresh" / ".config" / "navigator" / "remembered-settings"
    (tmp_path / "fresh").mkdir()
    Store(fresh).save(SETTINGS, Lock.new("correct horse"))
    assert stat.S_IMODE(fresh.parent.stat().st_mode) == stat.S_IMODE(fresh.parent.parent.stat().st_mode) == 0o700


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


def _rewritten(store: Store, change, recheck: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Change the saved file as someone who can write it would; with ``recheck``, also make its
    damage check match again (anyone can: it is a plain SHA-256), so only the cipher can refuse it."""
    document = json.loads(store.path.read_bytes())
    change(document)
    if recheck and "check" in document:
        fields = {k: v for k, v in document.items() if k != "check"}
        document["check"] = hashlib.sha256(json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    store.path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (lambda d: d["kdf"].update(salt=base64.b64encode(b"\0" * 16).decode()), WrongPassphraseError),
        (lambda d: d.update(nonce=base64.b64encode(b"\0" * 12).decode()), WrongPassphraseError),
        (lambda d: d.update(cipher="ROT13"), DamagedFileError),  # the review's finding: was ignored
        (lambda d: d["kdf"].update(p=2), DamagedFileError),
        (lambda d: d["kdf"].update(name="pbkdf2"), DamagedFileError),
        (lambda d: d.update(version=1), DamagedFileError),  # version 1 had no check field
        (lambda d: (d.update(version=1), d.pop("check")), WrongPassphraseError),  # nor the same authenticated header
        (lambda d: d.update(extra="x"), DamagedFileError),
        (lambda d: d.pop("check"), DamagedFileError),
    ],
)
def test_every_header_field_is_checked(tmp_path, change, refusal):
    """Each field of the file is either checked before the key is worked out or authenticated by
    the cipher (security review F14): changed on purpose, it is refused, never read."""
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    _rewritten(store, change)
    with pytest.raises(refusal):
        store.load("correct horse")


def test_damage_is_told_apart_from_a_wrong_passphrase(tmp_path):
    """A flipped bit anywhere (a failing disk, a bad copy) says "damaged", not "wrong passphrase"."""
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    good = store.path.read_bytes()
    data_at = good.index(b'"data": "') + len(b'"data": "') + 3
    for at in (data_at, good.index(b'"salt": "') + 12, good.index(b'"nonce": "') + 12):
        damaged = bytearray(good)
        damaged[at] = ord("A") if damaged[at] != ord("A") else ord("B")
        store.path.write_bytes(bytes(damaged))
        with pytest.raises(DamagedFileError):
            store.load("correct horse")


def test_crafted_costs_are_refused_before_any_key_is_worked_out(tmp_path, monkeypatch):
    """The review's file: n=2^20, r=32 (22 s and 4 GB) and p=16, with a matching check. Only the
    exact costs Navigator writes are accepted, and the refusal comes before scrypt runs."""
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    monkeypatch.setattr(remember, "derive_key", lambda *a: pytest.fail("a key was worked out"))
    for kdf in ({"n": 2**20, "r": 32}, {"p": 16}, {"n": 2**14}):
        _rewritten(store, lambda d, kdf=kdf: d["kdf"].update(kdf))
        started = time.monotonic()
        with pytest.raises(DamagedFileError):
            store.load("correct horse")
        assert time.monotonic() - started < 0.5


@pytest.mark.parametrize("blob", [b"[" * 100_000 + b"]" * 100_000, b"[" * 2000 + b"]" * 2000, b'{"a":' * 800 + b"1" + b"}" * 800])
def test_deep_nesting_is_a_damaged_file(tmp_path, blob):
    """Was an unhandled RecursionError (security review F14)."""
    path = tmp_path / "s"
    path.write_bytes(blob)
    with pytest.raises(DamagedFileError):
        Store(path).load("correct horse")


def test_a_newer_version_says_so(tmp_path):
    store = Store(tmp_path / "s")
    store.save(SETTINGS, Lock.new("correct horse"))
    _rewritten(store, lambda d: d.update(version=3, something_new=True))
    before = store.path.read_bytes()
    with pytest.raises(remember.NewerVersionError):
        store.load("correct horse")
    assert store.path.read_bytes() == before


def test_version_1_files_still_open_and_become_version_2(tmp_path):
    """A file saved before version 2 (its header authenticated without the cipher's name)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    lock = Lock.new("correct horse")
    nonce = b"\1" * 12
    header = {
        "format": remember.MAGIC,
        "version": 1,
        "kdf": {"name": "scrypt", "n": lock.n, "r": lock.r, "p": lock.p, "salt": base64.b64encode(lock.salt).decode()},
    }
    secret = AESGCM(lock.key).encrypt(nonce, json.dumps({"language": "fr"}).encode(), json.dumps(header, sort_keys=True).encode())
    store = Store(tmp_path / "s")
    store.path.write_text(
        json.dumps(
            {**header, "cipher": "AES-256-GCM", "nonce": base64.b64encode(nonce).decode(), "data": base64.b64encode(secret).decode()}
        )
    )
    settings, opened = store.load("correct horse")
    assert settings.language == "fr"
    store.save(settings, opened)
    assert json.loads(store.path.read_bytes())["version"] == 2


def test_the_size_says_nothing_about_the_settings(tmp_path):
    """Every combination of choices gives a file of the same size (was 364, 368 or 372 bytes)."""
    lock = Lock.new("correct horse")
    sizes = set()
    for language in ("", "es", "fr", "ar", "pt_BR"):
        for scale in (0.8, 1.0, 1.3, 2.0):
            for contrast in (False, True):
                for plain in (False, True):
                    sizes.add(len(lock.seal(Settings(language, scale, contrast, plain))))
    assert len(sizes) == 1


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


@pytest.mark.parametrize(
    "passphrase",
    [
        "12345678",
        "password",
        "Password123!",
        "pass word",
        "qwertyuiop",
        "87654321",
        "aaaaaaaaaa",
        "abababab",
        "iloveyou!!",
        "abcdefgh",
        "zyxwvuts",
        "Navigator2026",
    ],
)
def test_very_common_passphrases_are_refused(passphrase):
    """Among the first any guesser tries (the review's "12345678" passed)."""
    with pytest.raises(RememberError, match="too common"):
        remember.check_new_passphrase(passphrase, passphrase)


@pytest.mark.parametrize("passphrase", ["correct horse", "my dog Rex 2019", "Ciel bleu à Lyon", "كلمة سر طويلة"])
def test_ordinary_passphrases_pass(passphrase):
    remember.check_new_passphrase(passphrase, passphrase)


def test_forget_removes_file_and_our_folder(tmp_path):
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    store.forget()
    assert not (tmp_path / "navigator").exists()
    store.forget()  # forgetting twice is fine


def test_forget_removes_what_an_interrupted_save_left_and_the_folder(tmp_path):
    """A save cut short (a power cut) leaves the writer's temporary file, encrypted settings in it.

    Its name is the writer's (a random part between ".remembered-settings." and ".part")."""
    store = Store(tmp_path / "navigator" / "remembered-settings")
    store.save(SETTINGS, Lock.new("correct horse"))
    leftover = store.path.with_name(".remembered-settings.k2j4h5.part")
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
