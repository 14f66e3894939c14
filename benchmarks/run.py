"""Navigator performance benchmark: start-up, memory, `navigator check`, search index and search latency.

It builds a synthetic content tree from the shipped one, scaled up (100x by default, with at
least 2,000 organizations and 1,000 articles, translations included), under benchmarks/out/
(git-ignored), then measures, each beside a baseline taken in the same run:

- start-up: process start to the first painted main window, Navigator (shipped content) against a
  bare PySide6 window (a QMainWindow with one label); median of several runs;
- peak memory (maximum resident set size) of those same processes, and of Navigator with the
  scaled tree after building the search index and running every query;
- `navigator check` on the shipped tree and on the scaled tree;
- search index build time and per-keystroke query latency (p50, p95, max), shipped and scaled,
  in every language the content has (English, Spanish, French, Arabic, Korean, Brazilian
  Portuguese): every prefix of a set of phrases, as typed;
- the same keystrokes through the search page (search plus rebuilding the result list, no paint),
  and a directory filter change, in the scaled app.

Targets (issue 7): start-up with shipped content at most 2.5x the bare window; search p95 at most
16 ms at 100x; peak memory at most 2x the bare window.

Run from the repository root:

    .venv/bin/python benchmarks/run.py            # everything (several minutes: check at 100x is slow)
    .venv/bin/python benchmarks/run.py --quick    # fewer start-up runs, no check at scale

Results are printed as a Markdown table and saved to benchmarks/out/results.md and results.json.
Qt runs on the offscreen platform unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
sys.path.insert(0, str(REPO))

from navigator.core.models import FOLDERS, MODELS, Kind  # noqa: E402
from navigator.core.translation import english_hash  # noqa: E402

TITLE_FIELD = {
    Kind.ORGANIZATION: "name",
    Kind.PLATFORM: "name",
    Kind.GLOSSARY: "term",
}
MINIMUM = {Kind.ORGANIZATION: 2000, Kind.ARTICLE: 1000}
# A place's id is its country code, so a place cannot be copied under a new id; there is one of each.
ONCE = {Kind.PLACE}

PHRASES = {
    "en": [
        "helpline",
        "remove image",
        "take it down",
        "stopncii",
        "police report",
        "deepfake",
        "google search",
        "evidence",
        "screenshot",
        "copyright notice",
        "talk to someone",
        "revenge porn helpline",
        "how do i report on instagram",
        "helpilne",
        "evidnce",
    ],
    "es": ["ayuda", "línea de ayuda", "denunciar", "eliminar imagen", "policía", "pruebas"],
    "fr": ["écoute", "aide", "supprimer une image", "preuves", "police"],
    "ar": ["المساعدة", "الشرطة", "حذف الصورة", "دليل", "مساعده"],
    # Korean as typed, one syllable at a time: nouns with and without their particles (경찰에), and
    # 스크린샷, the common spelling of the 스크린숏 the content uses.
    "ko": ["상담 전화", "경찰에 신고", "증거를 저장", "이미지 삭제", "딥페이크", "스크린샷"],
    "pt_BR": ["linha de ajuda", "denúncia", "remover imagem", "polícia", "provas"],
}


def keystrokes(phrase: str) -> list[str]:
    """What the search box holds after each key press while typing ``phrase``."""
    return [phrase[: n + 1] for n in range(len(phrase))]


# --- the synthetic tree ------------------------------------------------------------------------

SYLLABLES = ("ka", "lo", "ve", "ri", "sa", "mu", "ne", "to", "ba", "li", "dor", "an", "el", "vin", "mar", "tes", "or", "pa", "qu", "zen")


def made_up_word(rng: random.Random) -> str:
    """A pronounceable made-up place name, so that scaled content brings new words like real content."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _read(path: Path) -> tuple[dict[str, Any], str | None]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, front, body = text.split("---\n", 2)
        return yaml.safe_load(front), body
    return yaml.safe_load(text), None


def _write(path: Path, data: dict[str, Any], body: str | None) -> None:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(f"---\n{dumped}---\n{body}" if body is not None else dumped, encoding="utf-8")


def _title_key(kind: Kind) -> str:
    return TITLE_FIELD.get(kind, "title")


