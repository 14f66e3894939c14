"""Letters are the reviewed template with the person's answers put in, nothing else."""

from __future__ import annotations

from datetime import date

from navigator.core.letters import fill
from navigator.core.models import NoticeTemplate

TEMPLATE = NoticeTemplate.model_validate(
    {
        "id": "t",
        "reviewed": "2026-11-26",
        "sources": [{"url": "https://example.org"}],
        "title": "Removal request",
        "kind": "tida",
        "summary": "A test letter.",
        "fields": [
            {"id": "full-name", "label": "Your name"},
            {"id": "urls", "label": "Addresses of the content", "multiline": True},
            {"id": "note", "label": "Anything else", "required": False},
        ],
        "body": "To whom it may concern,\n{urls}\nSigned {full-name} on {date}. {note}",
    }
)


def iso(d: date) -> str:
    return d.isoformat()


def test_fills_answers_and_date() -> None:
    letter = fill(TEMPLATE, {"full-name": "A. Person", "urls": "https://example.com/x"}, date(2026, 11, 26), iso)
    assert letter.complete
    assert "https://example.com/x" in letter.text
    assert "Signed A. Person on 2026-11-26." in letter.text


def test_missing_required_fields_are_listed_and_shown_as_labels() -> None:
    letter = fill(TEMPLATE, {"urls": "  "}, date(2026, 11, 26), iso)
    assert letter.missing == ("full-name", "urls")
    assert "[Your name]" in letter.text and "[Addresses of the content]" in letter.text


def test_answers_cannot_inject_placeholders() -> None:
    letter = fill(TEMPLATE, {"full-name": "{urls}", "urls": "u"}, date(2026, 11, 26), iso)
    assert "Signed {urls} on" in letter.text
