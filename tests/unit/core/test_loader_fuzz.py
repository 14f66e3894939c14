"""Property: whatever happens to a content file, the loader returns a report and never crashes."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.core.loader import load_content
from tests.conftest import FIXTURES

FILES = sorted(p.relative_to(FIXTURES / "good") for p in (FIXTURES / "good").rglob("*.*"))
YAMLISH = st.sampled_from(
    [
        ":",
        "- ",
        "  ",
        "\n",
        "'",
        '"',
        "{",
        "}",
        "[",
        "]",
        "#",
        "&a",
        "*a",
        "!!python/object:os.system",
        "---",
        "\t",
        "é",
        "\x00",
        "id: x\n",
        "null",
        "~",
        "1e9999",
    ]
)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[Path, bytes]:
    rel = draw(st.sampled_from(FILES))
    data = (FIXTURES / "good" / rel).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["delete", "insert", "replace", "truncate", "swap_lines"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 20)) :]
        elif action == "insert":
            data = data[:at] + draw(YAMLISH).encode() + data[at:]
        elif action == "replace":
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at + 1 :]
        elif action == "truncate":
            data = data[:at]
        else:
            lines = data.split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
    return rel, data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_files_yield_a_report(mutation: tuple[Path, bytes]) -> None:
    rel, data = mutation
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(FIXTURES / "good", root)
        (root / rel).write_bytes(data)
        content, report = load_content(root)
        # Every problem names a file of the tree; the untouched files still load.
        for problem in report.problems:
            assert problem.path.startswith("content/en/"), problem
            assert problem.message
        untouched = {p.stem for p in FILES if p != rel}
        loaded = {item_id for _, item_id in content.entries}
        assert untouched - loaded <= {"first-steps", "helpline", "url", "example-law"}
        if report.ok:
            assert rel.stem in loaded or rel.stem not in {p.stem for p in FILES}
