"""The one thing Navigator may keep, and only if the person turns it on: their display settings.

"Remember my settings on this computer" is off by default. When the person turns it on, they
choose a passphrase and Navigator writes one file (``settings_path``) holding their language, text
size, contrast and window-title choices, encrypted with AES-256-GCM under a key derived from the
passphrase with scrypt. Even a language can say something about a person in a shared home, so it
is locked like anything else. A wrong passphrase changes nothing and deletes nothing.
``forget`` deletes the file and its folder.

The file (version 2) is JSON::

    {"format": "navigator-remembered-settings", "version": 2,
     "kdf": {"name": "scrypt", "n": 131072, "r": 8, "p": 1, "salt": <16 bytes, base64>},
     "cipher": "AES-256-GCM", "nonce": <12 bytes, base64>, "data": <ciphertext and tag, base64>,
     "check": <SHA-256 of the canonical JSON of every other field, hex>}

Everything but ``nonce`` and ``data`` is the additional data of AES-GCM, so no field can be changed
unnoticed (security review F14). Before any key is worked out, the reader refuses: a file over 4 KiB,
JSON it cannot read (however deeply nested), a field it does not know, a ``check`` that does not
match (damage, told apart from a wrong passphrase), a newer version (a message of its own), and
key-stretching costs other than exactly the ones Navigator writes (a crafted file cannot make it
spend gigabytes or minutes). The settings are padded to 256 bytes, so the file's size says nothing
about them. Version 1 files (before this) are still read, and rewritten as version 2 at the next save.

Pure Python (no Qt). Proven by tests/unit/privacy/test_remembered.py and tests/ui/test_privacy_page.py.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from navigator.privacy.files import leftovers, write_whole

FILE_NAME = "remembered-settings"
FOLDER = "navigator"
MIN_PASSPHRASE = 8
# scrypt cost: about a quarter of a second on a laptop, so guessing passphrases is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
MAGIC = "navigator-remembered-settings"
VERSION = 2
CIPHER = "AES-256-GCM"
MAX_FILE = 4096  # a real file is under 600 bytes
PADDED = 256  # the settings are padded to this many bytes before they are encrypted
FIELDS = {1: {"format", "version", "kdf", "cipher", "nonce", "data"}, 2: {"format", "version", "kdf", "cipher", "nonce", "data", "check"}}


class RememberError(Exception):
    """Something the person should be told in plain words; nothing was changed."""


class WrongPassphraseError(RememberError):
    pass


class DamagedFileError(RememberError):
    pass


class NewerVersionError(RememberError):
    """Made by a newer Navigator: this one cannot read it, and changes nothing."""


@dataclass
class Settings:
    """Exactly what is kept. Nothing else is ever written."""

    language: str = ""
    text_scale: float = 1.0
    high_contrast: bool = False
    plain_window: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Settings:
        """Read what can be read; a field that is missing or odd falls back to its default."""
        result = cls()
        language = data.get("language")
        if isinstance(language, str) and language.replace("_", "").isalnum() and len(language) <= 12:
            result.language = language
        scale = data.get("text_scale")
        if isinstance(scale, int | float) and not isinstance(scale, bool) and 0.5 <= scale <= 3.0:
            result.text_scale = float(scale)
        for name in ("high_contrast", "plain_window"):
            value = data.get(name)
            if isinstance(value, bool):
                setattr(result, name, value)
        return result


def settings_path(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Where the file goes: the system's usual place for a program's settings."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        return base / "Navigator" / FILE_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / "Navigator" / FILE_NAME
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / FOLDER / FILE_NAME


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise DamagedFileError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


class Lock:
    """A key derived from the passphrase, held in memory only while Navigator runs."""

    def __init__(self, key: bytes, salt: bytes, n: int, r: int, p: int) -> None:
        self.key, self.salt, self.n, self.r, self.p = key, salt, n, r, p

    @classmethod
    def new(cls, passphrase: str) -> Lock:
        check_new_passphrase(passphrase)
        salt = os.urandom(16)
        return cls(derive_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)

    def seal(self, settings: Settings) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        header = {
            "format": MAGIC,
            "version": VERSION,
            "kdf": {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)},
            "cipher": CIPHER,
        }
        secret = AESGCM(self.key).encrypt(nonce, _padded(json.dumps(asdict(settings)).encode("utf-8")), _canonical(header))
        document: dict[str, object] = {**header, "nonce": _b64(nonce), "data": _b64(secret)}
        document["check"] = hashlib.sha256(_canonical(document)).hexdigest()
        return json.dumps(document, indent=1).encode("utf-8")


def _canonical(fields: Mapping[str, object]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _padded(plain: bytes) -> bytes:
    """The settings padded with spaces (which JSON ignores) to a multiple of ``PADDED`` bytes."""
    return plain + b" " * (-len(plain) % PADDED)


# Passphrases that are among the first any guesser tries: common passwords and their variants.
# Written here by us from the patterns every published list of leaked passwords is full of; the
# rules in ``too_common`` catch their endless variations (a digit or a "!" added, capitals).
COMMON = frozenset(
    [
        "password",
        "passw0rd",
        "p@ssword",
        "p@ssw0rd",
        "passphrase",
        "iloveyou",
        "letmein",
        "welcome",
        "admin",
        "administrator",
        "qwerty",
        "qwertyuiop",
        "qwertyui",
        "asdfghjkl",
        "asdfghjk",
        "zxcvbnm",
        "azerty",
        "azertyuiop",
        "qwertz",
        "trustno1",
        "dragon",
        "monkey",
        "sunshine",
        "princess",
        "football",
        "baseball",
        "superman",
        "batman",
        "master",
        "shadow",
        "michael",
        "jennifer",
        "whatever",
        "freedom",
        "starwars",
        "computer",
        "internet",
        "abc123",
        "secret",
        "secure",
        "changeme",
        "default",
        "navigator",
        "notes",
        "hello",
        "goodbye",
        "loveyou",
        "lovelove",
        "mypassword",
        "yourpassword",
        "opensesame",
    ]
)
_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop")


def too_common(passphrase: str) -> bool:
    """True for a passphrase a guesser would try among the first: a common password (with digits or
    signs around it, in any capitals), one character repeated, a run on the keyboard or the
    alphabet, or fewer than four different characters."""
    text = passphrase.strip().lower()
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)  # "Password123!" -> "password"
    if len(set(text)) < 4 or text in COMMON or core in COMMON or re.sub(r"\s+", "", text) in COMMON:
        return True
    for run in _SEQUENCES:
        for source in (run, run[::-1]):
            if text in source or text in source * 2:
                return True
    return False


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise RememberError("too short")
    if too_common(passphrase):
        raise RememberError("too common")
    if repeated is not None and repeated != passphrase:
        raise RememberError("different")


def _read_document(blob: bytes) -> tuple[dict[str, object], dict[str, object], int]:
    """The file's fields, its key-stretching settings and its version, checked before any key is
    worked out. Raises DamagedFileError or NewerVersionError."""
    if len(blob) > MAX_FILE:
        raise DamagedFileError("too large")
    try:
        document = json.loads(blob.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError, MemoryError) as exc:
        raise DamagedFileError(type(exc).__name__) from exc
    if not isinstance(document, dict) or document.get("format") != MAGIC:
        raise DamagedFileError("not a settings file")
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise NewerVersionError(str(version))
    if not isinstance(version, int) or version not in FIELDS or set(document) != FIELDS[version]:
        raise DamagedFileError("unknown fields")
    if version >= 2:
        fields = {key: value for key, value in document.items() if key != "check"}
        if document["check"] != hashlib.sha256(_canonical(fields)).hexdigest():
            raise DamagedFileError("check does not match")
    kdf = document["kdf"]
    if document["cipher"] != CIPHER or not isinstance(kdf, dict) or set(kdf) != {"name", "n", "r", "p", "salt"}:
        raise DamagedFileError("unknown cipher or key settings")
    # Only the costs Navigator writes itself: a crafted file must not make it spend gigabytes of
    # memory or minutes before the check that would refuse it.
    if kdf["name"] != "scrypt" or (kdf["n"], kdf["r"], kdf["p"]) != (SCRYPT_N, SCRYPT_R, SCRYPT_P):
        raise DamagedFileError("key settings this Navigator does not write")
    return document, kdf, version


def open_file(blob: bytes, passphrase: str) -> tuple[Settings, Lock]:
    """Decrypt a saved file. Raises WrongPassphraseError, DamagedFileError or NewerVersionError;
    never changes anything."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    document, kdf, version = _read_document(blob)
    try:
        salt, nonce, secret = _unb64(kdf["salt"]), _unb64(document["nonce"]), _unb64(document["data"])
    except ValueError as exc:
        raise DamagedFileError(str(exc)) from exc
    if len(salt) != 16 or len(nonce) != 12:
        raise DamagedFileError("salt or nonce of the wrong size")
    key = derive_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    if version == 1:  # the header it authenticated: format, version and key settings
        aad = json.dumps({"format": MAGIC, "version": 1, "kdf": kdf}, sort_keys=True).encode("utf-8")
    else:
        aad = _canonical({name: document[name] for name in ("format", "version", "kdf", "cipher")})
    try:
        plain = AESGCM(key).decrypt(nonce, secret, aad)
    except InvalidTag as exc:
        raise WrongPassphraseError from exc
    try:
        data = json.loads(plain.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise DamagedFileError(str(exc)) from exc
    if not isinstance(data, dict):
        raise DamagedFileError("not a record")
    return Settings.from_dict(data), Lock(key, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)


def _private_folder(folder: Path) -> None:
    """Make ``folder`` and any missing folder above it, each readable by its owner only; our own
    folder is made private even if it was there before (0755, say). Folders above that were there
    already are not Navigator's to change."""
    missing = []
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):
            made.mkdir(mode=0o700)
    folder.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)


class Store:
    """The file on disk: whether it exists, write it safely, read it, delete it."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path or settings_path()

    def exists(self) -> bool:
        return self.path.is_file()

    def save(self, settings: Settings, lock: Lock) -> None:
        """Write atomically: a half-written file never replaces a good one."""
        path = self.path
        blob = lock.seal(settings)
        _private_folder(path.parent)
        write_whole(path, blob)

    def load(self, passphrase: str) -> tuple[Settings, Lock]:
        try:
            blob = self.path.read_bytes()
        except OSError as exc:
            raise DamagedFileError(str(exc)) from exc
        return open_file(blob, passphrase)

    def forget(self) -> None:
        """Delete the file, anything left from an interrupted save, and the folder if it is ours and empty."""
        path = self.path
        # The writer's own temporary file (from a save cut short), and the name earlier versions of
        # Navigator used for it, before the one writer (navigator/privacy/files.py).
        for leftover in (path, *leftovers(path), path.with_name(path.name + ".new")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only succeeds when empty
