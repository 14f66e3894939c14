"""``navigator notice``: list the letter templates, show one, or fill one in from a file.

    navigator notice list [--language LL]
    navigator notice show TEMPLATE [--language LL]
    navigator notice render TEMPLATE --fill FILE.yaml [--language LL] [--format text|markdown|pdf] [-o OUT]

The fill file is YAML (format in README.md, "Letters from the command line"): ``fields`` maps
each field id to the answer (a list for several web addresses; ``yes`` to confirm a statement;
an option value for a choice), ``on_behalf: true`` when someone else sends it for the person
shown, and ``age`` (the answer to the guided questions' age question) when the template is only
for images of adults.

Before the letter, what the route exposes (who receives the sender's details, whether it may be
published, whether ID is asked, whether someone else may send it) and the status of its law are
printed to standard error. The letter goes to standard output, or to ``-o OUT``. Nothing else is
written. Exit code 0: the letter was printed or saved; 2: it was not, and each reason is one
plain sentence naming the field: an unknown template or field, an answer the route cannot take
(not an https address, too long for its form, a picture instead of an address), or required
fields still empty (each listed with the element of the law it gives). No letter is printed then.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from navigator import i18n
from navigator.core.audience import Reader, reader_for_age, restrict
from navigator.core.letters import active_fields, check_answers, exposure_lines, fill, missing_elements
from navigator.core.loader import SOURCE_LOCALE
from navigator.core.models import Kind, Law, NoticeTemplate, Place
from navigator.core.render import status_label
from navigator.i18n import _
from navigator.paths import content_root

FORMATS = ("text", "markdown", "pdf")
FILL_KEYS = ("fields", "on_behalf", "age")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "notice",
        help="list, show or fill in the letter templates (requests, notices, reports)",
        description="List, show or fill in Navigator's letter templates. Nothing is sent; nothing is kept.",
    )
    sub = parser.add_subparsers(dest="notice_command", required=True)
    listing = sub.add_parser("list", help="every template, by the place whose law or route it uses")
    listing.add_argument("--language", default=SOURCE_LOCALE, help="language of the titles (default: en)")
    listing.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    listing.set_defaults(func=run_list)
    show = sub.add_parser("show", help="what a template exposes, what it must contain, and its fields")
    show.add_argument("template", metavar="TEMPLATE")
    show.add_argument("--language", default=SOURCE_LOCALE, help="language (default: en)")
    show.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    show.set_defaults(func=run_show)
    render = sub.add_parser("render", help="fill a template in from a YAML file and print the letter")
    render.add_argument("template", metavar="TEMPLATE")
    render.add_argument("--fill", required=True, type=Path, metavar="FILE.yaml", help="the answers (see README)")
    render.add_argument("--language", default=SOURCE_LOCALE, help="language of the letter (default: en)")
    render.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    render.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the letter here (needed for pdf)")
    render.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD", help="date on the letter (default: today)")
    render.add_argument("--content", metavar="DIR", help="content folder (default: the shipped one)")
    render.set_defaults(func=run_render)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _library(args: argparse.Namespace, reader: Reader = Reader.UNKNOWN) -> Any:
    from navigator.core.library import Library

    root = Path(args.content) if args.content else content_root()
    library = Library(root)
    library.reader_source = lambda: reader
    if args.language not in library.locales():
        _say(_("There is no content in the language '{locale}'.").format(locale=args.language))
        return None
    return library


def _template(library: Any, locale: str, template_id: str) -> NoticeTemplate | None:
    item = library.english.get(Kind.NOTICE, template_id)
    if not isinstance(item, NoticeTemplate):
        _say(_("There is no letter template called '{template}'. 'navigator notice list' shows them all.").format(template=template_id))
        return None
    shown = library.view_for(locale).get(Kind.NOTICE, template_id)
    return shown if isinstance(shown, NoticeTemplate) else item


# --- list -----------------------------------------------------------------------------------------


def place_name(code: str, library: Any) -> str:
    if code == "*":
        return _("Anywhere")
    if code == "EU":
        return _("European Union")
    country = code.split("-")[0]
    place = library.get(Kind.PLACE, country.lower())
    if isinstance(place, Place):
        if "-" not in code:
            return place.name
        for sub in place.subdivisions:
            if sub.code == code:
                return f"{sub.name} ({place.name})"
    return code


def run_list(args: argparse.Namespace) -> int:
    library = _library(args)
    if library is None:
        return 2
    library.set_locale(args.language)
    groups: dict[str, list[NoticeTemplate]] = {}
    for item in library.english.items(Kind.NOTICE):
        shown = library.view_for(args.language).get(Kind.NOTICE, item.id)
        template = shown if isinstance(shown, NoticeTemplate) else item
        for region in template.regions:
            groups.setdefault(region, []).append(template)
    order = sorted(groups, key=lambda code: (code != "*", place_name(code, library).casefold()))
    for code in order:
        print(place_name(code, library))
        for template in sorted(groups[code], key=lambda t: (t.rank, t.id)):
            marks = []
            if template.audience == "adults":
                marks.append(_("only for images of adults"))
            if template.form_fields:
                marks.append(_("form helper"))
            law = _law(library, template)
            if law is not None and law.status != "in_force":
                marks.append(status_label(law.status, _))
            extra = f" ({'; '.join(marks)})" if marks else ""
            print(f"  {template.id:<28} {template.title}{extra}")
        print()
    return 0


def _law(library: Any, template: NoticeTemplate) -> Law | None:
    if template.legal_basis is None:
        return None
    found = library.resolve(template.legal_basis)
    return found[1] if found and isinstance(found[1], Law) else None


# --- show -----------------------------------------------------------------------------------------


def before_lines(library: Any, template: NoticeTemplate) -> list[str]:
    """What the route exposes, then the status of its law when it is not in force (data from the law)."""
    lines = [_("Before you send it: who will see what")]
    lines += [f"- {line}" for line in exposure_lines(template, _)]
    law = _law(library, template)
    if law is not None and law.status != "in_force":
        lines.append(_("The law behind this request: {status}.").format(status=status_label(law.status, _)))
        if law.status_note:
            lines.append(f"  {law.status_note}")
    return lines


def run_show(args: argparse.Namespace) -> int:
    library = _library(args)
    if library is None:
        return 2
    template = _template(library, args.language, args.template)
    if template is None:
        return 2
    print(f"{template.title}\n\n{template.summary}\n")
    print("\n".join(before_lines(library, template)))
    print("\n" + _("What it must contain:"))
    for element in template.elements:
        cite = f" ({element.cite})" if element.cite else ""
        print(f"- {element.label}{cite}: {', '.join(element.fields)}")
    print("\n" + _("A fill file for it:"))
    print(skeleton(template))
    return 0


def skeleton(template: NoticeTemplate) -> str:
    """A fill file to start from: every field, with what it takes as a comment."""
    lines = []
    if template.audience == "adults":
        lines.append("age: adult            # " + _("this template is only for images of people who were 18 or over"))
    if any(f.representative for f in template.fields):
        lines.append("on_behalf: false      # " + _("true when someone else sends it for the person shown"))
    lines.append("fields:")
    for field in template.fields:
        note = field.label + ("" if field.required else " " + _("(optional)"))
        if field.representative:
            note += " " + _("(only when someone else sends it)")
        if field.kind == "declaration":
            value = "yes"
        elif field.kind == "choice":
            value = field.options[0].value
            note += " [" + ", ".join(o.value for o in field.options) + "]"
        elif field.kind == "urls":
            value = "[https://...]"
        else:
            value = "''"
        lines.append(f"  {field.id}: {value}  # {note}")
    return "\n".join(lines)


# --- render ---------------------------------------------------------------------------------------


def read_fill(path: Path) -> tuple[dict[str, str], bool, str | None, list[str]]:
    """(answers, on_behalf, age, problems) from a fill file; every problem is listed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return {}, False, None, [_("{path} cannot be read: {reason}").format(path=path, reason=exc.strerror or exc)]
    except UnicodeDecodeError:
        return {}, False, None, [_("{path} is not UTF-8 text.").format(path=path)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        return {}, False, None, [_("{where}: this is not valid YAML.").format(where=where)]
    if not isinstance(data, dict) or not isinstance(data.get("fields", {}), dict):
        return {}, False, None, [_("{path} must be a mapping with 'fields:' (field id: answer). See README.md.").format(path=path)]
    problems = [
        _("{path}: '{key}' is not a key of a fill file (keys: {keys}).").format(path=path, key=key, keys=", ".join(FILL_KEYS))
        for key in data
        if key not in FILL_KEYS
    ]
    answers: dict[str, str] = {}
    for key, raw in (data.get("fields") or {}).items():
        answers[str(key)] = _as_text(raw)
    on_behalf = data.get("on_behalf") is True
    age = data.get("age")
    return answers, on_behalf, str(age) if age is not None else None, problems


def _as_text(raw: object) -> str:
    if raw is None:
        return ""
    if raw is True:
        return "yes"
    if raw is False:
        return "no"
    if isinstance(raw, list):
        return "\n".join(_as_text(value) for value in raw)
    return str(raw)


def run_render(args: argparse.Namespace) -> int:
    answers, on_behalf, age, problems = read_fill(args.fill)
    reader = reader_for_age({age} if age else None)
    library = _library(args, reader)
    if library is None:
        return 2
    template = _template(library, args.language, args.template)
    if template is None:
        return 2
    if restrict(template, reader) is None:
        _say(
            _(
                "This letter is only for images of people who were 18 or over in the image: a copyright notice names the sender "
                "to the person who posted it. Say 'age: adult' in the fill file only if that is true. For images of someone "
                "under 18, Take It Down and the platform's own report are safer."
            )
        )
        return 2
    if args.format == "pdf" and args.output is None:
        problems.append(_("A PDF needs a file to go to: add -o OUT.pdf."))
    problems += [p.message for p in check_answers(template, answers, _, on_behalf)]
    if on_behalf and not any(f.representative for f in template.fields):
        problems.append(_("This letter has no fields for someone sending it for the person shown; leave out 'on_behalf'."))
    if problems:
        for problem in problems:
            _say(problem)
        return 2
    letter = fill(template, answers, args.date or date.today(), _date_in(args.language), on_behalf)
    if not letter.complete:
        _say(_("The letter is not finished, so it was not printed. Still to fill in:"))
        fields = {f.id: f for f in active_fields(template, on_behalf)}
        for field_id in letter.missing:
            _say(f"- {field_id}: {fields[field_id].label}")
        for element in missing_elements(template, answers, on_behalf):
            cite = f" ({element.cite})" if element.cite else ""
            _say(_("  The law or the site requires: {element}{cite}").format(element=element.label, cite=cite))
        return 2
    for line in before_lines(library, template):
        _say(line)
    state = library.view_for(args.language).state(Kind.NOTICE, template.id)
    if args.language != SOURCE_LOCALE and state.shows_english:
        _say(_("This letter is not yet translated into that language, so it is in English."))
    elif state.review == "draft":
        _say(_("This translation is a draft. Ask someone who reads the language to check it before you send it."))
    return _write(letter.text, template.title, args)


def _date_in(locale: str) -> Callable[[date], str]:
    return lambda value: i18n.format_date(value, locale=locale)


def _write(text: str, title: str, args: argparse.Namespace) -> int:
    if args.format == "pdf":
        from navigator.cli.case import _qt_for_pdf

        _qt_for_pdf()
    from navigator.ui.letter_export import letter_bytes

    data = letter_bytes(text, title, args.format, rtl=i18n.is_rtl(args.language))
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from navigator.core.case_text import reason_text
    from navigator.privacy.files import write_whole

    try:
        write_whole(args.output, data)
    except OSError as exc:
        _say(_("The letter could not be saved there. {reason}").format(reason=reason_text(exc.errno, _)))
        return 2
    _say(_("The letter was saved: {path}").format(path=args.output))
    return 0
