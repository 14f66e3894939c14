"""The packaging files agree with the package and with each other: the desktop entry, the
AppStream metadata, the icon, the pins of the bundle, the PyInstaller spec and the release workflow.

The bundle itself is built and tested by .ci/run (packaging/build, packaging/smoke,
tests/privacy/test_bundle.py); these tests check what can be checked without building it.
"""

from __future__ import annotations

import configparser
import re
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from navigator import APP_ID, APP_NAME, __version__
from navigator.paths import ICON_SIZES, icon_files
from tests.conftest import REPO

PACKAGING = REPO / "packaging"
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME  # what the window calls itself while the plain window is off
    assert entry["Exec"].split()[0] == "navigator"
    assert entry["Icon"] == APP_ID
    # No notification of start-up to the desktop: nothing about the app is announced.
    assert entry["StartupNotify"] == "false"
    # The entry does not claim the window: with the plain window on, a taskbar shows the
    # window's own neutral name and icon instead of the menu entry's.
    assert "StartupWMClass" not in entry


def test_desktop_entry_and_package_descriptions_are_discreet() -> None:
    """Menus, searches and package lists show these words: nothing says what Navigator helps with."""
    spec = (PACKAGING / "assemble.py").read_text(encoding="utf-8")
    description = re.search(r'f"Description: (.*)\\n"', spec)
    assert description is not None
    shown = " ".join([desktop_entry()["GenericName"], desktop_entry()["Comment"], desktop_entry()["Keywords"], description[1]]).lower()
    for word in ("intimate", "image", "consent", "abuse", "deepfake", "sexual", "nude", "victim", "survivor"):
        assert word not in shown