def generate(source: Path, target: Path, factor: int) -> dict[str, int]:
    """Copy ``source`` into ``target`` ``factor`` times over (more for organizations and articles).

    Copy 0 keeps the shipped ids, so every internal link still resolves; copy k gets ids ending in
    ``-xk`` and a made-up word in its title. Translations are copied with the English fingerprint
    of their new English item, so they load as current translations, not stale ones.
    """
    if target.exists():
        shutil.rmtree(target)
    english_root = source / "en"
    locales = sorted(p.name for p in source.iterdir() if p.is_dir() and p.name != "en" and not p.name.startswith("."))
    counts: dict[str, int] = {}
    for kind, folder in FOLDERS.items():
        files = sorted(p for p in (english_root / folder).glob("*") if p.suffix in (".yaml", ".md"))
        if not files:
            continue
        copies = 1 if kind in ONCE else max(factor, math.ceil(MINIMUM.get(kind, 0) / len(files)))
        (target / "en" / folder).mkdir(parents=True, exist_ok=True)
        for locale in locales:
            (target / locale / folder).mkdir(parents=True, exist_ok=True)
        counts[folder] = copies * len(files)
        model = MODELS[kind]
        key = _title_key(kind)
        for path in files:
            data, body = _read(path)
            translations = {}
            for locale in locales:
                found = source / locale / folder / path.name
                if found.is_file():
                    translations[locale] = _read(found)
            rng = random.Random(f"{folder}/{path.stem}")
            for copy in range(copies):
                # Two made-up words a copy, so the vocabulary grows as it would with real new content.
                word = f"{made_up_word(rng)} {made_up_word(rng)}" if copy else ""
                item_id = f"{data['id']}-x{copy}" if copy else data["id"]
                new = dict(data, id=item_id)
                if copy and key in new:
                    new[key] = f"{new[key]} {word}"
                _write(target / "en" / folder / f"{item_id}{path.suffix}", new, body)
                merged = dict(new, body=body.strip("\n")) if body is not None else new
                fingerprint = english_hash(model.model_validate(merged))
                for locale, (tdata, tbody) in translations.items():
                    translated = dict(tdata, id=item_id, translated_from=fingerprint)
                    if copy and key in translated:
                        translated[key] = f"{translated[key]} {word}"
                    _write(target / locale / folder / f"{item_id}{path.suffix}", translated, tbody)
    for extra in source.glob("*.yaml"):  # the tree's own settings (denied sources), as shipped
        shutil.copy(extra, target / extra.name)
    return counts


# --- measuring in child processes --------------------------------------------------------------


def rss_mb() -> float:
    """Resident memory now (Linux; 0 elsewhere), to see which step adds what."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# The baseline: a bare PySide6 window, run as a program of its own (``python -c``), so that it pays
# for nothing of this file's (PyYAML, Navigator's content models) and reports as ``child`` does.
BARE_CHILD = """
import json, os, resource, sys, time
started = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def max_rss_mb():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1120, 760)
report = {"build_s": time.perf_counter() - started}

def extra():
    report["peak_mb"] = max_rss_mb()
    print("RESULT " + json.dumps(report), flush=True)
    app.quit()

class FirstPaint(QObject):
    done = False

    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            report["paint_s"] = time.perf_counter() - started
            report["painted_mb"] = max_rss_mb()
            print("PAINTED", flush=True)
            QTimer.singleShot(0, extra)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""


