"""Wheel build step: the content compiled into one file per language (navigator/core/compiled.py),
and each language's search index compiled from it (navigator/core/search_compiled.py).

Hatchling runs this when it builds a wheel (not an editable install, which reads the YAML as a
checkout does). The files are written in a temporary folder and placed in the wheel at
``navigator/compiled/``; nothing is added to the source tree.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledContent(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        from navigator.core import compiled, search_compiled

        self._folder = Path(tempfile.mkdtemp(prefix="navigator-compiled-"))
        content = Path(self.root) / "content"
        # The search index is compiled from the compiled content, as the app reads it.
        for path in [*compiled.write(content, self._folder), *search_compiled.write(content, self._folder)]:
            build_data["force_include"][str(path)] = f"navigator/compiled/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
