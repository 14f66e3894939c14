"""The encrypted case file: round trip, wrong passphrase, damage and tampering anywhere, versions,
crafted key-derivation settings, failed saves, and locking."""

from __future__ import annotations

import errno
import hashlib
import json
import stat
import struct
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from navigator.core import case_file
from navigator.core.case import Note, ReportState
from navigator.core.case_file import (
    CHECKSUM,
    HEADER,
    MAGIC,
    PREFIX,
    AlteredError,
    CaseFile,
    CaseFileError,
    DamagedError,
    ExistsError,
    KdfParams,
    LockedError,
    NewerVersionError,
    NotACaseFileError,
    ReadError,
    SaveError,
    UnsupportedError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from tests.case_helpers import PASSPHRASE, T0, cheap_kdf, filled, write


@pytest.fixture(autouse=True)
def _cheap(monkeypatch, request):
    if request.node.name != "test_shipped_key_derivation_settings":
        cheap_kdf(monkeypatch)


def reseal_checksum(blob: bytes) -> bytes:
    """What someone changing the file on purpose would do: fix the unkeyed checksum at the end."""
    body = blob[:-CHECKSUM]
    return body + hashlib.sha256(body).digest()


def flip(blob: bytes, offset: int, bit: int = 0) -> bytes:
    changed = bytearray(blob)
    changed[offset] ^= 1 << bit
    return bytes(changed)


def test_shipped_key_derivation_settings():
    """Argon2id with 128 MiB and 4 passes (about half a second here; PRIVACY.md), and nothing else accepted."""
    assert KdfParams(memory_kib=131072, passes=4, lanes=1) == case_file.DEFAULT_KDF
    assert frozenset({case_file.DEFAULT_KDF}) == case_file.ALLOWED_KDF


def test_round_trip(tmp_path):
    path = tmp_path / "case.navcase"
    original = filled(path)
    opened = CaseFile.unlock(path, PASSPHRASE, write)
    assert opened.case.to_json() == original.case.to_json()
    assert opened.case.intact
    state = opened.state(T0)
    assert sorted(state.addresses) == ["a1", "a2"]
    assert state.reports["r4"].state is ReportState.OVERDUE
    assert state.reports["r4"].due is not None and state.reports["r4"].due.over_by == timedelta(hours=24)
    assert state.reports["r5"].state is ReportState.REFUSED
    # The same key keeps saving: no passphrase is asked again while the file is open.
    opened.add(Note(text="second session"), T0)
    assert len(CaseFile.unlock(path, PASSPHRASE, write).case.entries) == len(original.case.entries) + 1


def test_file_is_private_and_holds_nothing_readable(tmp_path):
    path = tmp_path / "case.navcase"
    filled(path)
    blob = path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for secret in (b"forum.example", b"u/someone", b"shot.png", b"helpline", b"reddit", b"address", b"T-1", b'{"format'):
        assert secret not in blob
    # Padded to whole 4 KiB blocks: the size says little about how much the file holds.
    assert (len(blob) - PREFIX - 16 - CHECKSUM) % 4096 == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.navcase"]  # no temporary file left


def test_fresh_nonce_on_every_save_same_salt(tmp_path):
    path = tmp_path / "case.navcase"
    opened = CaseFile.create(path, PASSPHRASE, T0, write)
    nonces, salts = set(), set()
    for number in range(40):
        opened.add(Note(text=f"note {number}"), T0)
        blob = path.read_bytes()
        nonces.add(blob[56:68])
        salts.add(blob[24:40])
    assert len(nonces) == 40
    assert len(salts) == 1


def test_wrong_passphrase_changes_nothing(tmp_path):
    path = tmp_path / "case.navcase"
    filled(path)
    before = path.read_bytes()
    for wrong in ("correct horse battery stapler", "", "Correct horse battery staple"):
        with pytest.raises(WrongPassphraseError):
            CaseFile.unlock(path, wrong, write)
    assert path.read_bytes() == before


def test_passphrase_in_another_unicode_form_opens(tmp_path):
    path = tmp_path / "case.navcase"
    CaseFile.create(path, "contrase\u00f1a segura", T0, write)  # ñ as one character (NFC)
    CaseFile.unlock(path, "contrasen\u0303a segura", write)  # n + combining tilde (NFD, as macOS types it)


# Byte ranges of each part of a file, as (name, start, end); negative ends count from the end.
def parts(blob: bytes) -> dict[str, tuple[int, int]]:
    size = len(blob)
    return {
        "magic": (0, 8),
        "version": (8, 10),
        "kdf id and reserved": (10, 12),
        "kdf settings": (12, 24),
        "salt": (24, 40),
        "key check": (40, 56),
        "nonce": (56, 68),
        "ciphertext": (68, size - CHECKSUM - 16),
        "tag": (size - CHECKSUM - 16, size - CHECKSUM),
        "checksum": (size - CHECKSUM, size),
    }


def test_a_flipped_bit_anywhere_is_damage(tmp_path):
    """Every byte of the file, one bit each (a different bit each time): never opens, never a traceback,
    and no key derivation is spent on it."""
    path = tmp_path / "case.navcase"
    filled(path)
    blob = path.read_bytes()
    calls = []
    real = case_file.derive
    case_file.derive = lambda *a: calls.append(a) or real(*a)  # type: ignore[assignment]
    try:
        for offset in range(len(blob)):
            damaged = flip(blob, offset, offset % 8)
            with pytest.raises((DamagedError, NotACaseFileError)) as caught:
                case_file.open_blob(damaged, PASSPHRASE)
            assert isinstance(caught.value, NotACaseFileError) == (offset < len(MAGIC))
    finally:
        case_file.derive = real  # type: ignore[assignment]
    assert calls == []


@pytest.mark.parametrize("part", ["version", "kdf id and reserved", "kdf settings", "salt", "key check", "nonce", "ciphertext", "tag"])
def test_a_change_made_on_purpose_is_refused(tmp_path, part):
    """Someone who changes a part and recomputes the checksum still cannot make the file open."""
    path = tmp_path / "case.navcase"
    filled(path)
    blob = path.read_bytes()
    start, end = parts(blob)[part]
    for offset in sorted({start, (start + end) // 2, end - 1}):
        for bit in (0, 7):
            with pytest.raises(CaseFileError) as caught:
                case_file.open_blob(reseal_checksum(flip(blob, offset, bit)), PASSPHRASE)
            expected = {
                "version": (NewerVersionError, DamagedError),
                "kdf id and reserved": (UnsupportedError, DamagedError),
                "kdf settings": (UnsupportedError,),
                "salt": (WrongPassphraseError,),
                "key check": (WrongPassphraseError,),
                "nonce": (AlteredError,),
                "ciphertext": (AlteredError,),
                "tag": (AlteredError,),
            }[part]
            assert isinstance(caught.value, expected), (part, offset, bit, caught.value)


def test_every_truncation_is_damage(tmp_path):
    path = tmp_path / "case.navcase"
    filled(path)
    blob = path.read_bytes()
    for length in [*range(0, 200), *range(200, len(blob), 97), len(blob) - 1]:
        with pytest.raises((DamagedError, NotACaseFileError)):
            case_file.open_blob(blob[:length], PASSPHRASE)
    with pytest.raises(DamagedError):
        case_file.open_blob(blob + b"\x00", PASSPHRASE)


def test_newer_version_says_so(tmp_path):
    path = tmp_path / "case.navcase"
    filled(path)
    blob = bytearray(path.read_bytes())
    struct.pack_into(">H", blob, 8, 2)
    with pytest.raises(NewerVersionError):
        case_file.open_blob(reseal_checksum(bytes(blob)), PASSPHRASE)


def test_crafted_settings_never_reach_the_key_derivation(tmp_path, monkeypatch):
    """A file asking for 4 GiB and 1,000 passes is refused at once, before any work."""
    path = tmp_path / "case.navcase"
    filled(path)
    blob = bytearray(path.read_bytes())
    struct.pack_into(">III", blob, 12, 4 * 1024 * 1024, 1000, 16)
    real_derive = case_file.derive
    monkeypatch.setattr(case_file, "derive", lambda *a: pytest.fail("derived a key for a crafted file"))
    started = time.perf_counter()
    with pytest.raises(UnsupportedError):
        case_file.open_blob(reseal_checksum(bytes(blob)), PASSPHRASE)
    assert time.perf_counter() - started < 0.5
    with pytest.raises(UnsupportedError):
        real_derive(PASSPHRASE, b"s" * 16, KdfParams(4 * 1024 * 1024, 1000, 16))


@pytest.mark.parametrize(
    "content",
    [b"", b"NAVCASE", b"hello", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, json.dumps({"format": "navigator-case"}).encode(), b"\x00" * 5000],
)
def test_not_a_case_file(tmp_path, content):
    path = tmp_path / "something.navcase"
    path.write_bytes(content)
    with pytest.raises(NotACaseFileError):
        CaseFile.unlock(path, PASSPHRASE, write)


def test_unreadable_and_folder_and_missing(tmp_path):
    with pytest.raises(ReadError) as caught:
        CaseFile.unlock(tmp_path / "missing.navcase", PASSPHRASE, write)
    assert caught.value.code == errno.ENOENT
    with pytest.raises(NotACaseFileError):
        CaseFile.unlock(tmp_path, PASSPHRASE, write)


def test_a_file_too_large_is_not_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(case_file, "MAX_SIZE", 10_000)
    path = tmp_path / "big.navcase"
    path.write_bytes(MAGIC + b"\x00" * 20_000)
    with pytest.raises(NotACaseFileError):
        CaseFile.unlock(path, PASSPHRASE, write)


def sealed_payload(tmp_path, payload: bytes) -> bytes:
    """A correctly encrypted file (right passphrase) whose plaintext is ``payload``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    path = tmp_path / "case.navcase"
    opened = CaseFile.create(path, PASSPHRASE, T0, write)
    key = opened._key
    assert key is not None
    header = key.header()
    nonce = b"n" * 12
    prefix = header + key.check_value(header) + nonce
    body = prefix + AESGCM(key._parts()[0]).encrypt(nonce, payload, prefix)
    return body + hashlib.sha256(body).digest()


@pytest.mark.parametrize(
    "payload",
    [
        b"not json",
        b"\xff\xfe",
        b"[]",
        b'{"format": "navigator-case", "version": 1}',
        b'{"format": "navigator-case", "version": 1, "created": "2026-01-01T00:00:00Z", "entries": [{"kind": "spell"}]}',
        b'{"format": "navigator-case", "version": 1, "created": "2026-01-01T00:00:00Z", "entries": [1]}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_a_sealed_but_malformed_log_is_refused_plainly(tmp_path, payload):
    """Only someone with the passphrase could make these; still one error, never a traceback."""
    with pytest.raises(AlteredError):
        case_file.open_blob(sealed_payload(tmp_path, payload), PASSPHRASE)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EIO, errno.ENOENT])
def test_a_failed_save_changes_nothing(tmp_path, code):
    """Full disk, read-only folder, no permission, a USB stick pulled out: the change is not kept in
    memory either, so what the screen shows is what the file holds."""
    path = tmp_path / "case.navcase"
    opened = filled(path)
    before_file, before_log = path.read_bytes(), opened.case.to_json()

    def failing(target: Path, data: bytes) -> None:
        raise OSError(code, "simulated")

    opened._write = failing
    with pytest.raises(SaveError) as caught:
        opened.add(Note(text="not saved"), T0)
    assert caught.value.code == code
    assert path.read_bytes() == before_file
    assert opened.case.to_json() == before_log
    opened._write = write
    opened.add(Note(text="saved after all"), T0)
    assert len(CaseFile.unlock(path, PASSPHRASE, write).case.entries) == len(before_log["entries"]) + 1


def test_a_real_full_disk_leaves_the_old_file(tmp_path):
    """The real writer, on a file system with no room: the old file stays whole, no part file is left."""
    import shutil
    import subprocess

    if shutil.which("mount") is None:
        pytest.skip("no mount")
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(small)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here")
    try:
        path = small / "case.navcase"
        opened = CaseFile.create(path, PASSPHRASE, T0, write)
        good = path.read_bytes()
        with pytest.raises(SaveError) as caught:
            for number in range(100):
                opened.add(Note(text=f"{number} " + "x" * 3000), T0)
                good = path.read_bytes()
        assert caught.value.code == errno.ENOSPC
        assert path.read_bytes() == good
        assert [p.name for p in small.iterdir()] == ["case.navcase"]
        CaseFile.unlock(path, PASSPHRASE, write)
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_create_never_replaces_a_file_and_wants_a_real_passphrase(tmp_path):
    path = tmp_path / "case.navcase"
    path.write_bytes(b"someone's file")
    with pytest.raises(ExistsError):
        CaseFile.create(path, PASSPHRASE, T0, write)
    assert path.read_bytes() == b"someone's file"
    with pytest.raises(WeakPassphraseError):
        CaseFile.create(tmp_path / "new.navcase", "short", T0, write)
    assert not (tmp_path / "new.navcase").exists()


def test_lock_drops_key_and_log(tmp_path):
    path = tmp_path / "case.navcase"
    opened = filled(path)
    key = opened._key
    assert key is not None
    opened.lock()
    assert opened.locked and key.wiped
    with pytest.raises(LockedError):
        _ = opened.case
    with pytest.raises(LockedError):
        opened.add(Note(text="after lock"), T0)
    opened.lock()  # twice is fine
    CaseFile.unlock(path, PASSPHRASE, write)


def test_lock_during_a_save_never_seals_with_a_dropped_key(tmp_path):
    """Quick exit while a save runs in a worker thread: the file still opens with the passphrase."""
    path = tmp_path / "case.navcase"
    opened = filled(path)
    entered, release = threading.Event(), threading.Event()

    def slow(target: Path, data: bytes) -> None:
        entered.set()
        release.wait(5)
        write(target, data)

    opened._write = slow
    errors: list[BaseException] = []

    def save() -> None:
        try:
            opened.add(Note(text="during lock"), T0)
        except CaseFileError as exc:
            errors.append(exc)

    worker = threading.Thread(target=save)
    worker.start()
    assert entered.wait(5)
    started = time.perf_counter()
    opened.lock()  # must not wait for the save
    assert time.perf_counter() - started < 0.1
    release.set()
    worker.join(5)
    assert errors == []
    reopened = CaseFile.unlock(path, PASSPHRASE, write)
    assert reopened.case.entries[-1].data == Note(text="during lock")
    with pytest.raises(LockedError):
        opened.add(Note(text="x"), T0)


def test_delete_removes_the_file_and_leftovers(tmp_path):
    path = tmp_path / "case.navcase"
    filled(path)
    leftover = tmp_path / ".case.navcase.part"
    leftover.write_bytes(b"partial")
    case_file.delete(path, (leftover,))
    assert list(tmp_path.iterdir()) == []
    case_file.delete(path)  # already gone: nothing to do


def test_header_layout_is_as_documented():
    assert HEADER.size == 40
    assert PREFIX == 68
    assert MAGIC == b"NAVCASE\x00"
