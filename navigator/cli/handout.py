"""``navigator handout``: a one-page handout on one topic, in any language, without opening a window.

    navigator handout evidence|take-it-down|hashing|helplines --language es [--place US-TX] -o OUT.pdf

For advocates who print handouts for a waiting room or a clinic. The handout says nothing about
anyone: no answers, no date it was made, and a PDF with no time in it (``core/handout.py``).
``--age`` leaves out what is only for adults, as the app does for someone who may have been under
18 (without it, adults-only parts are kept and labelled). Nothing is written but the file asked for.

Exit codes: 0 written; 2 an unknown topic, language or place, or a file that could not be written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from navigator import i18n
from navigator.core.audience import ADULT, AGE_NOT_SURE, UNDER_18, Reader, reader_for_age
from navigator.core.handout import TOPICS, HandoutError, build_handout
from navigator.core.loader import SOURCE_LOCALE, load_content
from navigator.core.localize import available_locales, localize
from navigator.core.render import plain_text
from navigator.paths import content_root

FORMATS = ("pdf", "markdown", "text")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "handout",
        help="write a one-page handout on a topic (PDF, Markdown or text)",
        description="Write a one-page handout on a topic, in any language. It says nothing about anyone.",
    )
    parser.add_argument("topic", choices=TOPICS, help="what the handout is about")
    parser.add_argument("--language", default=SOURCE_LOCALE, metavar="LOCALE", help="its language (default: en)")
    parser.add_argument("--place", metavar="CC", help="a country or region code (US, GB, US-TX): its emergency number and services")
    parser.add_argument(
        "--age",
        choices=(ADULT, UNDER_18, AGE_NOT_SURE),
        help="for someone of this age in the image: under-18 and not-sure leave out what is only for adults",
    )
    parser.add_argument("--format", choices=FORMATS, default="pdf", help="default: pdf")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="where to write it")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.content) if args.content else content_root()
    if args.language not in available_locales(root):
        print(f"navigator handout: no content in language '{args.language}' (have: {', '.join(available_locales(root))})", file=sys.stderr)
        return 2
    content, _report = load_content(root)
    view, _loc_report = localize(content, args.language)
    reader = reader_for_age((args.age,)) if args.age else Reader.UNKNOWN
    label = i18n.translator(args.language)

    def fmt_date(value: date) -> str:
        return i18n.format_date(value, locale=args.language)

    try:
        handout = build_handout(args.topic, view, label, fmt_date, reader, args.place)
    except HandoutError as exc:
        print(f"navigator handout: {exc}", file=sys.stderr)
        return 2
    if args.format == "pdf":
        from navigator.cli.case import _qt_for_pdf

        _qt_for_pdf()
        from navigator.ui.handout_export import handout_pdf

        data, pages = handout_pdf(handout, rtl=i18n.is_rtl(args.language))
        if pages > 1:
            print(f"navigator handout: it needs {pages} pages; nothing was left out that must stay", file=sys.stderr)
    elif args.format == "markdown":
        data = handout.markdown().encode("utf-8")
    else:
        data = plain_text(handout.markdown()).encode("utf-8")
    from navigator.privacy.files import write_whole

    try:
        write_whole(args.output, data)
    except OSError as exc:
        print(f"navigator handout: {args.output} could not be written: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"navigator handout: written {args.output}")
    return 0
