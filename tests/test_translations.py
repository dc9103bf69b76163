"""The one gettext catalog: complete in German and Chinese, placeholders kept, nothing left out.

The template must hold every string the code marks for translation; a string
marked in code but missing from translations/planner.pot means someone forgot
`make extract-messages`, and its users would see English.
"""

from __future__ import annotations

import re
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from planner.paths import PROJECT_ROOT, TRANSLATIONS

LANGUAGES = ("de", "zh_CN", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "Nn_": (1, 2)}
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")


def _catalog(language: str) -> Catalog:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "planner.po").open("rb") as fh:
        return read_po(fh, locale=language)


def _ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_template_holds_every_marked_string() -> None:
    with (TRANSLATIONS / "planner.pot").open("rb") as fh:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    in_code: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PROJECT_ROOT / "planner"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        msgid = message if isinstance(message, str) else message[0]
        if msgid:
            in_code.setdefault(msgid, f"planner/{filename}:{lineno}")
    missing = {m: where for m, where in in_code.items() if m not in template}
    assert not missing, f"run `make extract-messages`; not in the catalog: {list(missing.items())[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete_without_fuzzy_entries(language: str) -> None:
    problems = []
    for message in _catalog(language):
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(("fuzzy", _ids(message)[0]))
        if not all(_strings(message)):
            problems.append(("untranslated", _ids(message)[0]))
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    problems = []
    for message in _catalog(language):
        if not message.id:
            continue
        ids = _ids(message)
        allowed = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for text in _strings(message):
            found = set(PLACEHOLDER.findall(text))
            # A plural form may leave out the number ("Delete programme item"), never invent one.
            if text and (found - allowed or (len(ids) == 1 and found != allowed)):
                problems.append((ids[0], text))
    assert problems == []


@pytest.mark.parametrize("language", ["de", "zh_CN"])
def test_menu_mnemonics_are_kept(language: str) -> None:
    for message in _catalog(language):
        if message.id and isinstance(message.id, str) and "&" in message.id and "&&" not in message.id and message.string:
            assert message.string.count("&") == 1, (message.id, message.string)


def test_compiled_catalogs_exist_and_translate() -> None:
    """`make test` compiles the catalogs; a German label proves they load."""
    from planner import i18n

    for language in ("de", "zh_CN"):
        assert (TRANSLATIONS / language / "LC_MESSAGES" / "planner.mo").exists()
    i18n.set_language("de")
    try:
        assert i18n._("Head of delegation") != "Head of delegation"
    finally:
        i18n.set_language("en")


def test_no_binary_catalog_is_committed() -> None:
    ignored = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "*.mo" in ignored