def child(mode: str, content: str | None, compiled_in: str | None = None) -> None:
    """Runs in a fresh process: open Navigator's window, report when it has painted, then do ``mode``'s extra work.

    ``compiled_in``: the content compiled from ``content`` as a wheel's build compiles it (and its
    search index), read as an installed wheel reads its own.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer

    started = time.perf_counter()
    import navigator.app as nav

    if content:
        nav.content_root = lambda: Path(content)  # type: ignore[assignment]
    if compiled_in:
        nav.compiled_content = lambda: Path(compiled_in)  # type: ignore[assignment]
    app = nav.create_app([sys.argv[0]])
    window = nav.build_window(locale="en")
    built = time.perf_counter()
    report: dict[str, Any] = {}

    def extra() -> None:
        try:
            if mode == "scaled":
                report.update(scaled_app_work(window))
            elif mode == "session":
                report.update(session_work(window))
        except Exception:
            import traceback

            print("ERROR " + json.dumps(traceback.format_exc()), flush=True)
        report["peak_mb"] = max_rss_mb()
        print("RESULT " + json.dumps(report), flush=True)
        app.quit()

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                report["paint_s"] = time.perf_counter() - started
                report["build_s"] = built - started
                report["painted_mb"] = max_rss_mb()
                print("PAINTED", flush=True)
                QTimer.singleShot(0, extra)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    window.show()
    app.exec()


def scaled_app_work(window: Any) -> dict[str, Any]:
    """In the scaled app: build the index through the search page, type every phrase, filter the directory."""
    from PySide6.QtWidgets import QApplication

    page = window.pages["search"]
    rss = {"painted": rss_mb()}
    started, cpu = time.perf_counter(), time.thread_time()
    page.index()
    index_s, index_cpu_s = time.perf_counter() - started, time.thread_time() - cpu
    rss["index"] = rss_mb()
    times = []
    for phrase in PHRASES["en"]:
        for text in keystrokes(phrase):
            started = time.perf_counter()
            page.run(text)
            times.append(time.perf_counter() - started)
    rss["queries"] = rss_mb()
    window.open_door("support")
    QApplication.processEvents()
    rss["directory"] = rss_mb()
    directory = window.pages["directory"]
    started = time.perf_counter()
    directory.language.setCurrentIndex(directory.language.findData("es"))
    filter_s = time.perf_counter() - started
    rss["filtered"] = rss_mb()
    return {
        "rss_mb": rss,
        "index_s": index_s,
        "index_cpu_s": index_cpu_s,
        "page_p50_ms": percentile(times, 50) * 1000,
        "page_p95_ms": percentile(times, 95) * 1000,
        "directory_filter_ms": filter_s * 1000,
        "organizations": len(window.library.all(Kind.ORGANIZATION)),
    }


SWITCHES = ("es", "ar", "en")  # languages switched between, each visited once before timing
REPEATS = 5  # each change, timed this many times (median)


def settle() -> None:
    """Let Qt finish what a change started: posted events, layouts, deletions (as the event loop would)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def time_change(window: Any, change: Any) -> tuple[float, float]:
    """Milliseconds from a change to the window painted with it (the change, the events it posts,
    and a synchronous repaint of what is on screen): wall time, and this process's CPU time, which
    waits less for the others on a busy machine."""
    started, cpu = time.perf_counter(), time.process_time()
    change()
    settle()
    window.repaint()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def interactive_changes(window: Any) -> dict[str, float]:
    """Median times of a language switch, a text-size change and a contrast change, as they are now."""
    from navigator import i18n

    switches = [time_change(window, lambda loc=loc: window.switch_language(loc)) for _ in range(REPEATS) for loc in SWITCHES]
    assert i18n.current_locale() == SWITCHES[-1]
    sizes = [time_change(window, step) for _ in range(REPEATS) for step in (window.display.text_bigger, window.display.text_smaller)]
    contrast = [time_change(window, lambda on=on: window.display.set_high_contrast(on)) for _ in range(REPEATS) for on in (True, False)]
    found: dict[str, float] = {}
    for key, samples in (("switch", switches), ("size", sizes), ("contrast", contrast)):
        found[f"{key}_ms"] = statistics.median(wall for wall, _cpu in samples)
        found[f"{key}_cpu_ms"] = statistics.median(cpu for _wall, cpu in samples)
    return found


LIST_DOORS_UP_TO = 2000  # items; the doors' lists are one button an item, so larger trees skip them


def visit_every_page(window: Any) -> bool:
    """A long session: the questions answered to a plan, every door, an item, a search, every page
    built. The two list doors (every law; every platform and letter) are opened only when they hold
    at most ``LIST_DOORS_UP_TO`` items: at 100x they would build tens of thousands of buttons, which
    is a problem of its own (the lists need a view that draws only what is seen). True if opened."""
    from navigator.core.models import Kind

    lists = len(window.library.all(Kind.LAW)) + len(window.library.all(Kind.PLATFORM)) <= LIST_DOORS_UP_TO

    window.open_door("guide")
    settle()
    walk = window.wizard.walk
    while walk.current() is not None:
        question = walk.current()
        walk.set_answer(question.id, [question.options[0].value])
        walk.forward()
        window.wizard.refresh()
    window.wizard.finished.emit(walk)
    settle()
    for door in ("rights", "takedown", "support", "privacy", "case", "requests", "advocates"):
        if door in ("rights", "takedown") and not lists:
            continue
        window.open_door(door)
        settle()
    for name in list(window.stack.makers):  # any page no door opened
        window.show_page(name)
        settle()
    window.open_item(Kind.ARTICLE, window.library.all(Kind.ARTICLE)[0].id)
    settle()
    window.search_box.setText("help")
    window.pages["search"].index()
    window.pages["search"].run("help")
    window.show_page("search")
    settle()
    window.show_page("plan")  # where a person reads their plan: the page on screen while timed
    settle()
    return lists


