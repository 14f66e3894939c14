"""Where the shipped content and catalogs are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# The sizes of the program's icon the window uses (packaging/icons/ has them all).
ICON_SIZES = (32, 64, 256)


def _find(name: str) -> Path:
    # A wheel carries the folders inside the package; a checkout (or editable install) has them
    # beside it at the top of the repository.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def content_root() -> Path:
    return _find("content")


def compiled_content() -> Path | None:
    """The content compiled when the wheel or the bundle was built (``core.compiled``); None in a
    checkout, which reads the YAML tree."""
    folder = _PACKAGE / "compiled"
    return folder if folder.is_dir() else None


def locales_root() -> Path:
    return _find("locales")


def icon_files() -> list[Path]:
    """The program's icon in a few sizes (drawn in packaging/icons/; the wheel and the bundle carry
    copies in ``navigator/icons``). Empty if neither is there: the window then has Qt's default."""
    for folder in (_PACKAGE / "icons", _PACKAGE.parent / "packaging" / "icons"):
        found = [folder / f"{size}x{size}.png" for size in ICON_SIZES]
        if all(path.is_file() for path in found):
            return found
    return []


def report_address() -> str | None:
    """Where people are asked to report a problem: the project's issue tracker, written into a
    release by the workflow that built it (``report-to.txt``); None in a checkout or a local build."""
    path = _PACKAGE / "report-to.txt"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text if text.startswith("https://") and not any(c.isspace() for c in text) else None
