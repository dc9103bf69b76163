"""The language controller switches gettext, Qt's translators, QLocale and the saved choice together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from pytestqt.qtbot import QtBot

from planner import i18n
from planner.ui.language import SETTINGS_KEY, LanguageController, saved_language


def test_switching_sets_every_layer_and_says_so(language: LanguageController, settings: QSettings, qtbot: QtBot) -> None:
    with qtbot.waitSignal(language.languageChanged, timeout=1000) as blocker:
        language.set_language("zh")
    assert blocker.args == ["zh"]
    assert language.language == "zh"
    assert i18n.current_language() == "zh"
    assert QLocale().name() == "zh_CN"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert settings.value(SETTINGS_KEY) == "zh"

    language.set_language("de")
    assert QLocale().name() == "de_DE"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"

    language.set_language("en")
    assert QLocale().name() == "en_GB"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert settings.value(SETTINGS_KEY) == "en"


def test_unknown_language_means_english(language: LanguageController) -> None:
    language.set_language("de")
    language.set_language("tlh")
    assert language.language == "en"
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_only_one_qt_translator_at_a_time(language: LanguageController) -> None:
    for code in ("de", "zh", "de", "zh"):
        language.set_language(code)
    assert len(language._translators) == 1
    language.detach()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_saved_language_or_the_systems_on_first_start(settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert saved_language(settings) == "zh"
    settings.setValue(SETTINGS_KEY, "de")
    assert saved_language(settings) == "de"
    settings.setValue(SETTINGS_KEY, "klingon")
    assert saved_language(settings) == "zh"
