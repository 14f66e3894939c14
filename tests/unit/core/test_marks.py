"""navigator.core.marks: the marks the interface strings and the content rules share, loaded
without the content models (the window's shell and the catalogs need them before pydantic)."""

from __future__ import annotations

from navigator.core.marks import HTML_TAG, MD_IMAGE, isolate
from tests.conftest import python_prints


def test_the_marks_find_html_and_images_and_isolate_keeps_a_label_whole() -> None:
    assert HTML_TAG.search("a <b>bold</b> word") and not HTML_TAG.search("1 < 2 and 3 > 2")
    assert MD_IMAGE.search("see ![a picture](x.png)") and not MD_IMAGE.search("see [a link](x)")
    assert isolate("800.656.HOPE") == "\u2068800.656.HOPE\u2069"


def test_the_interface_strings_load_no_content_model() -> None:
    """Reading a translated catalog and writing a number need the marks, not pydantic; control:
    the content rules, which hold the same marks, load the models."""
    code = (
        "import sys\nfrom navigator import i18n\n"
        "i18n.set_locale('ar'); i18n._('Quick exit'); i18n.format_number(3)\n"
        "print('pydantic' in sys.modules, 'navigator.core.models' in sys.modules)\n"
        "import navigator.core.rules\n"
        "print('pydantic' in sys.modules, 'navigator.core.models' in sys.modules)"
    )
    assert python_prints(code) == ["False", "False", "True", "True"]