def session_work(window: Any) -> dict[str, Any]:
    """Language, text size and contrast: first with only the home page built (the baseline), then
    late in a session with every page visited, in the same process."""
    for locale in SWITCHES:  # each language's content laid over the English once, as after a first visit
        window.library.set_locale(locale)
    window.library.set_locale("en")
    settle()
    baseline = interactive_changes(window)
    started = time.perf_counter()
    lists = visit_every_page(window)
    visit_s = time.perf_counter() - started
    from PySide6.QtWidgets import QWidget

    widgets = len(window.findChildren(QWidget))
    late = interactive_changes(window)
    return {"baseline": baseline, "late": late, "visit_s": visit_s, "widgets": widgets, "pages": len(window.pages), "lists": lists}


def run_child(mode: str, content: Path | None = None, timeout: float = 1800, compiled_in: Path | None = None) -> dict[str, Any]:
    """Start a child; wall time from spawn to its first paint, plus what it reports."""
    if mode == "bare":
        command = [sys.executable, "-c", BARE_CHILD]
    else:
        command = [sys.executable, __file__, "--child", mode] + (["--content", str(content)] if content else [])
        command += ["--compiled", str(compiled_in)] if compiled_in else []
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO)
    assert process.stdout is not None
    result: dict[str, Any] = {}
    for line in process.stdout:
        if line.startswith("PAINTED"):
            result["wall_s"] = time.perf_counter() - started
        elif line.startswith("RESULT "):
            result.update(json.loads(line[len("RESULT ") :]))
        elif line.startswith("ERROR "):
            print(f"child {mode} failed:\n{json.loads(line[len('ERROR ') :])}", file=sys.stderr)
    process.wait(timeout=timeout)
    if "wall_s" not in result:
        raise RuntimeError(f"child {mode} did not paint (exit {process.returncode})")
    return result


def run_check(content: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "navigator", "check", "--content", str(content)], cwd=REPO, capture_output=True, check=False)
    return time.perf_counter() - started


# --- measuring search in this process ----------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[rank]


def compile_tree(content: Path, folder: Path) -> dict[str, float]:
    """Compile ``content`` into ``folder`` as a wheel's build does (hatch_build.py): the content, then
    each language's search index from it. Returns the time each took (wall and CPU)."""
    from navigator.core import compiled, search_compiled

    if folder.exists():
        shutil.rmtree(folder)
    times = {}
    for name, step in (("content", compiled.write), ("search", search_compiled.write)):
        started, cpu = time.perf_counter(), time.process_time()
        step(content, folder)
        times[f"{name}_s"], times[f"{name}_cpu_s"] = time.perf_counter() - started, time.process_time() - cpu
    times["search_mb"] = sum(path.stat().st_size for path in folder.glob("*.search")) / 1e6
    times["content_mb"] = sum(path.stat().st_size for path in folder.glob("*.pickle")) / 1e6
    return times


def search_figures(content: Path, compiled_in: Path | None = None) -> dict[str, dict[str, float]]:
    """Each language's index built from the view as a checkout builds it, and queries on it; with
    ``compiled_in`` (content and index compiled as a wheel's build compiles them) the library reads
    the compiled content, and the compiled index is also read, every keystroke runs on both in turn,
    and their results are compared."""
    from navigator.core.library import Library
    from navigator.core.search import SearchIndex

    started = time.perf_counter()
    library = Library(content, compiled_in=compiled_in)
    load_s = time.perf_counter() - started
    if compiled_in is not None and library.compiled_in is None:
        raise RuntimeError(f"{compiled_in} holds no content compiled for this Python: run with --recompile")
    figures: dict[str, dict[str, float]] = {}
    pauses: list[float] = []
    gc_started = [0.0]

    def gc_watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            pauses.append(time.perf_counter() - gc_started[0])

    for locale, phrases in PHRASES.items():
        library.set_locale(locale)
        started, cpu = time.perf_counter(), time.thread_time()
        index = SearchIndex.from_view(library.view)
        build_s, build_cpu_s = time.perf_counter() - started, time.thread_time() - cpu
        read = read_compiled(library, compiled_in, locale) if compiled_in is not None else None
        queries = [text for phrase in phrases for text in keystrokes(phrase)]
        timed: dict[str, tuple[list[float], list[float]]] = {"built": ([], []), "compiled": ([], [])}
        same = 0
        pauses.clear()
        gc.callbacks.append(gc_watch)
        for number, text in enumerate(queries):
            # Each keystroke on both indexes, one first then the other in turn, so that the load of
            # the machine and the collector's pauses fall on both alike.
            order = [("built", index), ("compiled", read["index"])] if read is not None else [("built", index)]
            found = []
            for name, searched in order if number % 2 == 0 else order[::-1]:
                started, cpu = time.perf_counter(), time.thread_time()
                found.append(searched.search(text, per_kind=5))
                timed[name][0].append(time.perf_counter() - started)
                timed[name][1].append(time.thread_time() - cpu)
            same += len(found) == 2 and found[0] == found[1]
        gc.callbacks.remove(gc_watch)
        if read is not None:
            times, cpu_times = timed["compiled"]
            figures[f"{locale}-compiled"] = {
                **{key: value for key, value in read.items() if key != "index"},
                "same_results": same,
                "queries": len(times),
                "p50_ms": percentile(times, 50) * 1000,
                "p95_ms": percentile(times, 95) * 1000,
                "max_ms": max(times) * 1000,
                "cpu_p95_ms": percentile(cpu_times, 95) * 1000,
            }
        times, cpu_times = timed["built"]
        figures[locale] = {
            "items": len(index),
            "words": index.vocabulary_size,
            "load_s": load_s,
            "build_s": build_s,
            "build_cpu_s": build_cpu_s,
            "cpu_p95_ms": percentile(cpu_times, 95) * 1000,
            "queries": len(times),
            "p50_ms": percentile(times, 50) * 1000,
            "p95_ms": percentile(times, 95) * 1000,
            "max_ms": max(times) * 1000,
            "gc_max_ms": max(pauses, default=0.0) * 1000,
        }
    return figures


