"""Qt-side resources: the bundled CJK font and the interface translations."""

from __future__ import annotations

from hall_resources import resource_path
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_FILE = resource_path("fonts", "wqy-microhei.ttc")
I18N_DIR = resource_path("i18n")


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


def role_label(role: str) -> str:
    """The role's name in the interface language (the core keeps the Chinese one for logs)."""
    names = {
        "clerk": QCoreApplication.translate("Roles", "窗口受理员"),
        "cashier": QCoreApplication.translate("Roles", "收费员"),
        "supervisor": QCoreApplication.translate("Roles", "值班主任"),
        "admin": QCoreApplication.translate("Roles", "系统管理员"),
    }
    return names.get(role, role)


def method_label(method: str) -> str:
    """A payment method's name in the interface language (the core keeps the Chinese one)."""
    names = {
        "cash": QCoreApplication.translate("PaymentMethods", "现金"),
        "transfer": QCoreApplication.translate("PaymentMethods", "转账"),
        "wire": QCoreApplication.translate("PaymentMethods", "电汇"),
    }
    return names.get(method, method)


def roles_label(roles: object) -> str:
    return QCoreApplication.translate("Roles", "、").join(
        role_label(r) for r in sorted(roles))  # type: ignore[call-overload]
