"""navigator.i18n, the face: ``from navigator.i18n import _`` and friends, the same objects as the parts."""

from __future__ import annotations

import navigator.i18n as face
from navigator.i18n import catalogs, formats, pseudo, runtime


def test_the_face_offers_what_code_imports() -> None:
    from navigator.i18n import N_, _, ngettext  # the names babel.cfg extracts

    assert _ is runtime.gettext and N_("x") == "x" and ngettext("a", "b", 2) == "b"
    parts = {"catalogs", "cldr", "formats", "pseudo", "pseudo_library", "runtime", "tools", "annotations"}
    assert set(face.__all__) == {name for name in dir(face) if not name.startswith("__") and name not in parts}


def test_every_name_is_the_part_that_does_the_work() -> None:
    parts = (catalogs, formats, pseudo, runtime)
    for name in face.__all__:
        if isinstance(getattr(face, name), str):  # a constant: equal is enough
            assert any(getattr(part, name, None) == getattr(face, name) for part in parts), name
            continue
        owners = [part for part in parts if getattr(part, name, None) is getattr(face, name)]
        assert owners, name


def test_the_interface_languages_need_no_babel_until_a_date_or_number_is_written() -> None:
    """An English start (the interface in English, each interface language's name and direction
    for the language menu) imports no Babel; control: Babel's data for a language does. (Another
    interface language reads its catalog with Babel's reader.)"""

    from tests.conftest import python_prints

    code = (
        "import sys\nfrom navigator import i18n\n"
        "i18n.set_locale('en'); i18n._('Quick exit')\n"
        "for code in i18n.available_locales(): i18n.language_name(code); i18n.is_rtl(code)\n"
        "print('babel' in sys.modules)\nfrom navigator.i18n.runtime import babel_locale\nbabel_locale('fr')\nprint('babel' in sys.modules)"
    )
    assert python_prints(code) == ["False", "True"]


def test_the_face_does_not_load_the_translator_tools() -> None:
    """The tools (extraction, scaffolding) are for ``navigator i18n``, not for the app."""

    from tests.conftest import python_prints

    code = "import sys, navigator.i18n\nprint('navigator.i18n.tools' in sys.modules, 'babel.messages.extract' in sys.modules)"
    assert python_prints(code) == ["False", "False"]
