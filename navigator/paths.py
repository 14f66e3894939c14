"""Where the shipped content and catalogs are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel carries the folders inside the package; a checkout (or editable install) has them
    # beside it at the top of the repository.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def content_root() -> Path:
    return _find("content")


def locales_root() -> Path:
    return _find("locales")
