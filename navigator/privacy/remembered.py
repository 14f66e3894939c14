"""The one thing Navigator may keep, and only if the person turns it on: their display settings.

"Remember my settings on this computer" is off by default. When the person turns it on, they
choose a passphrase and Navigator writes one file (``settings_path``) holding their language, text
size, contrast and window-title choices, encrypted with AES-256-GCM under a key derived from the
passphrase with scrypt. Even a language can say something about a person in a shared home, so it
is locked like anything else. A wrong passphrase changes nothing and deletes nothing.
``forget`` deletes the file and its folder.

Pure Python (no Qt). Proven by tests/unit/privacy/test_remembered.py and tests/ui/test_privacy_page.py.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from navigator.privacy.files import part_path, write_whole

FILE_NAME = "remembered-settings"
FOLDER = "navigator"
MIN_PASSPHRASE = 8
# scrypt cost: about a quarter of a second on a laptop, so guessing passphrases is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
MAGIC = "navigator-remembered-settings"


class RememberError(Exception):
    """Something the person should be told in plain words; nothing was changed."""


class WrongPassphraseError(RememberError):
    pass


class DamagedFileError(RememberError):
    pass


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
        header = {"format": MAGIC, "version": 1, "kdf": {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)}}
        aad = json.dumps(header, sort_keys=True).encode("utf-8")
        secret = AESGCM(self.key).encrypt(nonce, json.dumps(asdict(settings)).encode("utf-8"), aad)
        return json.dumps({**header, "cipher": "AES-256-GCM", "nonce": _b64(nonce), "data": _b64(secret)}, indent=1).encode("utf-8")


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise RememberError("too short")
    if repeated is not None and repeated != passphrase:
        raise RememberError("different")


def open_file(blob: bytes, passphrase: str) -> tuple[Settings, Lock]:
    """Decrypt a saved file. Raises WrongPassphraseError or DamagedFileError; never changes anything."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        document = json.loads(blob.decode("utf-8"))
        kdf = document["kdf"]
        header = {"format": document["format"], "version": document["version"], "kdf": kdf}
        if header["format"] != MAGIC or header["version"] != 1 or kdf.get("name") != "scrypt":
            raise DamagedFileError("unknown format")
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if not (2**14 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise DamagedFileError("unreasonable cost")
        salt, nonce, secret = _unb64(kdf["salt"]), _unb64(document["nonce"]), _unb64(document["data"])
    except DamagedFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise DamagedFileError(str(exc)) from exc
    key = derive_key(passphrase, salt, n, r, p)
    aad = json.dumps(header, sort_keys=True).encode("utf-8")
    try:
        plain = AESGCM(key).decrypt(nonce, secret, aad)
    except InvalidTag as exc:
        raise WrongPassphraseError from exc
    except ValueError as exc:  # e.g. a nonce of the wrong length
        raise DamagedFileError(str(exc)) from exc
    try:
        data = json.loads(plain.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DamagedFileError(str(exc)) from exc
    if not isinstance(data, dict):
        raise DamagedFileError("not a record")
    return Settings.from_dict(data), Lock(key, salt, n, r, p)


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
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_whole(path, blob, private=True)

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
        for leftover in (path, part_path(path), path.with_name(path.name + ".new")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only succeeds when empty
