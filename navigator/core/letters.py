"""Fill a reviewed notice template with what the person typed: no free text generation, ever.

The template's words come from content (in the letter's language, which may differ from the
screen's); only the person's own answers are put into its ``{placeholders}``. A declaration is
said (its ``statement``) only once the person has confirmed it; a choice puts in the words of the
option picked. Fields for a representative are asked, and said, only when someone else sends the
request for the person shown (``on_behalf``).

A letter is finished when every required field is filled and so every required element of the
law or the platform (``NoticeTemplate.elements``) is there: ``Letter.missing_elements`` says which
are not, and the writer never calls a letter finished before that.

``check_answers`` is the one place that refuses bad input, with a plain sentence naming the field:
an unknown field, a web address that is not https, an answer too long for the route's form, a
picture or a file instead of an address (letters carry addresses only, never images).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from navigator.core.models import FormField, NoticeElement, NoticeField, NoticeTemplate

PLACEHOLDER_RE = re.compile(r"\{([a-z0-9_-]+)\}")
Label = Callable[[str], str]

# Answers a person may give to confirm a declaration (a fill file may say true, yes or 1).
CONFIRMED = frozenset({"yes", "true", "1", "confirmed"})
# Something that is a picture or a file, not an address: refused in every field.
_NOT_AN_ADDRESS = re.compile(r"data:[a-z]+/|file:/|^[a-zA-Z]:\\|base64,", re.IGNORECASE)
_HOST = re.compile(r"^https://[^/\s?#]+\.[^/\s?#]+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Letter:
    text: str
    missing: tuple[str, ...]  # ids of required fields still empty (or not confirmed)
    missing_elements: tuple[str, ...] = ()  # ids of required elements not yet given

    @property
    def complete(self) -> bool:
        return not self.missing and not self.missing_elements


@dataclass(frozen=True)
class Problem:
    """Something wrong with one answer, said plainly (``field`` is its id, or '' for the whole file)."""

    field: str
    message: str


def active_fields(template: NoticeTemplate, on_behalf: bool) -> list[NoticeField]:
    """The fields asked: a representative's only when someone else sends it."""
    return [f for f in template.fields if on_behalf or not f.representative]


def is_filled(field: NoticeField, value: str | None) -> bool:
    text = (value or "").strip()
    if field.kind == "declaration":
        return text.lower() in CONFIRMED
    if field.kind == "choice":
        return text in {o.value for o in field.options}
    return bool(text)


def missing_fields(template: NoticeTemplate, values: Mapping[str, str], on_behalf: bool = False) -> tuple[str, ...]:
    return tuple(f.id for f in active_fields(template, on_behalf) if f.required and not is_filled(f, values.get(f.id)))


def missing_elements(template: NoticeTemplate, values: Mapping[str, str], on_behalf: bool = False) -> tuple[NoticeElement, ...]:
    """The required elements not yet given: one of their fields is still empty."""
    asked = {f.id: f for f in active_fields(template, on_behalf)}
    return tuple(
        element
        for element in template.elements
        if any(fid in asked and not is_filled(asked[fid], values.get(fid)) for fid in element.fields)
    )


def answer_text(field: NoticeField, value: str | None) -> str:
    """What the letter says for one answer ('' when there is nothing to say)."""
    text = (value or "").strip()
    if field.kind == "declaration":
        return field.statement or "" if text.lower() in CONFIRMED else ""
    if field.kind == "choice":
        return next((o.label for o in field.options if o.value == text), "")
    if field.kind == "urls":
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())
    return text


