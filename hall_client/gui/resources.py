"""Qt-side resources: the bundled fonts (one fallback chain) and the interface translations."""

from __future__ import annotations

from hall_resources import resource_path
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hall_client.printing import fonts

FONT_FILE = fonts.CHAIN[0].path
I18N_DIR = resource_path("i18n")
_loaded: list[str] = []


def font_families() -> list[str]:
    """Load every font of the chain (once) and return their families, first choice first."""
    if not _loaded:
        for entry in fonts.CHAIN:
            font_id = QFontDatabase.addApplicationFont(str(entry.path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            for family in families[:1]:  # a .ttc's Mono face adds no characters
                if family not in _loaded:
                    _loaded.append(family)
    return list(_loaded)


def chain_font(point_size: float | None = None) -> QFont:
    """A QFont that falls back through the whole chain, so no hanzi shows as a box."""
    font = QFont()
    font.setFamilies(font_families())
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font


def install_font(app: QApplication) -> str:
    """Load the bundled fonts and make the chain the application font; returns the first family.

    Qt falls back through ``families`` character by character, and the substitution table
    makes any widget that names the first family alone fall back the same way.
    """
    families = font_families()
    if not families:
        return app.font().family()
    QFont.insertSubstitutions(families[0], families[1:])
    app.setFont(chain_font(10))
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
