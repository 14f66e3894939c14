"""Letters are the reviewed template with the person's answers put in, nothing else; bad answers are named."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from navigator.core.letters import (
    answer_text,
    check_answers,
    exposure_lines,
    fill,
    form_answers,
    may_send_for,
    missing_elements,
)
from navigator.core.models import NoticeTemplate

SOURCE = "https://example.org/law"


def template_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "t",
        "reviewed": "2026-11-30",
        "sources": [{"url": SOURCE}],
        "title": "Removal request",
        "kind": "tida",
        "summary": "A test letter.",
        "exposure": {
            "receives": "The platform.",
            "uploader": "no",
            "published": "no",
            "id_asked": "no",
            "someone_else": "yes",
            "sources": [SOURCE],
        },
        "fields": [
            {"id": "full-name", "label": "Your name"},
            {"id": "urls", "label": "Addresses of the content", "kind": "urls"},
            {"id": "truth", "label": "Good faith", "kind": "declaration", "statement": "I swear it is true."},
            {
                "id": "who",
                "label": "Who",
                "kind": "choice",
                "options": [{"value": "me", "label": "I am shown."}, {"value": "them", "label": "I act for them."}],
            },
            {"id": "note", "label": "Anything else", "required": False},
            {"id": "sent-by", "label": "Sent by", "representative": True},
        ],
        "elements": [
            {"id": "location", "label": "Where it is", "fields": ["urls"], "source": SOURCE},
            {"id": "oath", "label": "A statement", "cite": "s.1(b)", "fields": ["truth"], "source": SOURCE},
        ],
        "form_url": "https://example.org/form",
        "form_fields": [
            {"name": "Addresses", "fields": ["urls"], "max_length": 60, "source": SOURCE},
            {"name": "About you", "fields": ["full-name", "who"], "source": SOURCE},
            {"name": "Category", "pick": "Intimate images", "source": SOURCE},
        ],
        "body": "To whom it may concern,\n{urls}\n{truth}\n{who}\nSigned {full-name} on {date}.\nNote: {note}\n{sent-by}\nEnd.",
    }
    data.update(changes)
    return data


TEMPLATE = NoticeTemplate.model_validate(template_data())
FULL = {"full-name": "A. Person", "urls": "https://example.com/x\n\n https://example.com/y ", "truth": "yes", "who": "me"}


def iso(d: date) -> str:
    return d.isoformat()


def same(text: str) -> str:
    return text


def test_fills_answers_date_declaration_and_choice() -> None:
    letter = fill(TEMPLATE, FULL, date(2026, 11, 26), iso)
    assert letter.complete
    assert "https://example.com/x\nhttps://example.com/y\n" in letter.text  # one address a line, blanks gone
    assert "I swear it is true." in letter.text
    assert "I am shown." in letter.text and "\nme\n" not in letter.text
    assert "Signed A. Person on 2026-11-26." in letter.text


def test_missing_required_fields_and_elements_are_listed_and_shown_as_labels() -> None:
    letter = fill(TEMPLATE, {"urls": "  ", "truth": "no"}, date(2026, 11, 26), iso)
    assert letter.missing == ("full-name", "urls", "truth", "who")
    assert letter.missing_elements == ("location", "oath")
    assert not letter.complete
    assert "[Your name]" in letter.text and "[Addresses of the content]" in letter.text
    assert "[Good faith]" in letter.text and "I swear" not in letter.text  # never said before it is confirmed


def test_empty_optional_and_representative_lines_are_dropped_not_left_as_labels() -> None:
    letter = fill(TEMPLATE, FULL, date(2026, 11, 26), iso)
    assert "Anything else" not in letter.text
    assert "Note:" in letter.text  # a line with words of its own stays
    assert "Sent by" not in letter.text and "\n\n\n" not in letter.text


def test_someone_sending_for_the_person_adds_their_field() -> None:
    assert may_send_for(TEMPLATE)
    letter = fill(TEMPLATE, FULL, date(2026, 11, 26), iso, on_behalf=True)
    assert letter.missing == ("sent-by",)
    assert "[Sent by]" in letter.text
    done = fill(TEMPLATE, FULL | {"sent-by": "B. Advocate, with permission"}, date(2026, 11, 26), iso, on_behalf=True)
    assert done.complete and "B. Advocate, with permission" in done.text


def test_no_representative_offer_where_the_route_does_not_allow_it() -> None:
    for value in ("no", "unknown"):
        data = template_data()
        data["exposure"] = data["exposure"] | {"someone_else": value}
        assert not may_send_for(NoticeTemplate.model_validate(data))


def test_answers_cannot_inject_placeholders() -> None:
    letter = fill(TEMPLATE, FULL | {"full-name": "{urls}"}, date(2026, 11, 26), iso)
    assert "Signed {urls} on" in letter.text


def test_missing_elements_follow_their_fields() -> None:
    assert [e.id for e in missing_elements(TEMPLATE, FULL | {"truth": ""})] == ["oath"]
    assert missing_elements(TEMPLATE, FULL) == ()


def test_form_answers_in_the_forms_order_with_limits() -> None:
    answers = form_answers(TEMPLATE, FULL)
    assert [a.form_field.name for a in answers] == ["Addresses", "About you", "Category"]
    assert answers[1].text == "A. Person\nI am shown."
    assert answers[2].text == "" and answers[2].form_field.pick == "Intimate images"
    assert not answers[0].too_long
    long = form_answers(TEMPLATE, FULL | {"urls": "https://example.com/" + "a" * 60})
    assert long[0].too_long


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"colour": "x"}, "colour", "no field called 'colour'"),
        ({"urls": "http://example.com/x"}, "urls", "line 1: 'http://example.com/x' is not a full web address"),
        ({"urls": "https://example.com/x\nexample.com/y"}, "urls", "line 2"),
        ({"urls": "https://exa mple.com"}, "urls", "https://"),
        ({"urls": "https://example.com/" + "a" * 80}, "urls", "takes at most 60 characters"),
        ({"note": "data:image/png;base64,AAAA"}, "note", "never images or files"),
        ({"note": "file:///home/me/photo.jpg"}, "note", "never images or files"),
        ({"who": "someone"}, "who", "not one of the choices"),
        ({"truth": "maybe"}, "truth", "statement to confirm"),
        ({"full-name": "A.\nPerson"}, "full-name", "takes one line"),
    ],
)
def test_bad_answers_get_a_plain_message_naming_the_field(values: dict[str, str], field: str, words: str) -> None:
    problems = check_answers(TEMPLATE, values, same)
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message


def test_good_answers_have_no_problems() -> None:
    assert check_answers(TEMPLATE, FULL | {"note": "", "sent-by": "x"}, same) == []


def test_answer_text_for_each_kind() -> None:
    fields = {f.id: f for f in TEMPLATE.fields}
    assert answer_text(fields["truth"], "TRUE") == "I swear it is true."
    assert answer_text(fields["truth"], "no") == ""
    assert answer_text(fields["who"], "them") == "I act for them."
    assert answer_text(fields["who"], "nobody") == ""


def test_exposure_lines_say_each_value() -> None:
    lines = exposure_lines(TEMPLATE, same)
    assert lines[0] == "Who receives your name and contact details: The platform."
    assert "is not told who sent it" in lines[1]
    assert lines[2] == "It is not published."
    assert "No proof" in lines[3]
    assert "may send it for you" in lines[4]
    data = template_data()
    data["exposure"] = data["exposure"] | {"uploader": "yes", "published": "yes", "notes": ["Lumen keeps copies."]}
    lines = exposure_lines(NoticeTemplate.model_validate(data), same)
    assert "usually told who sent it" in lines[1] and "Lumen" in lines[2] and lines[-1] == "Lumen keeps copies."


# --- the schema refuses templates that could not give a valid request ------------------------------


def broken(**changes: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        NoticeTemplate.model_validate(template_data(**changes))
    return str(caught.value)


def test_an_element_must_be_in_the_body_and_required() -> None:
    assert "is not in the body" in broken(body="{full-name} {truth} {who}")
    fields = template_data()["fields"]
    fields[1] = fields[1] | {"required": False}
    assert "must be required" in broken(fields=fields)
    elements = [{"id": "x", "label": "X", "fields": ["nothing"], "source": SOURCE}]
    assert "names a field that does not exist" in broken(elements=elements)


def test_facts_cite_only_the_templates_sources() -> None:
    elements = [{"id": "x", "label": "X", "fields": ["urls"], "source": "https://example.org/elsewhere"}]
    assert "is not one of the template's sources" in broken(elements=elements)


def test_a_copyright_notice_is_for_adults_only() -> None:
    assert "audience: adults" in broken(kind="copyright")
    assert NoticeTemplate.model_validate(template_data(kind="copyright", audience="adults")).audience == "adults"


def test_field_shapes() -> None:
    fields = template_data()["fields"]
    assert "needs a statement" in broken(fields=[*fields, {"id": "oath2", "label": "O", "kind": "declaration"}])
    assert "needs options" in broken(fields=[*fields, {"id": "c", "label": "C", "kind": "choice"}])
    assert "one line" in broken(fields=[*fields, {"id": "u", "label": "U", "kind": "url", "multiline": True}])


def test_form_fields_need_the_forms_address() -> None:
    assert "form_url" in broken(form_url=None)


def test_unverified_exposure_values_must_be_unknown() -> None:
    assert "holds a value" in broken(unverified=[{"field": "exposure.published", "note": "not read"}])
    data = template_data(unverified=[{"field": "exposure.published", "note": "not read"}])
    data["exposure"] = data["exposure"] | {"published": "unknown"}
    assert NoticeTemplate.model_validate(data).exposure.published == "unknown"