def test_metainfo_matches_app() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions
    assert [b.text for b in root.iter("binary")] == ["navigator"]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_icon_in_every_size_from_the_svg() -> None:
    icons = PACKAGING / "icons"
    assert (icons / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert png_size(icons / f"{size}x{size}.png") == (size, size)
    ico = (icons / "navigator.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] == 7
    icns = (icons / "navigator.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_the_window_icon_is_found_in_a_checkout() -> None:
    assert [png_size(path)[0] for path in icon_files()] == list(ICON_SIZES)


def test_the_wheel_and_the_bundle_carry_the_window_icon() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for size in ICON_SIZES:
        assert included[f"packaging/icons/{size}x{size}.png"] == f"navigator/icons/{size}x{size}.png"
    assert '"navigator/icons") for size in ICON_SIZES' in (PACKAGING / "navigator.spec").read_text(encoding="utf-8")


def pins() -> dict[str, Requirement]:
    found = {}
    for line in (PACKAGING / "requirements-build.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            found[requirement.name.lower().replace("_", "-")] = requirement
    return found


def test_everything_in_the_bundle_is_pinned_within_pyprojects_ranges() -> None:
    pinned = pins()
    for requirement in pinned.values():
        assert str(requirement.specifier).startswith("=="), f"{requirement} is not pinned to one version"
    assert "pyinstaller" in pinned and "pyinstaller-hooks-contrib" in pinned
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for line in project["dependencies"]:
        wanted = Requirement(line)
        name = wanted.name.lower().replace("_", "-")
        assert name in pinned, f"{name} (a dependency in pyproject.toml) is not pinned in requirements-build.txt"
        version = str(pinned[name].specifier).removeprefix("==")
        assert wanted.specifier.contains(version), f"{name}=={version} is outside pyproject's {wanted.specifier}"
        assert str(wanted.marker or "") == str(pinned[name].marker or ""), f"{name}: the platform markers differ"


def test_the_spec_takes_the_app_id_from_the_package() -> None:
    spec = (PACKAGING / "navigator.spec").read_text(encoding="utf-8")
    assert "from navigator import APP_ID, APP_NAME, __version__" in spec
    assert APP_ID not in spec and f'"{APP_NAME}"' not in spec  # never typed in a second place
    compile(spec, "navigator.spec", "exec")


def test_the_spec_leaves_out_what_it_says() -> None:
    """The exclusion rules, run on paths like the ones PyInstaller hands the spec."""
    spec = (PACKAGING / "navigator.spec").read_text(encoding="utf-8")
    rules = spec[spec.index("EXCLUDED_PLUGIN_FOLDERS = ") : spec.index("def babel_locales")]
    scope: dict[str, object] = {"re": re, "Path": Path}
    exec(rules, scope)  # the spec's own definitions, without PyInstaller
    keep = scope["keep"]
    assert callable(keep)
    kept = [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
    ]
    dropped = [
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
    ]
    assert [p for p in kept if not keep((p, "", "BINARY"))] == []
    assert [p for p in dropped if keep((p, "", "BINARY"))] == []
    system = scope["LINUX_SYSTEM_LIBRARIES"]
    assert isinstance(system, re.Pattern)
    assert all(system.match(name) for name in ("libstdc++.so.6", "libfontconfig.so.1", "libxcb.so.1", "libcups.so.2", "libGL.so.1"))
    assert not any(
        system.match(name) for name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libicudata.so.73", "libpython3.11.so.1.0")
    )


# --- the release workflow -------------------------------------------------------------------------


def workflow() -> dict[str, object]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_workflow_is_valid_against_githubs_schema() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "release.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ${{ matrix.os }}", "runs_on: ${{ matrix.os }}"), encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0


def steps_of(job: str) -> list[dict[str, object]]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    steps = jobs[job]["steps"]
    assert isinstance(steps, list)
    return steps


def test_the_workflow_builds_and_smoke_tests_on_three_systems() -> None:
    data = workflow()
    jobs = data["jobs"]
    assert isinstance(jobs, dict)
    systems = jobs["build"]["strategy"]["matrix"]["os"]
    assert {s.split("-")[0] for s in systems} == {"ubuntu", "windows", "macos"}
    runs = "\n".join(str(step.get("run", "")) for step in steps_of("build"))
    assert "packaging/build" in runs and "packaging/smoke\n" in runs + "\n"
    assert "apt-get install -y -qq ./dist/navigator_*.deb" in runs and "packaging/smoke --command navigator" in runs
    # Publishing: only on a tag, after every build, with one SHA256SUMS over all of them.
    publish = jobs["publish"]
    assert publish["needs"] == "build" and "refs/tags/v" in publish["if"]
    assert publish["permissions"] == {"contents": "write"} and data["permissions"] == {"contents": "read"}
    assert "sha256sum navigator* | tee SHA256SUMS" in "\n".join(str(s.get("run", "")) for s in steps_of("publish"))


def test_the_workflow_calls_only_what_exists() -> None:
    """What actionlint would catch here: scripts that are not there or not executable, actions
    without a pinned major version, expressions naming contexts that do not exist."""
    text = WORKFLOW.read_text(encoding="utf-8")
    for script in sorted(set(re.findall(r"\bpackaging/[\w.-]+", text))):
        path = REPO / script
        assert path.is_file(), f"{script} is called by the workflow but does not exist"
        if path.suffix == "":
            assert path.stat().st_mode & 0o111, f"{script} is not executable"
    for job in ("build", "publish"):
        for step in steps_of(job):
            assert "name" in step, step
            if "uses" in step:
                assert re.fullmatch(r"actions/[\w-]+@v\d+", str(step["uses"])), step["uses"]
    contexts = {"github", "matrix", "runner", "env", "secrets", "steps", "needs", "inputs", "job", "strategy", "vars"}
    for expression in re.findall(r"\$\{\{(.*?)\}\}", text):
        name = re.match(r"\s*(\w+)", expression)
        assert name is not None and name[1] in contexts, expression


def test_the_report_address_comes_only_from_a_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout or a local build has none; a release's is a plain https address, or nothing."""
    import navigator.paths

    assert navigator.paths.report_address() is None  # this checkout
    monkeypatch.setattr(navigator.paths, "_PACKAGE", tmp_path)
    (tmp_path / "report-to.txt").write_text("https://example.org/navigator/issues\n", encoding="utf-8")
    assert navigator.paths.report_address() == "https://example.org/navigator/issues"
    for wrong in ("http://example.org/issues", "https://example.org/a b", "javascript:alert(1)", ""):
        (tmp_path / "report-to.txt").write_text(wrong, encoding="utf-8")
        assert navigator.paths.report_address() is None
