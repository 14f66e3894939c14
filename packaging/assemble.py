"""Turn the bundle PyInstaller made (build/dist/) into what people download, in dist/.

Run by packaging/build after PyInstaller, with the build's own Python (standard library only):

- the archive: ``navigator-VERSION-linux-ARCH.tar.xz`` (Linux), ``-windows-ARCH.zip`` or
  ``-macos-ARCH.zip``; every entry sorted, dated SOURCE_DATE_EPOCH, owned by nobody in particular,
  so that two builds of one commit give the same archive;
- Linux: ``navigator_VERSION_ARCH.deb``, made with dpkg-deb from the same bundle, with the desktop
  entry and AppStream metadata (both validated first), the icons in the hicolor sizes and a
  ``navigator`` command; its Depends are worked out from the libraries the bundle asks the
  computer for (like dpkg-shlibdeps, without a Debian source tree);
- ``SHA256SUMS`` for the files in dist/, and ``build/sizes.json``: the bundle's size unpacked and
  compressed, which ``--check-budget`` holds to packaging/README.md's budget.

``python packaging/assemble.py --bundle-only`` only prints the bundle's size.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import lzma
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from navigator import APP_ID, APP_NAME, __version__  # noqa: E402

BUILD = REPO / "build"
DIST = REPO / "dist"
PACKAGING = REPO / "packaging"
ICONS = PACKAGING / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# The budget (issue 14): the targets, and the ceilings CI holds the build to. The Linux bundle
# misses the unpacked target by about 16 MB: Qt's ICU data alone is 32 MB (see packaging/README.md),
# and 2026-12-01 added two languages (pt_BR, ko), the content compiled per language for start-up
# (navigator/core/compiled.py, about 5 MB unpacked; its search index, core/search_compiled.py, 1.7 MB
# more) and the font subsets. The archive people
# download stays well inside its target (36.5 MB of 50).
TARGET_UNPACKED_MB, TARGET_COMPRESSED_MB = 120, 50
CEILING_UNPACKED_MB, CEILING_COMPRESSED_MB = 142, 50


def system() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "arm64", "aarch64": "arm64"}.get(machine, machine)


def source_date() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())


def bundle_path() -> Path:
    """The one-folder bundle, or on macOS the .app around it."""
    return BUILD / "dist" / (f"{APP_NAME}.app" if system() == "macos" else "navigator")


def files_under(root: Path) -> list[Path]:
    """Every file, folder and link under ``root``, in one fixed order (by path, bytewise)."""
    found = [root / rel for rel in sorted(str(p.relative_to(root)).replace(os.sep, "/") for p in root.rglob("*"))]
    return found


def unpacked_bytes(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# --- archives -------------------------------------------------------------------------------


def _normal_mode(path: Path) -> int:
    """rwxr-xr-x for folders and programs, rw-r--r-- for the rest: the builder's umask does not count."""
    mode = path.lstat().st_mode
    return 0o755 if stat.S_ISDIR(mode) or mode & 0o111 else 0o644


def make_tar_xz(root: Path, target: Path, top: str, when: int) -> None:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in [root, *files_under(root)]:
            name = top if path == root else f"{top}/{path.relative_to(root).as_posix()}"
            info = tar.gettarinfo(str(path), arcname=name)
            info.mtime, info.uid, info.gid, info.uname, info.gname = when, 0, 0, "", ""
            if not info.issym():
                info.mode = _normal_mode(path)
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    # One thread, preset 9: the same bytes every time (threaded xz splits blocks by timing).
    target.write_bytes(lzma.compress(raw.getvalue(), format=lzma.FORMAT_XZ, preset=9))