def read_compiled(library: Any, folder: Path, locale: str) -> dict[str, Any]:
    """The compiled index of ``library``'s view read: the index, the time it took (wall and CPU),
    the resident memory it added and its file's size."""
    from navigator.core import search_compiled

    gc.collect()
    before = rss_mb()
    started, cpu = time.perf_counter(), time.thread_time()
    index = search_compiled.read(folder, library.reader, library.view)
    read_s, read_cpu_s = time.perf_counter() - started, time.thread_time() - cpu
    if index is None:
        raise RuntimeError(f"no compiled search index for {locale} in {folder}: run with --recompile")
    return {
        "index": index,
        "read_s": read_s,
        "read_cpu_s": read_cpu_s,
        "read_added_mb": rss_mb() - before,
        "file_mb": (folder / f"{locale}{search_compiled.SUFFIX}").stat().st_size / 1e6,
    }


# --- report ------------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    bare, shipped = results["startup"]["bare"], results["startup"]["navigator"]
    scaled = results.get("scaled_app", {})
    rows = [
        "| Measure | Navigator | Baseline | Ratio | Target |",
        "|---|---|---|---|---|",
        f"| Start-up to first paint, shipped content (median of {results['runs']}) | {shipped['wall_s']:.2f} s | "
        f"{bare['wall_s']:.2f} s (bare PySide6 window) | {shipped['wall_s'] / bare['wall_s']:.2f}x | ≤ 2.5x |",
        f"| Peak memory at first paint, shipped content | {shipped['painted_mb']:.0f} MB | {bare['painted_mb']:.0f} MB (bare window) | "
        f"{shipped['painted_mb'] / bare['painted_mb']:.2f}x | ≤ 2x |",
    ]
    if scaled:
        rows.append(
            f"| Peak memory, {results['factor']}x content, index built, all queries run | {scaled['peak_mb']:.0f} MB | "
            f"{bare['painted_mb']:.0f} MB (bare window) | {scaled['peak_mb'] / bare['painted_mb']:.2f}x | (≤ 2x is for shipped content) |"
        )
        rows.append(
            f"| Start-up to first paint, {results['factor']}x content (1 run) | {scaled['wall_s']:.1f} s | {bare['wall_s']:.2f} s | "
            f"{scaled['wall_s'] / bare['wall_s']:.0f}x | – |"
        )
    check = results["check"]
    if "scaled_s" in check:
        rows.append(
            f"| `navigator check`, {results['factor']}x content | {check['scaled_s']:.1f} s | {check['shipped_s']:.2f} s (shipped content) | "
            f"{check['scaled_s'] / check['shipped_s']:.0f}x | – |"
        )
    else:
        rows.append(f"| `navigator check`, shipped content | {check['shipped_s']:.2f} s | – | – | – |")
    search_scaled, search_shipped = results["search"]["scaled"], results["search"]["shipped"]
    for locale in PHRASES:
        s, b = search_scaled[locale], search_shipped[locale]
        rows.append(
            f"| Search index build, {locale} ({s['items']:,} items, {s['words']:,} words) | {s['build_s'] * 1000:.0f} ms | "
            f"{b['build_s'] * 1000:.0f} ms (shipped, {b['items']} items) | {s['build_s'] / b['build_s']:.0f}x | – |"
        )
        rows.append(
            f"| Search per keystroke, {locale}, p50 / p95 / max ({s['queries']} keystrokes) | "
            f"{s['p50_ms']:.2f} / {s['p95_ms']:.2f} / {s['max_ms']:.2f} ms | "
            f"{b['p50_ms']:.2f} / {b['p95_ms']:.2f} / {b['max_ms']:.2f} ms (shipped) | {s['p95_ms'] / max(b['p95_ms'], 1e-6):.1f}x (p95) | p95 ≤ 16 ms |"
        )
    if scaled:
        rows.append(
            f"| Search page per keystroke (search + result list, no paint), {results['factor']}x, p50 / p95 | "
            f"{scaled['page_p50_ms']:.2f} / {scaled['page_p95_ms']:.2f} ms | – | – | ≤ 16 ms |"
        )
        rows.append(
            f"| Directory: change the language filter, {scaled['organizations']:,} organizations | {scaled['directory_filter_ms']:.0f} ms | – | – | – |"
        )
    return "\n".join(rows)


