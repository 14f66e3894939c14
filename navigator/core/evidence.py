"""Evidence kept by description, never by copy: a file's name, size, SHA-256 and times.

"Check my evidence" hashes each file again later and says whether it is unchanged, changed or
missing. When the person in the images may have been under 18, picture and video files are refused
before a single byte past their first few is read (``refuse_reason``): the case then holds addresses
only, and says why. Whether a file is a picture or a video is decided by its first bytes and by its
name, so neither a renamed photo nor a photo with an odd header slips through.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from navigator.core.case import Evidence  # the case's models load when a case is opened, not at start

CHUNK = 1024 * 1024
SNIFF = 64

# Answers to the pathway's age question (role: age) that mean the person may have been under 18.
# "Not sure" and "rather not say" count: when in doubt, Navigator keeps no images.
POSSIBLY_MINOR_ANSWERS = frozenset({"under-18", "not-sure", "prefer-not-to-say"})

PICTURE_SUFFIXES = frozenset(
    [
        ".jpg",
        ".jpeg",
        ".jpe",
        ".jfif",
        ".png",
        ".apng",
        ".gif",
        ".webp",
        ".bmp",
        ".dib",
        ".tif",
        ".tiff",
        ".heic",
        ".heif",
        ".avif",
        ".jxl",
        ".svg",
        ".svgz",
        ".ico",
        ".psd",
        ".raw",
        ".cr2",
        ".cr3",
        ".nef",
        ".arw",
        ".dng",
        ".orf",
        ".rw2",
        ".xcf",
        ".jp2",
        ".j2k",
    ]
)
VIDEO_SUFFIXES = frozenset(
    [
        ".mp4",
        ".m4v",
        ".mov",
        ".qt",
        ".avi",
        ".wmv",
        ".webm",
        ".mkv",
        ".flv",
        ".3gp",
        ".3g2",
        ".mpg",
        ".mpeg",
        ".ts",
        ".mts",
        ".m2ts",
        ".ogv",
        ".vob",
    ]
)
_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"\xff\xd8\xff"),  # JPEG
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"GIF87a"),
    (0, b"GIF89a"),
    (0, b"BM"),  # BMP
    (0, b"II*\x00"),  # TIFF (and most camera raw files)
    (0, b"MM\x00*"),
    (0, b"8BPS"),  # Photoshop
    (0, b"\x00\x00\x00\x0cjP  "),  # JPEG 2000
    (0, b"\xff\x0a"),  # JPEG XL
    (0, b"\x00\x00\x00\x0cJXL "),
    (0, b"\x1aE\xdf\xa3"),  # Matroska / WebM
    (0, b"FLV"),
    (0, b"\x00\x00\x01\xba"),  # MPEG program stream
    (0, b"\x00\x00\x01\xb3"),
    (0, b"0&\xb2u\x8ef\xcf\x11"),  # ASF / WMV
)


def may_be_minor(age_answer: str | None) -> bool:
    return age_answer in POSSIBLY_MINOR_ANSWERS


def is_picture_or_video(name: str, head: bytes) -> bool:
    """True for a picture or a video, by its name or by its first bytes."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in PICTURE_SUFFIXES or suffix in VIDEO_SUFFIXES:
        return True
    for offset, magic in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return True
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"AVI ", b"AVIX"):
        return True
    # ISO media (MP4, MOV, HEIC, AVIF, 3GP): a box called "ftyp" at offset 4.
    if head[4:8] == b"ftyp":
        return True
    head_text = head[:SNIFF].lstrip().lower()
    return head_text.startswith(b"<svg") or (head_text.startswith(b"<?xml") and b"<svg" in head.lower())


def refuse_reason(path: Path, possibly_minor: bool) -> str | None:
    """'picture-minor' when this file must not be recorded; None when it may be. Reads 64 bytes at most."""
    if not possibly_minor:
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF)
    except OSError:
        head = b""
    return "picture-minor" if is_picture_or_video(path.name, head) else None


@dataclass(frozen=True)
class Fingerprint:
    name: str
    path: str
    size: int
    sha256: str
    modified: datetime


def sha256_of(path: Path, progress: Callable[[int], None] | None = None) -> tuple[str, int]:
    """(hex digest, bytes read), reading in 1 MiB pieces so a large video never fills memory."""
    digest = hashlib.sha256()
    total = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            total += len(chunk)
            if progress:
                progress(total)
    return digest.hexdigest(), total


def fingerprint(path: Path) -> Fingerprint:
    """Describe a file so it can be checked later. Raises OSError when it cannot be read."""
    resolved = path.resolve()
    if not resolved.is_file():
        raise IsADirectoryError(21, "not a file", str(path))
    modified = datetime.fromtimestamp(resolved.stat().st_mtime, UTC).replace(microsecond=0)
    digest, size = sha256_of(resolved)
    return Fingerprint(resolved.name, str(resolved), size, digest, modified)


class CheckResult(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MISSING = "missing"
    UNREADABLE = "unreadable"


def check(evidence: Evidence) -> CheckResult:
    """Hash the file again: is it still the file that was recorded?"""
    path = Path(evidence.path)
    try:
        digest, size = sha256_of(path)
    except FileNotFoundError:
        return CheckResult.MISSING
    except IsADirectoryError:
        return CheckResult.MISSING
    except OSError:
        return CheckResult.UNREADABLE
    return CheckResult.UNCHANGED if (digest, size) == (evidence.sha256, evidence.size) else CheckResult.CHANGED
