"""The case file on disk: one encrypted file, in a documented format, saved whole on every change.

Format, version 1 (integers big-endian; PRIVACY.md explains it in plain words):

    offset  size  field
    0       8     magic b"NAVCASE\\0"
    8       2     format version (1)
    10      1     key derivation: 1 = Argon2id (RFC 9106, version 0x13)
    11      1     reserved, 0
    12      4     Argon2id memory, KiB
    16      4     Argon2id passes
    20      4     Argon2id lanes
    24      16    salt (random, new with each passphrase)
    40      16    key check: HMAC-SHA256(check key, bytes 0-39), first 16 bytes
    56      12    nonce (random, new on every save)
    68      n+16  AES-256-GCM ciphertext and tag; the associated data is bytes 0-67
    end-32  32    SHA-256 of every byte before it

Argon2id turns the passphrase into 64 bytes: the first 32 are the AES key, the last 32 the
check key. The plaintext is the log (``navigator.core.case``) as UTF-8 JSON, padded with spaces to
a multiple of 4 KiB so the size says little about how much it holds.

Reading checks the cheap things first, so a damaged or crafted file never costs the half second
(or the memory) of the key derivation: the magic (is it a case file?), the SHA-256 at the end
(every version ends with one: a flipped bit or a cut-off file is "damaged"), the version (a newer
one is said so), and the key derivation settings, which must be exactly one of ``ALLOWED_KDF``: a
file cannot ask for more memory or time than Navigator chose. Then the key check tells a wrong
passphrase apart from a file that was changed on purpose (the SHA-256 recomputed), which the
GCM tag catches.

The writer is passed in (``navigator.privacy.files.write_whole``: a temporary file, fsync, rename), so a
crash or a pulled USB stick leaves the last good file, never a torn one. Pure Python, no Qt; any
thread may call it. Proven by tests/unit/core/test_case_file.py and tests/unit/core/test_case_crash.py.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import struct
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from navigator.core.case import Case, CaseError, CaseState, Entry, fold, from_json
from navigator.core.case import _Data as EntryData

MAGIC = b"NAVCASE\x00"
VERSION = 1
KDF_ARGON2ID = 1
HEADER = struct.Struct(">8sHBBIII16s")  # magic, version, kdf, reserved, memory KiB, passes, lanes, salt
KEY_CHECK = 16
NONCE = 12
TAG = 16
CHECKSUM = 32
PREFIX = HEADER.size + KEY_CHECK + NONCE  # 68: the associated data
MIN_SIZE = PREFIX + TAG + CHECKSUM
MAX_SIZE = 64 * 1024 * 1024  # a case of 100,000 entries is about 40 MB
PAD = 4096
MIN_PASSPHRASE = 8
SUFFIX = ".navcase"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings. Only the sets in ALLOWED_KDF are ever used or accepted."""

    memory_kib: int
    passes: int
    lanes: int


# About half a second on this project's 2-CPU test machine (benchmarks/case_file.py measures it;
# PRIVACY.md has the figure). Each guess costs a guesser 128 MiB and four passes over it. One lane:
# two lanes were as fast only while the second CPU was idle, and 50% slower when it was busy.
DEFAULT_KDF = KdfParams(memory_kib=128 * 1024, passes=4, lanes=1)
ALLOWED_KDF: frozenset[KdfParams] = frozenset({DEFAULT_KDF})


# --- problems, each one plain sentence in the interface (navigator/ui/case_text.py) ------------


class CaseFileError(Exception):
    """Something the person should be told in one sentence. Nothing was changed."""

    problem = "error"

    def __init__(self, detail: str = "", code: int | None = None) -> None:
        super().__init__(detail or self.problem)
        self.code = code  # errno, for problems reading or writing


class NotACaseFileError(CaseFileError):
    problem = "not-case-file"


class DamagedError(CaseFileError):
    problem = "damaged"


class NewerVersionError(CaseFileError):
    problem = "newer"


class UnsupportedError(CaseFileError):
    problem = "unsupported"


class WrongPassphraseError(CaseFileError):
    problem = "wrong-passphrase"