def session_table(results: dict[str, Any]) -> str:
    rows = ["| Measure | Navigator | Baseline | Ratio | Target |", "|---|---|---|---|---|"]
    what = {"switch": "Language switch", "size": "Text-size change", "contrast": "Contrast change"}
    for tree, found in results["session"].items():
        name = "shipped content" if tree == "shipped" else f"{results['factor']}x content"
        for key, words in what.items():
            late, base = found["late"][f"{key}_ms"], found["baseline"][f"{key}_ms"]
            late_cpu, base_cpu = found["late"][f"{key}_cpu_ms"], found["baseline"][f"{key}_cpu_ms"]
            rows.append(
                f"| {words}, {name}, late in a session ({found['pages']} pages built, {found['widgets']:,} widgets"
                f"{'' if found['lists'] else ', list doors not opened'}; median of {REPEATS * 2}+) | "
                f"{late:.0f} ms (CPU {late_cpu:.0f}) | {base:.0f} ms (CPU {base_cpu:.0f}), home only, same process | "
                f"{late / base:.1f}x | ≤ 150 ms |"
            )
    return "\n".join(rows)


def search_table(results: dict[str, Any]) -> str:
    """The index read as compiled against the index built (today's way, same run), and keystrokes on each."""
    rows = ["| Measure | Compiled index (read) | Built index (same run) | Shipped content: read; built | Target |", "|---|---|---|---|---|"]
    search_scaled, search_shipped = results["search"]["scaled"], results["search"]["shipped"]
    for locale in PHRASES:
        s, b = search_scaled[locale], search_shipped[locale]
        sc, bc = search_scaled[f"{locale}-compiled"], search_shipped[f"{locale}-compiled"]
        rows.append(
            f"| Search index ready, {locale} ({s['items']:,} items, {s['words']:,} words; file {sc['file_mb']:.1f} MB) | "
            f"{sc['read_s'] * 1000:.0f} ms, CPU {sc['read_cpu_s'] * 1000:.0f} ms | {s['build_s']:.1f} s, CPU {s['build_cpu_s']:.1f} s | "
            f"{bc['read_s'] * 1000:.1f} ms, CPU {bc['read_cpu_s'] * 1000:.1f} ms; {b['build_s'] * 1000:.0f} ms, CPU {b['build_cpu_s'] * 1000:.0f} ms | ≤ 1 s |"
        )
        rows.append(
            f"| Search per keystroke, {locale}, p50 / p95 ({s['queries']} keystrokes); p95 CPU; same results | "
            f"{sc['p50_ms']:.1f} / {sc['p95_ms']:.1f} ms; {sc['cpu_p95_ms']:.1f} ms; {sc['same_results']} of {sc['queries']} | "
            f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms; {s['cpu_p95_ms']:.1f} ms | "
            f"{bc['p95_ms']:.1f} ms, CPU {bc['cpu_p95_ms']:.1f}; {b['p95_ms']:.1f} ms, CPU {b['cpu_p95_ms']:.1f} | p95 ≤ 16 ms |"
        )
    scaled, built, bare = results["scaled_app"], results["scaled_app_built"], results["bare"]
    compile_times = results["compile"]
    rows += [
        f"| Search index ready through the search page, {results['factor']}x (en) | {scaled['index_s'] * 1000:.0f} ms, "
        f"CPU {scaled['index_cpu_s'] * 1000:.0f} ms | {built['index_s'] * 1000:.0f} ms, CPU {built['index_cpu_s'] * 1000:.0f} ms | – | ≤ 1 s |",
        f"| Search page per keystroke (search + result list, no paint), {results['factor']}x, p50 / p95 | "
        f"{scaled['page_p50_ms']:.2f} / {scaled['page_p95_ms']:.2f} ms | {built['page_p50_ms']:.2f} / {built['page_p95_ms']:.2f} ms | – | ≤ 16 ms |",
        f"| Peak memory, {results['factor']}x content compiled, index ready, all queries run | {scaled['peak_mb']:.0f} MB | "
        f"{built['peak_mb']:.0f} MB | bare window: {bare['painted_mb']:.0f} MB ({scaled['peak_mb'] / bare['painted_mb']:.1f}x) | ≤ 3x |",
        f"| Resident memory added by the index (en) | {scaled['rss_mb']['index'] - scaled['rss_mb']['painted']:.0f} MB | "
        f"{built['rss_mb']['index'] - built['rss_mb']['painted']:.0f} MB | – | – |",
        f"| Directory: change the language filter, {scaled['organizations']:,} organizations | {scaled['directory_filter_ms']:.0f} ms | "
        f"{built['directory_filter_ms']:.0f} ms | – | – |",
        f"| Compiling, {results['factor']}x (at build time): content; search index, every language and reader | "
        f"{compile_times['content_cpu_s']:.0f} s CPU ({compile_times['content_mb']:.0f} MB); "
        f"{compile_times['search_cpu_s']:.0f} s CPU ({compile_times['search_mb']:.1f} MB) | – | "
        f"{results['compile_shipped']['content_mb']:.1f} MB; {results['compile_shipped']['search_mb']:.2f} MB | – |",
    ]
    return "\n".join(rows)


