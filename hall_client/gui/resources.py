"""Qt-side resources: the bundled CJK font and the interface translations."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hall_client import RESOURCES

FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
I18N_DIR = RESOURCES / "i18n"


def install_font(app: QApplication) -> str:
    """Load the bundled CJK font and make it the application font; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return app.font().family()
    font = QFont(families[0])
    font.setPointSize(10)
    app.setFont(font)
    return families[0]


def install_translator(app: QApplication, locale: str) -> QTranslator | None:
    """Chinese is the source language; any other locale loads ``hall_client_<lang>.qm``."""
    QLocale.setDefault(QLocale(locale))
    if locale.startswith("zh"):
        return None
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / f"hall_client_{locale.split('_')[0]}.qm")):
        app.installTranslator(translator)
        return translator
    return None
