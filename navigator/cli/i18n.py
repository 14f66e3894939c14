"""``navigator i18n``: the translator's commands (status, new, scaffold, refresh, extract).

The work is done in ``navigator.i18n.tools``; this module reads the command line and prints.
Output is for the people running it (translators, editors), so it stays in English.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel import Locale

from navigator import i18n
from navigator.core.localize import available_locales as content_locales
from navigator.i18n.tools import (
    LocaleStatus,
    ToolError,
    extract,
    new_locale,
    parse_ref,
    scaffold,
    set_fingerprint,
    stale_rows,
    status,
    translation_path,
)
from navigator.paths import content_root, locales_root


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("i18n", help="translation tools: status, new, scaffold, refresh, extract")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    parser.add_argument("--locales", metavar="DIR", help="interface catalogs folder (default: the shipped one)")
    parser.set_defaults(func=lambda args: _usage(parser))
    cmds = parser.add_subparsers(dest="i18n_command")

    p = cmds.add_parser("status", help="how much of each language is translated; stale and broken files")
    p.add_argument("locale", nargs="?", help="only this language (default: all)")
    p.add_argument("-v", "--verbose", action="store_true", help="also list every item not yet translated")
    p.set_defaults(func=_status)

    p = cmds.add_parser("new", help="start a new language: its .po file and content/<locale>/")
    p.add_argument("locale", help="language code, e.g. de or pt_BR")
    p.set_defaults(func=_new)

    p = cmds.add_parser(
        "scaffold",
        help="write translation files pre-filled with the English words (right shape, fingerprint, status: draft)",
    )
    p.add_argument("locale")
    p.add_argument("items", nargs="*", metavar="KIND/ID", help="e.g. organization/rainn or article/hashing")
    p.add_argument("--all", action="store_true", help="every English item that has no translation file yet")
    p.add_argument("--overwrite", action="store_true", help="replace files that already exist (their words are lost)")
    p.set_defaults(func=_scaffold)

    p = cmds.add_parser("refresh", help="list stale translations; mark them up to date once a person confirms")
    p.add_argument("locale", nargs="?", help="only this language")
    p.add_argument("items", nargs="*", metavar="KIND/ID", help="the translations you have brought up to date")
    p.add_argument("--all", action="store_true", help="every stale translation of the language")
    p.add_argument("--yes", action="store_true", help="I have checked them: do not ask again for each one")
    p.set_defaults(func=_refresh)

    p = cmds.add_parser("extract", help="collect interface strings into locales/navigator.pot and update every .po")
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 if the catalogs are out of date")
    p.set_defaults(func=_extract)


def _roots(args: argparse.Namespace) -> tuple[Path, Path]:
    return (Path(args.content) if args.content else content_root(), Path(args.locales) if args.locales else locales_root())


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _fail(error: ToolError) -> int:
    print(f"navigator i18n: {error}", file=sys.stderr)
    return 1


def _name(locale: str) -> str:
    try:
        english = Locale.parse(locale).get_display_name("en")
    except ValueError:
        english = locale
    return f"{english} · {i18n.language_name(locale)} ({locale})"


def _print_status(row: LocaleStatus, verbose: bool) -> None:
    print(_name(row.locale))
    review = {"draft": ", draft (machine-assisted, not yet reviewed)", "reviewed": ", reviewed"}.get(row.ui_review or "", "")
    fuzzy = f"; {row.ui_fuzzy} marked fuzzy (need a look)" if row.ui_fuzzy else ""
    if row.ui_review is None and row.ui_done == 0:
        print(f"  Interface: 0% (no catalog: `navigator i18n new {row.locale}`)")
    else:
        print(f"  Interface: {row.ui_percent}% ({row.ui_done} of {row.ui_total} strings{fuzzy}){review}")
    print(
        f"  Content:   {row.content_percent}% ({row.content_done} of {row.content_total} items; "
        f"{row.content_reviewed} reviewed, {row.content_done - row.content_reviewed} draft)"
    )
    if row.stale:
        print(f"  Stale, the English changed since translating ({len(row.stale)}); the app offers the English:")
        for r in row.stale:
            print(f"    {r.kind.value}/{r.item_id}  {r.path}  (English: {r.english_path}, fingerprint now {r.detail})")
    if row.rejected:
        print(f"  Not used, shown in English until fixed ({len(row.rejected)}):")
        for r in row.rejected:
            print(f"    {r.kind.value}/{r.item_id}  {r.path}")
    for problem in row.problems:
        print(f"    {problem}")
    if row.ui_problems:
        print(f"  Interface entries not used, English shown instead ({len(row.ui_problems)}):")
        for cp in row.ui_problems:
            print(f"    {cp}")
    if row.untranslated_copies:
        print(f"  Files that still hold only the English words, counted as not translated ({len(row.untranslated_copies)})", end="")
        print(":" if verbose else "; list them with --verbose")
        for r in row.untranslated_copies if verbose else []:
            print(f"    {r.kind.value}/{r.item_id}  {r.path}")
    if row.same_as_english and verbose:
        print("  Some texts still word for word the English (fine for names; otherwise still to translate):")
        for r in row.same_as_english:
            print(f"    {r.kind.value}/{r.item_id}  {r.path}: {r.detail}")
    if row.missing:
        print(f"  No translation file yet ({len(row.missing)})", end="")
        print(f"; start one with `navigator i18n scaffold {row.locale} KIND/ID`" + (":" if verbose else " (list them with --verbose)"))
        for r in row.missing if verbose else []:
            print(f"    {r.kind.value}/{r.item_id}  ({r.english_path})")


def _status(args: argparse.Namespace) -> int:
    content, locales = _roots(args)
    rows = status(locales, content, args.locale)
    if not rows:
        print("No translations yet. Start one with `navigator i18n new <locale>`.")
        return 0
    for index, row in enumerate(rows):
        if index:
            print()
        _print_status(row, args.verbose)
    return 0


def _new(args: argparse.Namespace) -> int:
    content, locales = _roots(args)
    try:
        made = new_locale(args.locale, locales, content)
    except ToolError as error:
        return _fail(error)
    for path in made:
        print(f"created {path}")
    print(
        f"Next: translate {made[0]} with Poedit, Weblate or a text editor; start content files with "
        f"`navigator i18n scaffold {args.locale} KIND/ID` (or --all); see how far you are with `navigator i18n status`."
    )
    return 0


def _scaffold(args: argparse.Namespace) -> int:
    content, _ = _roots(args)
    if not args.items and not args.all:
        return _fail(ToolError("name the items to scaffold (e.g. organization/rainn), or use --all"))
    try:
        written = scaffold(content, args.locale, args.items, every=args.all, overwrite=args.overwrite)
    except ToolError as error:
        return _fail(error)
    for path in written:
        print(f"wrote {path}")
    if not written:
        print("Nothing to write: every item already has a translation file.")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    content, _ = _roots(args)
    locale = args.locale
    if locale and locale not in content_locales(content):
        return _fail(ToolError(f"there is no content/{locale}/ folder"))
    rows = stale_rows(content, locale)
    if not args.items and not args.all:
        if not rows:
            print("No stale translations.")
            return 0
        print("Stale translations (the English changed after they were made):")
        for code, r in rows:
            print(f"  {code}  {r.kind.value}/{r.item_id}  {r.path}  (English: {r.english_path})")
        print(
            "Compare each with its English file (e.g. `git log -p -- <English file>`), update the words, then mark it "
            "up to date: `navigator i18n refresh <locale> KIND/ID` (or --all)."
        )
        return 0
    if not locale:
        return _fail(ToolError("name the language: navigator i18n refresh <locale> KIND/ID"))
    try:
        picked = {parse_ref(ref) for ref in args.items}
    except ToolError as error:
        return _fail(error)
    chosen = [r for _, r in rows if args.all or (r.kind, r.item_id) in picked]
    not_stale = picked - {(r.kind, r.item_id) for r in chosen}
    for kind, item_id in sorted(not_stale):
        print(f"{kind.value}/{item_id}: not stale in {locale}, nothing to do")
    if not args.yes and not sys.stdin.isatty():
        return _fail(ToolError("confirm with --yes that you brought these translations up to date (no terminal to ask in)"))
    changed = 0
    for r in chosen:
        if not args.yes:
            answer = input(f"Have the words in {r.path} been brought up to date with {r.english_path}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("  left as stale")
                continue
        set_fingerprint(translation_path(content, locale, r.kind, r.item_id, r.english_path), r.detail)
        print(f"  {r.path}: translated_from is now {r.detail}")
        changed += 1
    print(f"{changed} marked up to date.")
    return 0


def _extract(args: argparse.Namespace) -> int:
    _, locales = _roots(args)
    source = locales.parent
    try:
        out_of_date = extract(source, locales, check=args.check)
    except ToolError as error:
        return _fail(error)
    if args.check:
        for line in out_of_date:
            print(line)
        print("Catalogs are up to date." if not out_of_date else "Run `navigator i18n extract` to update them.")
        return 1 if out_of_date else 0
    for path in out_of_date:
        print(f"updated {path}")
    if not out_of_date:
        print("Catalogs were already up to date; nothing written.")
    return 0