class AlteredError(CaseFileError):
    problem = "altered"


class ReadError(CaseFileError):
    problem = "unreadable"


class SaveError(CaseFileError):
    problem = "not-saved"


class LockedError(CaseFileError):
    problem = "locked"


class ExistsError(CaseFileError):
    problem = "exists"


class WeakPassphraseError(CaseFileError):
    problem = "short-passphrase"


# --- keys -------------------------------------------------------------------------------------


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """64 bytes from the passphrase: the slow step, run off the interface thread by callers."""
    from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw

    if params not in ALLOWED_KDF:
        raise UnsupportedError("key derivation settings not allowed")
    # The same passphrase typed on another system may arrive in another Unicode form (NFD on macOS).
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret,
        salt,
        time_cost=params.passes,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=64,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


class Key:
    """The key of one open case file. ``wipe`` zeroes it (as far as Python lets us: see PRIVACY.md)."""

    def __init__(self, material: bytes, salt: bytes, params: KdfParams) -> None:
        if len(material) != 64:
            raise ValueError("key material must be 64 bytes")
        self._material = bytearray(material)
        self.salt = salt
        self.params = params
        self._guard = threading.Lock()

    @property
    def wiped(self) -> bool:
        return not any(self._material)

    def wipe(self) -> None:
        with self._guard:
            for index in range(len(self._material)):
                self._material[index] = 0

    def _parts(self) -> tuple[bytes, bytes]:
        with self._guard:
            if not any(self._material):
                raise LockedError("the key was dropped")
            return bytes(self._material[:32]), bytes(self._material[32:])

    def header(self) -> bytes:
        p = self.params
        return HEADER.pack(MAGIC, VERSION, KDF_ARGON2ID, 0, p.memory_kib, p.passes, p.lanes, self.salt)

    def check_value(self, header: bytes) -> bytes:
        _, check_key = self._parts()
        return hmac.new(check_key, header, hashlib.sha256).digest()[:KEY_CHECK]


def new_key(passphrase: str, params: KdfParams | None = None) -> Key:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphraseError("too short")
    chosen = params or DEFAULT_KDF
    salt = os.urandom(16)
    return Key(derive(passphrase, salt, chosen), salt, chosen)


# --- sealing and opening ----------------------------------------------------------------------


