"""Qt-side resources: the bundled fonts (one fallback chain) and the interface translations."""

from __future__ import annotations

from hall_resources import resource_path
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
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


#: DESIGN §9: text at least 10.5 pt, click targets at least 24 px
BASE_POINT_SIZE = 10.5
MIN_TARGET_PX = 24
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


def install_font(app: QApplication, point_size: float = BASE_POINT_SIZE,
                 zoom: float = 1.0) -> str:
    """Load the bundled fonts and make the chain the application font; returns the first family.

    Qt falls back through ``families`` character by character, and the substitution table
    makes any widget that names the first family alone fall back the same way. ``zoom``
    scales the text and the click targets together (the 视图 menu changes it).
    """
    families = font_families()
    size = max(point_size, BASE_POINT_SIZE) * zoom
    if families:
        QFont.insertSubstitutions(families[0], families[1:])
        app.setFont(chain_font(size))
    else:
        font = app.font()
        font.setPointSizeF(size)
        app.setFont(font)
    apply_target_sizes(app, zoom)
    return families[0] if families else app.font().family()


def apply_target_sizes(app: QApplication, zoom: float = 1.0) -> None:
    """Spin-box arrows, check boxes and scroll bars big enough to hit (24 px at 100 %)."""
    px = round(MIN_TARGET_PX * zoom)
    arrow = round(px * 0.75)
    app.setStyleSheet(
        f"QAbstractSpinBox {{ min-height: {px}px; }}"
        f"QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {arrow}px; }}"
        f"QPushButton, QComboBox, QLineEdit {{ min-height: {px}px; }}"
        f"QCheckBox::indicator, QRadioButton::indicator {{ width: {round(px * 0.7)}px;"
        f" height: {round(px * 0.7)}px; }}"
        f"QScrollBar:vertical {{ width: {round(px * 0.7)}px; }}"
        f"QScrollBar:horizontal {{ height: {round(px * 0.7)}px; }}")


_installed: list[QTranslator] = []


def install_translator(app: QApplication, locale: str) -> QTranslator | None:
    """One language at a time: Qt's own dialogs (OK/Cancel, file and print dialogs) follow.

    Chinese is the source language of our own strings, so ``zh_CN`` loads only Qt's
    ``qtbase_zh_CN`` catalogue (shipped with PySide6); any other locale loads
    ``hall_client_<lang>.qm`` (and Qt's own English needs no catalogue). Calling it again
    switches language: the earlier translators are removed first.
    """
    QLocale.setDefault(QLocale(locale))
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if locale.startswith("zh"):
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(locale), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        return None
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / f"hall_client_{locale.split('_')[0]}.qm")):
        app.installTranslator(translator)
        _installed.append(translator)
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
