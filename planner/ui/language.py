"""Switching the interface language while the app runs.

The planner's own strings come from gettext (planner.i18n); Qt's built-in ones
(OK/Cancel, context menus, file dialogs) from the qtbase catalogs shipped with
PySide6. One controller switches both, the default QLocale and the saved choice,
then says so once; every window and model listens and retranslates itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator, Signal

from planner import i18n

SETTINGS_KEY = "ui/language"
#: The language menu, each language named in its own script.
LANGUAGE_NAMES: dict[str, str] = {"de": "Deutsch", "zh": "中文", "en": "English"}
#: The QLocale for each language; English is British like the printed programmes.
QT_LOCALES: dict[str, str] = {"de": "de_DE", "zh": "zh_CN", "en": "en_GB"}


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def saved_language(settings: QSettings) -> str:
    """The language chosen last time, or the system's on the first start."""
    value = settings.value(SETTINGS_KEY)
    if isinstance(value, str) and value in i18n.UI_LOCALES:
        return value
    return i18n.system_language()


class LanguageController(QObject):
    """Owns the current interface language; `languageChanged(code)` fires after every switch."""

    languageChanged = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._translators: list[QTranslator] = []
        self._language = i18n.current_language()

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, code: str) -> None:
        """Switch every layer to `code` (de, zh, en); an unknown code means English."""
        if code not in i18n.UI_LOCALES:
            code = i18n.DEFAULT_LANGUAGE
        self._language = code
        i18n.set_language(code)
        self._install_qt_translators(code)
        QLocale.setDefault(QLocale(QT_LOCALES[code]))
        if self._settings is not None:
            self._settings.setValue(SETTINGS_KEY, code)
        self.languageChanged.emit(code)

    def follow(self, retranslate: Callable[[], object] | Callable[[str], object], *, now: bool = True) -> None:
        """Call `retranslate` now (unless `now` is False) and after every switch: the one way a window follows the language.

        As Frescobaldi's translateUI: a widget registers its captions once instead of
        connecting the signal and calling itself by hand. Give a bound method of a
        QObject (not a lambda), so that Qt drops the connection with the object.
        """
        self.languageChanged.connect(retranslate)
        if now:
            retranslate()  # type: ignore[call-arg]

    def _install_qt_translators(self, code: str) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators.clear()
        if app is None or code == "en":
            return
        translator = QTranslator(self)
        if translator.load("qtbase_" + i18n.UI_LOCALES[code], qt_translations_dir()):
            app.installTranslator(translator)
            self._translators.append(translator)

    def detach(self) -> None:
        """Remove Qt's translators again (when the window closes, and between tests)."""
        self._install_qt_translators("en")
