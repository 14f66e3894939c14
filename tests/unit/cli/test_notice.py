"""`navigator notice list|show|render`: the letter or nothing; exit 0 or 2; a plain message naming the field."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml

from navigator.cli import main

TIDA = {
    "fields": {
        "platform": "Example Social",
        "full-name": "A. Person",
        "content-urls": ["https://example.com/post/1", "https://example.com/post/2"],
        "description": "Two images posted by @example on 3 March.",
        "good-faith": True,
        "contact": "safe-address@example.org",
        "signature": "A. Person",
    }
}


def plain(text: str) -> str:
    """Text as pdftotext gives it back, comparable: Arabic presentation forms and direction marks undone."""
    return " ".join(unicodedata.normalize("NFKC", re.sub("[\u200e\u200f\u202a-\u202e]", "", text)).split())


def fill_file(tmp_path: Path, data: object, name: str = "fill.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["notice", *args])
    out, err = capsys.readouterr()
    return code, out, err


def render(capsys: pytest.CaptureFixture[str], tmp_path: Path, template: str, data: object, *args: str) -> tuple[int, str, str]:
    return run(capsys, "render", template, "--fill", str(fill_file(tmp_path, data)), "--date", "2026-11-30", *args)


def test_list_groups_templates_by_place(capsys):
    code, out, err = run(capsys, "list")
    assert (code, err) == (0, "")
    places = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert places[0] == "Anywhere"
    for place in ("United States", "United Kingdom", "European Union", "Australia", "Quebec (Canada)", "British Columbia (Canada)"):
        assert place in places, place
    assert "copyright-dmca-notice" in out and "only for images of adults" in out
    uk = out.split("United Kingdom\n", 1)[1].split("\n\n", 1)[0]
    assert "gb-intimate-image-report" in uk and "not yet in force" in uk
    assert "form helper" in out.split("au-esafety-report", 1)[1].splitlines()[0]


def test_show_gives_exposure_elements_and_a_fill_file(capsys):
    code, out, _ = run(capsys, "show", "copyright-dmca-notice")
    assert code == 0
    assert out.index("who will see what") < out.index("What it must contain")
    assert "17 U.S.C. 512(c)(3)(A)(vi)" in out
    skeleton = yaml.safe_load(out.split("A fill file for it:\n", 1)[1])
    assert skeleton["age"] == "adult" and "accuracy" in skeleton["fields"]


def test_render_prints_the_letter_and_the_exposure_first(capsys, tmp_path):
    code, out, err = render(capsys, tmp_path, "tida-removal-request", TIDA)
    assert code == 0
    assert out.startswith("To: Example Social\nDate: November 30, 2026\n")
    assert "https://example.com/post/1\nhttps://example.com/post/2\n" in out
    assert "I have a good-faith belief" in out
    assert "Sent by" not in out  # the representative's line says nothing when the person sends it
    assert err.startswith("Before you send it: who will see what\n")
    assert "Who receives your name and contact details: The website or app you send it to." in err


def test_render_in_french_from_an_english_command_line(capsys, tmp_path):
    code, out, err = render(capsys, tmp_path, "tida-removal-request", TIDA, "--language", "fr")
    assert code == 0
    assert out.startswith("À : Example Social\nDate : 30 novembre 2026\n")
    assert "Je crois de bonne foi" in out
    assert "Before you send it" in err and "This translation is a draft" in err


def test_render_says_the_uk_duty_is_not_in_force_from_the_law_item(capsys, tmp_path):
    data = {
        "fields": {
            "platform": "Example",
            "present": "yes",
            "who-reports": "subject",
            "content-urls": ["https://example.com/a"],
            "description": "One image posted on 3 March.",
            "good-faith": "yes",
            "contact": "me@example.org",
            "sender-name": "A. Person",
        }
    }
    code, out, err = render(capsys, tmp_path, "gb-intimate-image-report", data)
    assert code == 0 and "section 20A" in out
    assert "The law behind this request: Passed into law, not yet in force." in err
    assert "Commencement is not confirmed" in err


def test_a_missing_field_prints_what_is_missing_and_no_letter(capsys, tmp_path):
    data = {"fields": {k: v for k, v in TIDA["fields"].items() if k not in ("signature", "good-faith")}}
    code, out, err = render(capsys, tmp_path, "tida-removal-request", data)
    assert (code, out) == (2, "")
    assert "not finished" in err
    assert "- good-faith: Good-faith statement" in err and "- signature: Signature" in err
    assert "47 U.S.C. 223a(a)(1)(B)(i)" in err  # the element of the law it gives


def test_someone_sending_it_must_say_who_they_are(capsys, tmp_path):
    code, out, err = render(capsys, tmp_path, "tida-removal-request", TIDA | {"on_behalf": True})
    assert (code, out) == (2, "") and "- sent-by: Sent by" in err
    done = {"on_behalf": True, "fields": TIDA["fields"] | {"sent-by": "B. Advocate, with written permission"}}
    code, out, _ = render(capsys, tmp_path, "tida-removal-request", done)
    assert code == 0 and "B. Advocate, with written permission" in out


@pytest.mark.parametrize(
    ("template", "change", "words"),
    [
        ("tida-removal-request", {"colour": "blue"}, "There is no field called 'colour'"),
        ("tida-removal-request", {"content-urls": ["http://example.com/x"]}, "'Exact web addresses (URLs) of the content', line 1"),
        ("tida-removal-request", {"description": "data:image/jpeg;base64,AAAA"}, "never images or files"),
        ("tida-removal-request", {"good-faith": "maybe"}, "'Good-faith statement' is a statement to confirm"),
    ],
)
def test_bad_answers_get_a_plain_message_naming_the_field(capsys, tmp_path, template, change, words):
    data = {"fields": TIDA["fields"] | change}
    code, out, err = render(capsys, tmp_path, template, data)
    assert (code, out) == (2, "")
    assert words in err
    assert "Traceback" not in err


def test_an_answer_over_the_forms_limit_is_named(capsys, tmp_path):
    data = {
        "fields": {
            "sender-name": "A. Person",
            "email": "me@example.org",
            "who-reports": "subject",
            "content-urls": ["https://bad.example/p/1"],
            "explanation": "x" * 2100,
            "no-consent": True,
        }
    }
    code, out, err = render(capsys, tmp_path, "cloudflare-abuse-report", data)
    assert (code, out) == (2, "")
    assert (
        "The form's field 'Comments' takes at most 2000 characters" in err
        and "(Statement that it was shared without consent, Description)" in err
    )


def test_unknown_template_language_and_bad_files(capsys, tmp_path):
    code, out, err = render(capsys, tmp_path, "no-such-letter", TIDA)
    assert (code, out) == (2, "") and "There is no letter template called 'no-such-letter'" in err
    code, out, err = render(capsys, tmp_path, "tida-removal-request", TIDA, "--language", "xx")
    assert (code, out) == (2, "") and "There is no content in the language 'xx'" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("fields: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "render", "tida-removal-request", "--fill", str(broken))
    assert (code, out) == (2, "") and "not valid YAML" in err
    code, out, err = render(capsys, tmp_path, "tida-removal-request", TIDA | {"extra": 1})
    assert code == 2 and "'extra' is not a key of a fill file" in err
    code, out, err = render(capsys, tmp_path, "tida-removal-request", TIDA, "--format", "pdf")
    assert code == 2 and "-o OUT.pdf" in err


def test_an_adults_only_notice_needs_the_age_answer(capsys, tmp_path):
    data = {
        "fields": {
            "platform": "Example",
            "original-work": "A photo I took of myself in 2023.",
            "content-urls": ["https://example.com/p"],
            "contact": "PO Box 1, Town; me@example.org",
            "good-faith": True,
            "accuracy": True,
            "sender-name": "A. Person",
            "signature": "A. Person",
        }
    }
    for age in (None, "not-sure", "under-18"):
        code, out, err = render(capsys, tmp_path, "copyright-dmca-notice", data | ({"age": age} if age else {}))
        assert (code, out) == (2, "") and "only for images of people who were 18 or over" in err
    code, out, err = render(capsys, tmp_path, "copyright-dmca-notice", data | {"age": "adult"})
    assert code == 0 and "under penalty of perjury" in out
    assert "usually told who sent it" in err and "Lumen" in err


def test_markdown_and_a_pdf_read_back(capsys, tmp_path):
    target = tmp_path / "letter.md"
    code, _, err = render(capsys, tmp_path, "tida-removal-request", TIDA, "--format", "markdown", "-o", str(target))
    assert code == 0 and "The letter was saved" in err
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("# TAKE IT DOWN Act removal request (United States)\n\nTo: Example Social  \n")
    # Escaped so that no Markdown reader makes it a link of its own (render.escape); shown as typed.
    assert "https\\://example.com/post/1  \n" in markdown
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for language, words in (("en", "I have a good-faith belief"), ("ar", "أعتقد بحسن نية")):
        pdf = tmp_path / f"letter-{language}.pdf"
        code, _, _ = render(capsys, tmp_path, "tida-removal-request", TIDA, "--format", "pdf", "-o", str(pdf), "--language", language)
        assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Example Social" in text and "https://example.com/post/2" in text
        assert plain(words) in plain(text), text[:400]
        assert pdf.stat().st_mode & 0o077 == 0  # private: readable by its owner only