def only_search(results: dict[str, Any], source: Path, scaled_tree: Path, recompile: bool) -> int:
    """``--only-search``: the search rows, memory with the index ready, and the directory filter.

    Both trees are compiled as a wheel's build compiles them (content, then each language's search
    index); the scaled one is kept in benchmarks/out and compiled again only when it is missing or
    with ``--recompile`` (about 10 minutes at 100x). In the same run: the index read as compiled,
    and built from the view as today (a checkout still builds it).
    """
    shipped_compiled, scaled_compiled = OUT / "compiled-shipped", OUT / f"compiled-{results['factor']}x"
    print("Compiling the shipped content and its search index ...", flush=True)
    results["compile_shipped"] = compile_tree(source, shipped_compiled)
    if recompile or not (scaled_compiled / "en.search").is_file():
        print(f"Compiling {scaled_tree.relative_to(REPO)} (content, then search index) ...", flush=True)
        results["compile"] = compile_tree(scaled_tree, scaled_compiled)
        (OUT / f"compile-{results['factor']}x.json").write_text(json.dumps(results["compile"]), encoding="utf-8")
    else:
        results["compile"] = json.loads((OUT / f"compile-{results['factor']}x.json").read_text(encoding="utf-8"))
    # The same compiled content without its search index: the app builds the index, as today.
    without_index = OUT / f"compiled-{results['factor']}x-no-index"
    shutil.rmtree(without_index, ignore_errors=True)
    without_index.mkdir(parents=True)
    for path in scaled_compiled.glob("*.pickle"):
        (without_index / path.name).symlink_to(path.resolve())
    # The children first: a child's peak memory (ru_maxrss) starts from this process's when it is
    # forked, and measuring search loads the whole scaled tree here.
    print("Bare window, then Navigator with the scaled tree compiled, index read, then built (one run each) ...", flush=True)
    results["bare"] = run_child("bare")
    results["scaled_app"] = run_child("scaled", scaled_tree, compiled_in=scaled_compiled)
    results["scaled_app_built"] = run_child("scaled", scaled_tree, compiled_in=without_index)
    print(json.dumps({key: results[key] for key in ("bare", "scaled_app", "scaled_app_built")}), flush=True)
    print("Search (in this process) ...", flush=True)
    results["search"] = {
        "shipped": search_figures(source, shipped_compiled),
        "scaled": search_figures(scaled_tree, scaled_compiled),
    }
    results["load_after"] = os.getloadavg()[0]
    header = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {results['machine']}; Qt platform {results['platform']}; "
        f"{sum(results['counts'].values()):,} English items, with translations.\n"
        f"Command: .venv/bin/python benchmarks/run.py --keep-tree --only-search; "
        f"load average {results['load']:.1f} at the start, {results['load_after']:.1f} at the end (2 CPUs)\n"
    )
    text = search_table(results)
    print("\n" + header + "\n" + text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "search-results.md").write_text(header + "\n" + text + "\n", encoding="utf-8")
    (OUT / "search-results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=100, help="how many times the shipped content (default 100)")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs for each of bare and Navigator (median)")
    parser.add_argument("--quick", action="store_true", help="3 start-up runs, and no `navigator check` at scale")
    parser.add_argument("--keep-tree", action="store_true", help="use the scaled tree already in benchmarks/out if there is one")
    parser.add_argument("--only-session", action="store_true", help="only the language, text-size and contrast changes")
    parser.add_argument(
        "--only-search",
        action="store_true",
        help="only search, the index, memory with the index built and the directory filter (no session, no start-up)",
    )
    parser.add_argument("--session-trees", default="shipped,scaled", help="which trees the session rows use (shipped, scaled or both)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument(
        "--recompile",
        action="store_true",
        help="with --only-search: compile the scaled tree again (content and search index) even if benchmarks/out has it",
    )
    parser.add_argument("--content", help=argparse.SUPPRESS)
    parser.add_argument("--compiled", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.content, args.compiled)
        return 0
    runs = 3 if args.quick else args.runs
    source = REPO / "content"
    scaled_tree = OUT / f"content-{args.factor}x"
    results: dict[str, Any] = {"factor": args.factor, "runs": runs}
    results["machine"] = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"
    results["platform"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")

    results["load"] = os.getloadavg()[0]
    if args.keep_tree and (scaled_tree / "en").is_dir():
        results["counts"] = {folder: len(list((scaled_tree / "en" / folder).glob("*"))) for folder in FOLDERS.values()}
    else:
        print(f"Generating {args.factor}x content in {scaled_tree.relative_to(REPO)} ...", flush=True)
        started = time.perf_counter()
        results["counts"] = generate(source, scaled_tree, args.factor)
        print(
            f"  {sum(results['counts'].values()):,} English items in {time.perf_counter() - started:.0f} s: {results['counts']}", flush=True
        )

    if args.only_search:
        return only_search(results, source, scaled_tree, args.recompile)
    print("Language, text size and contrast, home only and late in a session (shipped, then scaled) ...", flush=True)
    trees = {"shipped": None, "scaled": scaled_tree}
    results["session"] = {name: run_child("session", trees[name]) for name in args.session_trees.split(",")}
    print(f"load average {results['load']:.1f} -> {os.getloadavg()[0]:.1f}\n" + session_table(results), flush=True)
    if args.only_session:
        return 0

    print("Start-up and memory (bare window and Navigator, alternating) ...", flush=True)
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], "navigator": []}
    run_child("bare")  # warm the file cache for both
    run_child("navigator")
    for _ in range(runs):
        for mode in samples:
            samples[mode].append(run_child(mode))
    results["startup"] = {
        mode: {key: statistics.median(s[key] for s in found) for key in ("wall_s", "paint_s", "painted_mb", "peak_mb")}
        for mode, found in samples.items()
    }

    print("navigator check ...", flush=True)
    results["check"] = {"shipped_s": statistics.median(run_check(source) for _ in range(3))}
    if not args.quick:
        results["check"]["scaled_s"] = run_check(scaled_tree)

    # Before search: a child's peak memory (ru_maxrss) starts from this process's when it is forked,
    # and measuring search loads the whole scaled tree here.
    print(f"Navigator with {args.factor}x content (one run) ...", flush=True)
    results["scaled_app"] = run_child("scaled", scaled_tree)

    print("Search (in this process) ...", flush=True)
    results["search"] = {"shipped": search_figures(source), "scaled": search_figures(scaled_tree)}

    text = table(results) + "\n" + session_table(results).split("\n", 2)[2]
    results["load_after"] = os.getloadavg()[0]
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {results['machine']}; Qt platform {results['platform']}; "
        f"{args.factor}x tree: {results['counts'].get('organizations', 0):,} organizations, {results['counts'].get('articles', 0):,} articles, "
        f"{sum(results['counts'].values()):,} English items, with translations.\n"
        f"Command: .venv/bin/python benchmarks/run.py{' --quick' if args.quick else ''}; "
        f"load average {results['load']:.1f} at the start, {results['load_after']:.1f} at the end (2 CPUs)\n"
    )
    print("\n" + header + "\n" + text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.md").write_text(header + "\n" + text + "\n", encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
