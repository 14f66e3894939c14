"""Compare two builds of one commit: the same files, and the same Python inside them?

    build/venv/bin/python packaging/compare_builds.py FIRST_BUNDLE SECOND_BUNDLE

Prints what differs and exits 1 when the two bundles do not have the same file list, or when
the Python archive (the PYZ inside the executable: every module's compiled code) or the package
archive around it (PKG: the scripts and options) differ in any entry. Other files that differ
byte for byte are listed as notes with their reason where it is known; they do not fail the
comparison. .ci/run builds twice and runs this (packaging/README.md, "Reproducible").

It needs PyInstaller's archive readers, so run it with the build's Python (build/venv).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def listing(root: Path) -> dict[str, str]:
    """Relative path -> kind and content fingerprint (a link's target, a file's SHA-256)."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = f"link {path.readlink()}"
        elif path.is_dir():
            found[rel] = "folder"
        else:
            found[rel] = "file " + hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def executables(root: Path) -> list[Path]:
    """The programs PyInstaller made: they end in the package archive (PKG) with the PYZ inside."""
    names = ("navigator", "Navigator", "navigator.exe", "Navigator.exe", "navigator-cli.exe")
    found = [path for name in names for path in root.rglob(name) if path.is_file()]
    return sorted(set(found))


def archive_entries(program: Path) -> dict[str, str]:
    """Every entry of the program's PKG and of the PYZ inside it, with its data's SHA-256."""
    from PyInstaller.archive.readers import CArchiveReader

    pkg = CArchiveReader(str(program))
    entries = {}
    for name, (*_rest, typecode) in sorted(pkg.toc.items()):
        if typecode == "z":
            pyz = pkg.open_embedded_archive(name)
            for module in sorted(pyz.toc):
                data = pyz.extract(module, raw=True)
                entries[f"PYZ:{module}"] = hashlib.sha256(data or b"").hexdigest()
        else:
            entries[f"PKG:{name}"] = hashlib.sha256(pkg.extract(name)).hexdigest()
    return entries


def compare(first: Path, second: Path) -> tuple[list[str], list[str]]:
    """(problems, notes)."""
    problems, notes = [], []
    a, b = listing(first), listing(second)
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    if only_a or only_b:
        problems.append(f"file lists differ: only in the first: {only_a[:10]}; only in the second: {only_b[:10]}")
    same_kind = [rel for rel in sorted(a.keys() & b.keys()) if a[rel].split()[0] != b[rel].split()[0]]
    if same_kind:
        problems.append(f"a file in one is a folder or a link in the other: {same_kind[:10]}")
    differing = [rel for rel in sorted(a.keys() & b.keys()) if a[rel] != b[rel]]
    programs = {p.relative_to(first).as_posix() for p in executables(first)}
    for rel in sorted(programs):
        one, two = archive_entries(first / rel), archive_entries(second / rel)
        if one.keys() != two.keys():
            problems.append(f"{rel}: the Python archive lists different entries: {sorted(one.keys() ^ two.keys())[:10]}")
        changed = [name for name in sorted(one.keys() & two.keys()) if one[name] != two[name]]
        if changed:
            problems.append(f"{rel}: Python archive entries differ: {changed[:10]}")
        else:
            notes.append(f"{rel}: Python archive: {len(one)} entries, all the same")
    for rel in differing:
        if rel not in programs:
            notes.append(f"differs byte for byte: {rel}")
    notes.append(f"{len(a)} paths compared; {len(a) - len(differing)} identical byte for byte")
    return problems, notes


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    problems, notes = compare(Path(argv[0]), Path(argv[1]))
    for note in notes:
        print(f"reproducible: {note}")
    for problem in problems:
        print(f"reproducible: DIFFERS {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