def seal(document: dict[str, object], key: Key) -> bytes:
    """The whole file for ``document``: header, key check, fresh nonce, ciphertext, checksum."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    plain = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    plain += b" " * (-len(plain) % PAD)
    header = key.header()
    nonce = os.urandom(NONCE)
    prefix = header + key.check_value(header) + nonce
    enc_key, _ = key._parts()
    body = prefix + AESGCM(enc_key).encrypt(nonce, plain, prefix)
    return body + hashlib.sha256(body).digest()


@dataclass(frozen=True)
class Header:
    version: int
    params: KdfParams
    salt: bytes
    key_check: bytes
    nonce: bytes


def read_header(blob: bytes) -> Header:
    """Every check that needs no passphrase, in the order that gives the truest message."""
    if not blob.startswith(MAGIC):
        raise NotACaseFileError("no magic")
    if len(blob) < MIN_SIZE or hashlib.sha256(blob[:-CHECKSUM]).digest() != blob[-CHECKSUM:]:
        raise DamagedError("checksum")
    _magic, version, kdf, reserved, memory, passes, lanes, salt = HEADER.unpack_from(blob)
    if version > VERSION:
        raise NewerVersionError(f"version {version}")
    if version < 1 or reserved != 0:
        raise DamagedError("version")
    params = KdfParams(memory, passes, lanes)
    if kdf != KDF_ARGON2ID or params not in ALLOWED_KDF:
        raise UnsupportedError("key derivation settings")
    start = HEADER.size
    return Header(version, params, salt, blob[start : start + KEY_CHECK], blob[start + KEY_CHECK : PREFIX])


def open_blob(blob: bytes, passphrase: str) -> tuple[Case, Key]:
    """Decrypt and read a case file. Raises a CaseFileError; never changes anything."""
    header = read_header(blob)
    key = Key(derive(passphrase, header.salt, header.params), header.salt, header.params)
    if not hmac.compare_digest(key.check_value(blob[: HEADER.size]), header.key_check):
        key.wipe()
        raise WrongPassphraseError("key check")
    try:
        return open_with_key(blob, key), key
    except CaseFileError:
        key.wipe()
        raise


def open_with_key(blob: bytes, key: Key) -> Case:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(blob)
    enc_key, _ = key._parts()
    try:
        plain = AESGCM(enc_key).decrypt(header.nonce, blob[PREFIX:-CHECKSUM], blob[:PREFIX])
    except InvalidTag as exc:
        raise AlteredError("tag") from exc
    try:
        return from_json(json.loads(plain.decode("utf-8")))
    except (ValueError, UnicodeDecodeError, RecursionError, CaseError) as exc:
        raise AlteredError(str(exc)) from exc


def read_blob(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            blob = handle.read(MAX_SIZE + 1)
    except IsADirectoryError as exc:
        raise NotACaseFileError("a folder", exc.errno) from exc
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), exc.errno) from exc
    if len(blob) > MAX_SIZE:
        raise NotACaseFileError("too large")
    return blob


# --- an open case file ------------------------------------------------------------------------

Writer = Callable[[Path, bytes], None]


class CaseFile:
    """One unlocked case file: its path, its key and its log. Every change is saved as it is made.

    ``add`` may run in a worker thread; ``lock`` may be called from any thread at any time (Quick
    exit) and never waits for a save in progress. After ``lock`` the key is zeroed and the log
    dropped; a save already past its key copy finishes (the file then holds that entry).
    """

    def __init__(self, path: Path, case: Case, key: Key, write: Writer) -> None:
        self.path = path
        self._case: Case | None = case
        self._key: Key | None = key
        self._write = write
        self._saving = threading.Lock()

    @classmethod
    def create(cls, path: Path, passphrase: str, now: datetime, write: Writer, params: KdfParams | None = None) -> CaseFile:
        """A new, empty case file at ``path``. Never replaces a file that is already there."""
        if path.exists():
            raise ExistsError(str(path), errno.EEXIST)
        key = new_key(passphrase, params)
        case = Case.new(now)
        opened = cls(path, case, key, write)
        opened._save(case)
        return opened

    @classmethod
    def unlock(cls, path: Path, passphrase: str, write: Writer) -> CaseFile:
        case, key = open_blob(read_blob(path), passphrase)
        return cls(path, case, key, write)

    @property
    def locked(self) -> bool:
        return self._case is None or self._key is None or self._key.wiped

    @property
    def case(self) -> Case:
        case = self._case
        if case is None or self.locked:
            raise LockedError("locked")
        return case

    def state(self, now: datetime) -> CaseState:
        return fold(self.case, now)

    def lock(self) -> None:
        """Drop the key and the log from memory. Nothing is lost: every change was saved already."""
        key, self._key, self._case = self._key, None, None
        if key is not None:
            key.wipe()

    def _save(self, case: Case) -> None:
        key = self._key
        if key is None:
            raise LockedError("locked")
        blob = seal(case.to_json(), key)
        try:
            self._write(self.path, blob)
        except OSError as exc:
            raise SaveError(exc.strerror or str(exc), exc.errno) from exc

    def add(self, data: EntryData, now: datetime) -> Entry:
        """Append one entry and save the whole file. If the save fails, nothing changes (SaveError)."""
        with self._saving:
            updated = self.case.append(data, now)
            self._save(updated)
            if self._case is not None:  # not locked meanwhile
                self._case = updated
            return updated.entries[-1]


def delete(path: Path, leftovers: tuple[Path, ...] = ()) -> None:
    """Overwrite the file once with random bytes, then remove it and any leftover of a save.

    On SSDs, USB sticks and memory cards the old blocks may survive the overwrite (PRIVACY.md);
    what survives is encrypted, and useless without the passphrase.
    """
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(os.urandom(min(size, MAX_SIZE)))
            handle.flush()
            os.fsync(handle.fileno())
    for target in (path, *leftovers):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise SaveError(exc.strerror or str(exc), exc.errno) from exc