def make_zip(root: Path, target: Path, top: str, when: int) -> None:
    stamp = time.gmtime(max(when, 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in [root, *files_under(root)]:
            name = top if path == root else f"{top}/{path.relative_to(root).as_posix()}"
            if path.is_symlink():  # macOS .app bundles link their frameworks
                entry = zipfile.ZipInfo(name, stamp)
                entry.external_attr = (stat.S_IFLNK | 0o777) << 16
                entry.create_system = 3
                archive.writestr(entry, os.readlink(path))
            elif path.is_dir():
                entry = zipfile.ZipInfo(name + "/", stamp)
                entry.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
                entry.create_system = 3
                archive.writestr(entry, b"")
            else:
                entry = zipfile.ZipInfo(name, stamp)
                entry.external_attr = (stat.S_IFREG | _normal_mode(path)) << 16
                entry.create_system = 3
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes())


# --- the .deb -------------------------------------------------------------------------------

DEB_ARCH = {"x86_64": "amd64", "arm64": "arm64"}


def run(command: list[str], **kwargs: object) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise SystemExit(f"packaging/assemble: {' '.join(command[:2])} failed:\n{done.stdout}{done.stderr}")
    return str(done.stdout)


def validate_desktop_files(entry: Path, metainfo: Path) -> None:
    """The desktop entry and the AppStream metadata, checked by the tools software centres use."""
    run(["desktop-file-validate", str(entry)])
    run(["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)])


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return sorted(found)


def system_libraries(root: Path) -> tuple[set[str], str]:
    """The libraries the bundle asks the computer for (by soname), and the newest glibc symbol version."""
    inside = {p.name for p in root.rglob("*")}
    wanted: set[str] = set()
    newest = (2, 17)
    for path in elf_files(root):
        dump = run(["objdump", "-p", "-T", str(path)])
        for line in dump.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "NEEDED" and parts[1] not in inside:
                wanted.add(parts[1])
            for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", line):
                newest = max(newest, (int(major), int(minor)))
    return wanted, f"{newest[0]}.{newest[1]}"


def debian_packages(sonames: set[str]) -> list[str]:
    """The Debian packages that hold ``sonames`` on this computer (what dpkg-shlibdeps would say)."""
    cache = run(["ldconfig", "-p"])
    paths: dict[str, str] = {}
    for line in cache.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and match[1] in sonames and ("x86-64" in match[2] or "AArch64" in match[2] or "64bit" in match[2]):
            paths.setdefault(match[1], match[3])
    missing = sonames - set(paths)
    if missing:
        raise SystemExit(
            f"packaging/assemble: this computer lacks {', '.join(sorted(missing))}; install the Qt libraries first (./dev run does)"
        )
    packages = set()
    for path in paths.values():
        real = os.path.realpath(path)
        for candidate in (path, real, real.replace("/usr/lib/", "/lib/", 1), path.replace("/lib/", "/usr/lib/", 1)):
            done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if done.returncode == 0:
                packages.add(done.stdout.split(":")[0].strip())
                break
        else:
            raise SystemExit(f"packaging/assemble: no Debian package owns {path}")
    return sorted(packages)


# Printing is optional (without CUPS the print plugin is not loaded and Print saves a PDF).
SOFT_DEPENDENCIES = {"libcups2", "libcups2t64"}
# Libraries renamed by Debian's and Ubuntu's 64-bit time transition (Ubuntu 24.04, Debian 13).
TIME64_RENAMED = {"libglib2.0-0": "libglib2.0-0t64"}


def control_file(depends: list[str], glibc: str, installed_kib: int, deb_arch: str) -> str:
    depends = [name for name in depends if name not in SOFT_DEPENDENCIES]
    depends = [f"libc6 (>= {glibc})" if name == "libc6" else name for name in depends]
    depends = [f"{TIME64_RENAMED[name]} | {name}" if name in TIME64_RENAMED else name for name in depends]
    if not any(name.startswith("libc6") for name in depends):
        depends.insert(0, f"libc6 (>= {glibc})")
    return (
        f"Package: navigator\n"
        f"Version: {__version__}\n"
        f"Architecture: {deb_arch}\n"
        f"Maintainer: Navigator developers <navigator@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        # Printing goes through CUPS when the computer has it; without it, Print saves a PDF.
        f"Recommends: libcups2t64 | libcups2\n"
        f"Section: utils\n"
        f"Priority: optional\n"
        # The package list is one of the places a name shows; the description is deliberately plain.
        f"Description: private offline guide\n"
        f" Navigator works without a network connection and writes nothing to the\n"
        f" computer unless you save something yourself.\n"
    )


COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: navigator
Comment: The bundle in /usr/lib/navigator also carries Python, Qt (LGPL-3.0), PySide6
 (LGPL-3.0), pydantic (MIT), PyYAML (MIT), Babel (BSD-3-Clause), cryptography (Apache-2.0 or
 BSD-3-Clause), argon2-cffi (MIT) and their own licences.

Files: *
License: GPL-3.0-or-later
 On Debian systems, the full text of the GNU General Public License version 3 can be found in
 /usr/share/common-licenses/GPL-3.
"""


def make_deb(root: Path, target: Path, when: int) -> None:
    deb_arch = DEB_ARCH.get(arch(), arch())
    stage = BUILD / "deb" / target.stem
    if stage.exists():
        shutil.rmtree(stage)
    lib = stage / "usr/lib/navigator"
    shutil.copytree(root, lib, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    os.symlink("../lib/navigator/navigator", stage / "usr/bin/navigator")
    share = stage / "usr/share"
    (share / "applications").mkdir(parents=True)
    entry = share / "applications" / f"{APP_ID}.desktop"
    shutil.copy(PACKAGING / f"{APP_ID}.desktop", entry)
    (share / "metainfo").mkdir()
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    shutil.copy(PACKAGING / f"{APP_ID}.metainfo.xml", metainfo)
    validate_desktop_files(entry, metainfo)
    for size in ICON_SIZES:
        folder = share / f"icons/hicolor/{size}x{size}/apps"
        folder.mkdir(parents=True)
        shutil.copy(ICONS / f"{size}x{size}.png", folder / f"{APP_ID}.png")
    (share / "icons/hicolor/scalable/apps").mkdir(parents=True)
    shutil.copy(ICONS / f"{APP_ID}.svg", share / f"icons/hicolor/scalable/apps/{APP_ID}.svg")
    (share / "doc/navigator").mkdir(parents=True)
    (share / "doc/navigator/copyright").write_text(COPYRIGHT, encoding="utf-8")

    sonames, glibc = system_libraries(lib)
    installed_kib = (unpacked_bytes(stage) + 1023) // 1024
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(control_file(debian_packages(sonames), glibc, installed_kib, deb_arch), encoding="utf-8")
    sums = []
    for path in files_under(stage):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(stage).parts:
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(stage).as_posix()}\n")  # dpkg's own format
    (control / "md5sums").write_text("".join(sums), encoding="utf-8")
    for path in [stage, *files_under(stage)]:
        if not path.is_symlink():
            os.chmod(path, _normal_mode(path))
        os.utime(path, (when, when), follow_symlinks=False)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(when))
    # xz in several threads cuts blocks by the number of processors: one thread, the same bytes anywhere.
    threads = ["--threads-max=1"] if "--threads-max" in run(["dpkg-deb", "--help"]) else []
    run(["dpkg-deb", "--root-owner-group", *threads, "-Zxz", "-z9", "--build", str(stage), str(target)], env=env)


# --- sums, sizes, budget ------------------------------------------------------------------------


def sha256sums(folder: Path) -> None:
    lines = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name != "SHA256SUMS":
            lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n")
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def mb(count: int) -> str:
    return f"{count / 1e6:.1f} MB ({count / 2**20:.1f} MiB)"


def budget_lines(sizes: dict[str, int]) -> tuple[list[str], bool]:
    lines, within = [], True
    unpacked, compressed = sizes["unpacked"], sizes.get("compressed")
    lines.append(f"unpacked: {mb(unpacked)}; target {TARGET_UNPACKED_MB} MB" + _against(unpacked, TARGET_UNPACKED_MB))
    if compressed is not None:
        lines.append(f"compressed: {mb(compressed)}; target {TARGET_COMPRESSED_MB} MB" + _against(compressed, TARGET_COMPRESSED_MB))
    if unpacked > CEILING_UNPACKED_MB * 1e6:
        lines.append(f"the bundle grew past the {CEILING_UNPACKED_MB} MB ceiling CI allows")
        within = False
    if compressed is not None and compressed > CEILING_COMPRESSED_MB * 1e6:
        lines.append(f"the archive grew past the {CEILING_COMPRESSED_MB} MB ceiling CI allows")
        within = False
    return lines, within


def _against(value: int, target_mb: int) -> str:
    difference = value / 1e6 - target_mb
    return f": over by {difference:.1f} MB" if difference > 0 else f": met, {-difference:.1f} MB to spare"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true", help="only report the bundle's size")
    parser.add_argument(
        "--check-budget", action="store_true", help="only check build/sizes.json against the budget (exit 1 past a ceiling)"
    )
    args = parser.parse_args(argv)
    if args.check_budget:
        lines, within = budget_lines(json.loads((BUILD / "sizes.json").read_text(encoding="utf-8")))
        for line in lines:
            print(f"size: {line}")
        return 0 if within else 1
    root = bundle_path()
    if not root.is_dir():
        print(f"packaging/assemble: no bundle at {root}; run packaging/build", file=sys.stderr)
        return 2
    sizes = {"unpacked": unpacked_bytes(root), "files": sum(1 for p in root.rglob("*") if p.is_file())}
    if not args.bundle_only:
        when = source_date()
        if DIST.exists():
            shutil.rmtree(DIST)
        DIST.mkdir()
        top = f"navigator-{__version__}"
        name = f"navigator-{__version__}-{system()}-{arch()}"
        if system() == "linux":
            archive = DIST / f"{name}.tar.xz"
            make_tar_xz(root, archive, top, when)
            deb = DIST / f"navigator_{__version__}_{DEB_ARCH.get(arch(), arch())}.deb"
            make_deb(root, deb, when)
            sizes["deb"] = deb.stat().st_size
        else:
            archive = DIST / f"{name}.zip"
            make_zip(root, archive, top if system() == "windows" else root.name, when)
        sizes["compressed"] = archive.stat().st_size
        sha256sums(DIST)
    (BUILD / "sizes.json").write_text(json.dumps(sizes, indent=2) + "\n", encoding="utf-8")
    lines, _within = budget_lines(sizes)
    print(f"packaging/build: {root.relative_to(REPO)}: {sizes['files']} files")
    for line in lines:
        print(f"packaging/build: {line}")
    if not args.bundle_only:
        for path in sorted(DIST.iterdir()):
            print(f"packaging/build: dist/{path.name}  {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