def fill(
    template: NoticeTemplate,
    values: Mapping[str, str],
    today: date,
    fmt_date: Callable[[date], str],
    on_behalf: bool = False,
) -> Letter:
    """The letter text. An empty required field shows as ``[its label]`` and is listed as missing.

    An empty optional field, or a representative's field when the person sends it themselves,
    says nothing: a line left with nothing on it is dropped, so the letter reads as written.
    """
    fields = {f.id: f for f in template.fields}
    asked = {f.id for f in active_fields(template, on_behalf)}
    missing = missing_fields(template, values, on_behalf)
    elements = tuple(e.id for e in missing_elements(template, values, on_behalf))

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "date":
            return fmt_date(today)
        field = fields.get(name)
        if field is None or name not in asked:
            return ""
        said = answer_text(field, values.get(name))
        if said:
            return said
        return f"[{field.label}]" if field.required else ""

    lines = []
    for line in template.body.split("\n"):
        filled = PLACEHOLDER_RE.sub(replace, line)
        if line.strip() and not filled.strip() and PLACEHOLDER_RE.search(line):
            continue  # only placeholders that say nothing: drop the line, not leave a blank
        lines.append(filled.rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return Letter(text, missing, elements)


# --- the form helper ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormAnswer:
    """One field of the route's web form, with what to put in it from the person's answers."""

    form_field: FormField
    text: str

    @property
    def too_long(self) -> bool:
        limit = self.form_field.max_length
        return limit is not None and len(self.text) > limit


def form_answers(template: NoticeTemplate, values: Mapping[str, str], on_behalf: bool = False) -> list[FormAnswer]:
    """The form's fields in order, each with the answer to copy into it."""
    fields = {f.id: f for f in active_fields(template, on_behalf)}
    found = []
    for form_field in template.form_fields:
        parts = [answer_text(fields[fid], values.get(fid)) for fid in form_field.fields if fid in fields]
        found.append(FormAnswer(form_field, "\n".join(p for p in parts if p)))
    return found


# --- checking what was typed -----------------------------------------------------------------------


def check_answers(template: NoticeTemplate, values: Mapping[str, str], label: Label, on_behalf: bool = False) -> list[Problem]:
    """Every problem with the answers, each a plain sentence naming the field. Empty: all is well.

    Missing answers are not problems here (``missing_fields`` lists them): a letter may be saved
    half-written. These are answers the route could not accept.
    """
    problems: list[Problem] = []
    fields = {f.id: f for f in template.fields}
    for name, raw in values.items():
        field = fields.get(name)
        if field is None:
            known = ", ".join(f.id for f in template.fields)
            message = label("There is no field called '{field}' in this letter. Its fields are: {known}.")
            problems.append(Problem(name, message.format(field=name, known=known)))
            continue
        value = (raw or "").strip()
        if not value:
            continue
        where = field.label
        if _NOT_AN_ADDRESS.search(value):
            message = label("'{field}' holds a picture or a file. A letter gives web addresses only, never images or files.")
            problems.append(Problem(name, message.format(field=where)))
            continue
        if field.kind in ("url", "urls"):
            lines = [line.strip() for line in value.splitlines() if line.strip()]
            if field.kind == "url" and len(lines) > 1:
                message = label("'{field}' takes one web address; put the others in the field for several addresses.")
                problems.append(Problem(name, message.format(field=where)))
            for number, line in enumerate(lines, 1):
                if not _HOST.match(line) or any(c.isspace() for c in line):
                    message = label(
                        "'{field}', line {line}: '{address}' is not a full web address starting with https://. "
                        "Copy the whole address from the browser's address bar."
                    )
                    problems.append(Problem(name, message.format(field=where, line=number, address=line[:80])))
        elif field.kind == "email" and not _EMAIL.match(value):
            message = label("'{field}': '{value}' is not an email address.")
            problems.append(Problem(name, message.format(field=where, value=value[:80])))
        elif field.kind == "choice" and value not in {o.value for o in field.options}:
            message = label("'{field}': '{value}' is not one of the choices. The choices are: {choices}.")
            choices = ", ".join(f"{o.value} ({o.label})" for o in field.options)
            problems.append(Problem(name, message.format(field=where, value=value[:80], choices=choices)))
        elif field.kind == "declaration" and value.lower() not in CONFIRMED | {"no", "false", "0"}:
            message = label("'{field}' is a statement to confirm: answer yes (or true) once you have read it and it is true.")
            problems.append(Problem(name, message.format(field=where)))
        elif not field.lines and "\n" in value:
            message = label("'{field}' takes one line.")
            problems.append(Problem(name, message.format(field=where)))
    if problems:
        return problems
    for answer in form_answers(template, values, on_behalf):
        if answer.too_long:
            limit = answer.form_field.max_length
            names = ", ".join(fields[fid].label for fid in answer.form_field.fields if fid in fields)
            message = label(
                "The form's field '{form_field}' takes at most {limit} characters, and your answer for it ({fields}) has {count}. "
                "Please shorten it."
            )
            problems.append(
                Problem(
                    answer.form_field.fields[0] if answer.form_field.fields else "",
                    message.format(form_field=answer.form_field.name, limit=limit, fields=names, count=len(answer.text)),
                )
            )
    return problems


# --- what the route exposes ----------------------------------------------------------------------


def exposure_lines(template: NoticeTemplate, label: Label) -> list[str]:
    """Who will see the sender's details, whether ID is asked, whether it may be published, who may send it.

    Shown before the person fills anything in. The values are data in the template; only the
    sentences that say them are here.
    """
    exposure = template.exposure
    lines = [label("Who receives your name and contact details: {who}").format(who=exposure.receives)]
    lines.append(
        {
            "yes": label("The person who posted the images is usually told who sent it, with your name."),
            "sometimes": label("Some services tell the person who posted the images who sent it."),
            "no": label("The person who posted the images is not told who sent it."),
            "unknown": label("We could not confirm whether the person who posted the images is told who sent it."),
        }[exposure.uploader]
    )
    lines.append(
        {
            "yes": label("It may be published, for example in a public database of takedown requests (Lumen)."),
            "sometimes": label("Some services publish such requests, for example in a public database of takedown requests (Lumen)."),
            "no": label("It is not published."),
            "unknown": label("We could not confirm whether it may be published."),
        }[exposure.published]
    )
    lines.append(
        {
            "yes": label("You will be asked for proof of who you are (ID)."),
            "sometimes": label("You may be asked for proof of who you are (ID)."),
            "no": label("No proof of who you are (ID) is asked for."),
            "unknown": label("We could not confirm whether proof of who you are (ID) is asked for."),
        }[exposure.id_asked]
    )
    lines.append(
        {
            "yes": label("Someone else, such as an advocate or a lawyer, may send it for you, with your permission."),
            "sometimes": label(
                "Some services let someone else, such as an advocate or a lawyer, send it for you. Check the service's own page."
            ),
            "no": label("You have to send it yourself: someone else may not send it for you."),
            "unknown": label("We could not confirm whether someone else may send it for you."),
        }[exposure.someone_else]
    )
    return lines + list(exposure.notes)


def may_send_for(template: NoticeTemplate) -> bool:
    """Whether the writer offers "someone sends it for me": only where a source says the route allows it."""
    return template.exposure.someone_else in ("yes", "sometimes") and any(f.representative for f in template.fields)
