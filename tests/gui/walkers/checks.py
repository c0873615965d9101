"""Reusable checks of DESIGN §9 on any shown window or dialog.

Each ``check_*`` takes the top-level widget being looked at and returns a list of
:class:`Violation` (empty when the convention holds). They read only what is on screen: the
visible widgets, their texts, their geometry and their fonts, so a new screen is checked
without writing anything for it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from hall_client.gui.resources import I18N_DIR

#: CJK ideographs (all extensions), CJK punctuation, full-width forms
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                 "\U00020000-\U0003134f]")
#: a word of English that a Chinese interface should not show
ENGLISH_WORD = re.compile(r"\b[A-Za-z][a-z]{2,}\b")
#: a key written on a button: "(F2)", "(Enter)", "(Ctrl+E)"
SHOWN_KEY = re.compile(r"[(（](?:Enter|Esc|F\d{1,2}|(?:Ctrl|Alt|Shift)\+[^)）]+)[)）]")
PLACEHOLDER = re.compile(r"\{([a-z_]*)\}|%(?:n|L?\d)")

#: Widgets whose text is data, not interface: a person's, a hall's, an item's name… A
#: widget is data when its objectName (or that of an ancestor) is listed here.
DATA_OBJECT_NAMES = frozenset({
    "hallName", "personName", "itemName", "caseData", "pageSection", "item", "project",
})
#: Placeholders whose value is data: Chinese in them is allowed in the English interface.
DATA_PLACEHOLDERS = frozenset({
    "name", "who", "holder", "hall", "counter", "item", "title", "project", "file", "path",
    "number", "code", "id", "payer", "applicant", "department", "dept", "query", "person",
    "clerk", "cashier", "url", "server", "full_name", "opinion",
})
#: Primary action buttons named by objectName (besides default buttons and "primary-…").
PRIMARY_OBJECT_NAMES = frozenset({"confirm", "decide_accept", "noticeOk", "urgeButton",
                                  "verifyChain", "auditSearch"})


@dataclass(frozen=True)
class Violation:
    check: str
    widget: str
    text: str
    detail: str = ""
    #: the offending widget (not compared: the same finding seen twice is one finding)
    where: QWidget | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        extra = f" — {self.detail}" if self.detail else ""
        return f"[{self.check}] {self.widget}: {self.text!r}{extra}"


# --- the catalogues -------------------------------------------------------------------------

@dataclass
class Catalogue:
    """The sources (Chinese) and translations (English) of our .ts file, as matchers."""

    sources: set[str] = field(default_factory=set)
    translations: set[str] = field(default_factory=set)
    source_templates: list[tuple[re.Pattern[str], list[str]]] = field(default_factory=list)
    translation_templates: list[tuple[re.Pattern[str], list[str]]] = field(default_factory=list)

    def knows_source(self, text: str) -> bool:
        return _known(text, self.sources, self.source_templates, data_only=False)

    def english_ok(self, text: str) -> bool:
        """The English text shows Chinese only inside data placeholders of a translation."""
        return _known(text, self.translations, self.translation_templates, data_only=True)


def _template(text: str) -> tuple[re.Pattern[str], list[str]] | None:
    names = [m.group(1) or "" for m in PLACEHOLDER.finditer(text)]
    if not names:
        return None
    parts = PLACEHOLDER.split(text)
    pattern = ""
    for i, part in enumerate(p for j, p in enumerate(parts) if j % 2 == 0):
        pattern += re.escape(part)
        if i < len(names):
            pattern += "(.*?)"
    return re.compile(pattern + r"\Z", re.S), names


def _known(text: str, exact: set[str], templates: list[tuple[re.Pattern[str], list[str]]],
           *, data_only: bool) -> bool:
    if text in exact:
        return True
    for pattern, names in templates:
        m = pattern.match(text)
        if m is None:
            continue
        if not data_only:
            return True
        if all(name in DATA_PLACEHOLDERS or not CJK.search(value)
               for name, value in zip(names, m.groups(), strict=False)):
            return True
    return False


@cache
def catalogue() -> Catalogue:
    cat = Catalogue()
    root = ET.parse(I18N_DIR / "hall_client_en.ts").getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        for text, exact, templates in ((source, cat.sources, cat.source_templates),
                                       (translation, cat.translations,
                                        cat.translation_templates)):
            for variant in {text, _strip_mnemonic(text)}:
                exact.add(variant)
                t = _template(variant)
                if t is not None:
                    templates.append(t)
    return cat


# --- walking what is visible ----------------------------------------------------------------

def _v(check: str, w: QWidget, text: str, detail: str = "") -> Violation:
    return Violation(check, describe(w), text, detail, w)


def describe(w: QWidget) -> str:
    name = w.objectName()
    return f"{type(w).__name__}{'#' + name if name else ''}"


def visible_widgets(top: QWidget) -> Iterator[QWidget]:
    yield top
    for w in top.findChildren(QWidget):
        if w.isVisible() and w.window() is top:
            yield w


def _strip_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text).replace("(&)", "")


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and re.search(r"<[A-Za-z][^>]*>", text)):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return _strip_mnemonic(text) if label.buddy() is not None else text


def is_data(w: QWidget) -> bool:
    node: QWidget | None = w
    while node is not None:
        if node.objectName() in DATA_OBJECT_NAMES:
            return True
        node = node.parentWidget()
    return False


def is_qt_standard_button(b: QAbstractButton) -> bool:
    box = b.parentWidget()
    return isinstance(box, QDialogButtonBox) and isinstance(b, QPushButton) and \
        box.standardButton(b) != QDialogButtonBox.StandardButton.NoButton


def texts(top: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """(widget, kind, text) of every interface string shown in ``top``: labels, buttons,
    group titles, placeholders, combo items, table headers, tab names, tooltips, menus and
    the window title. Cell contents and typed text are data and are not listed."""
    yield top, "window title", top.windowTitle()
    for w in visible_widgets(top):
        if w.toolTip():
            yield w, "tooltip", w.toolTip()
        if isinstance(w, QLabel) and w.pixmap().isNull():
            yield w, "label", _plain(w)
        elif isinstance(w, QAbstractButton):
            yield w, "button", _strip_mnemonic(w.text())
        elif isinstance(w, QGroupBox):
            yield w, "group title", _strip_mnemonic(w.title())
        elif isinstance(w, QLineEdit) and not w.text():
            yield w, "placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield w, "combo item", w.itemText(i)
        elif isinstance(w, QAbstractSpinBox):
            yield w, "special value", w.specialValueText()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield w, "tab", _strip_mnemonic(w.tabText(i))
                yield w, "tab tooltip", w.tabToolTip(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            for header, orientation in ((getattr(w, "horizontalHeader", None),
                                         Qt.Orientation.Horizontal),
                                        (getattr(w, "verticalHeader", None),
                                         Qt.Orientation.Vertical)):
                h = header() if header is not None else None
                if h is None or not h.isVisible():
                    continue
                for section in range(h.count()):
                    if h.isSectionHidden(section):
                        continue
                    value = w.model().headerData(section, orientation)
                    if isinstance(value, str):
                        yield w, "header", value
        elif isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                yield from _menu_texts(w, action.text(), action.menu())


def _menu_texts(owner: QWidget, text: str, menu: object) -> Iterator[tuple[QWidget, str, str]]:
    yield owner, "menu", _strip_mnemonic(text)
    if isinstance(menu, QMenu):
        for action in menu.actions():
            if not action.isSeparator():
                yield from _menu_texts(owner, action.text(), action.menu())


# --- a. one language at a time --------------------------------------------------------------

def check_english(top: QWidget) -> list[Violation]:
    """In English mode no interface string shows Chinese, except data."""
    cat, found = catalogue(), []
    for w, kind, text in texts(top):
        if not text or not CJK.search(text) or is_data(w):
            continue
        if cat.english_ok(text) or all(cat.english_ok(line) or not CJK.search(line)
                                       for line in text.splitlines()):
            continue
        found.append(_v("english", w, text, f"{kind} shows Chinese"))
    return found


def check_chinese(top: QWidget) -> list[Violation]:
    """In Chinese mode every interface string is one of our .ts sources (or data), and Qt's
    own standard buttons speak Chinese (qtbase_zh_CN)."""
    cat, found = catalogue(), []
    for w, kind, text in texts(top):
        if not text or is_data(w):
            continue
        if isinstance(w, QAbstractButton) and kind == "button" and is_qt_standard_button(w):
            if not CJK.search(text):
                found.append(_v("chinese", w, text,
                                       "Qt's own button is not translated (qtbase_zh_CN)"))
            continue
        if not CJK.search(text) and not ENGLISH_WORD.search(text):
            continue  # numbers, codes, amounts
        if cat.knows_source(text) or all(
                cat.knows_source(line) or not (CJK.search(line) or ENGLISH_WORD.search(line))
                for line in text.splitlines() if line.strip()):
            continue
        what = "not in the .ts sources" if CJK.search(text) else "English in Chinese mode"
        found.append(_v("chinese", w, text, f"{kind} {what}"))
    return found


# --- b. nothing outside the window ----------------------------------------------------------

def _scrolled(w: QWidget) -> bool:
    """Inside a scroll area's viewport: it may lie outside, the scroll bars reach it."""
    node, parent = w, w.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent \
                and node is not parent:
            return True
        node, parent = parent, grand
    return False


def _counts(w: QWidget, top: QWidget) -> bool:
    """Takes part in the window's layout: shown, or a page of a stacked/tab widget (whose
    minimum size widens the window even while another page is shown)."""
    node: QWidget | None = w
    while node is not None and node is not top:
        parent = node.parentWidget()
        if node.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        node = parent
    return True


#: how a check knows a screen (a workspace, panel or dialog): set by the walker
SCREEN_CLASSES: set[str] = set()


def is_screen(w: QWidget) -> bool:
    return type(w).__name__ in SCREEN_CLASSES


def _in_status_bar(w: QWidget) -> bool:
    node = w.parentWidget()
    while node is not None:
        if isinstance(node, QStatusBar):
            return True
        node = node.parentWidget()
    return False


def _min_size(w: QWidget) -> tuple[int, int]:
    """What the layout will not shrink ``w`` below (as qSmartMinSize does)."""
    hint, policy = w.minimumSizeHint(), w.sizePolicy()
    width = w.minimumWidth() or (
        0 if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored else max(hint.width(), 0))
    height = w.minimumHeight() or (
        0 if policy.verticalPolicy() == QSizePolicy.Policy.Ignored else max(hint.height(), 0))
    return width, height


def check_inside(top: QWidget, width: int = 1024, height: int = 768) -> list[Violation]:
    """The window fits ``width``×``height`` and every visible widget lies inside it and
    inside its parent (a button pushed past the edge of its panel is cut off).

    When the window cannot shrink to ``width``×``height``, the widgets that hold it open
    are named: the innermost ones whose minimum size exceeds the room they would have.
    """
    found: list[Violation] = []
    dw, dh = top.width() - width, top.height() - height
    if dw > 0 or dh > 0:
        culprits: list[tuple[QWidget, str]] = []
        for w in top.findChildren(QWidget):
            if w.isWindow() or not _counts(w, top) or not is_screen(w) or _in_status_bar(w):
                continue
            need_w, need_h = _min_size(w)
            parent = w.parentWidget()
            size = parent.contentsRect().size() if isinstance(parent, QStackedWidget) \
                else w.size()  # a page not shown yet has never been laid out
            room_w, room_h = size.width() - max(dw, 0), size.height() - max(dh, 0)
            if need_w > room_w or need_h > room_h:
                culprits.append((w, f"needs at least {need_w}×{need_h}, has {room_w}×{room_h}"
                                    f" in a {width}×{height} window"))
        bar = top.statusBar() if isinstance(top, QMainWindow) else None
        if bar is not None and bar.minimumSizeHint().width() > width:
            parts = ", ".join(f"{describe(w)} {w.minimumSizeHint().width()}"
                              for w in bar.findChildren(QWidget)
                              if w.parentWidget() is bar and w.isVisible())
            culprits.append((bar, f"status bar needs {bar.minimumSizeHint().width()} px: "
                                  f"{parts}"))
        inner = [(w, why) for w, why in culprits
                 if not any(o is not w and w.isAncestorOf(o) for o, _ in culprits)]
        for w, why in inner or [(top, f"cannot shrink below {top.width()}×{top.height()}")]:
            found.append(_v("inside", w, _label_of(w), why))
        return found
    bounds = QRect(0, 0, width, height)
    for w in visible_widgets(top):
        if w is top or _scrolled(w) or w.width() <= 0 or w.height() <= 0:
            continue
        parent = w.parentWidget()
        if isinstance(parent, (QTabBar, QAbstractSpinBox, QComboBox)) or \
                isinstance(w, (QHeaderView, QMenu)):
            continue  # Qt's own scroll arrows and internals
        rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        if not bounds.contains(rect):
            found.append(_v("inside", w, _label_of(w),
                            f"at {rect.x()},{rect.y()} {rect.width()}×{rect.height()} "
                            f"outside the {width}×{height} window"))
        elif parent is not None and parent is not top and \
                not parent.rect().contains(w.geometry()):
            found.append(_v("inside", w, _label_of(w),
                            f"cut off by its parent {describe(parent)}"))
    return found


def _label_of(w: QWidget) -> str:
    if isinstance(w, QAbstractButton):
        return _strip_mnemonic(w.text())
    if isinstance(w, QLabel):
        return _plain(w)[:40]
    return w.accessibleName() or w.toolTip()[:40]


# --- c. no clipped text ---------------------------------------------------------------------

def check_clipped(top: QWidget) -> list[Violation]:
    """Labels (not word-wrapped), buttons and table headers are wide enough for their text,
    measured with the widget's own font metrics."""
    found: list[Violation] = []
    for w in visible_widgets(top):
        if isinstance(w, QLabel) and w.pixmap().isNull() and not w.wordWrap():
            fm = QFontMetrics(w.font())
            room = w.contentsRect().width() - 2 * w.margin() - max(w.indent(), 0)
            for line in _plain(w).splitlines():
                need = fm.horizontalAdvance(line)
                if need > room + 1:
                    found.append(_v("clipped", w, line,
                                           f"needs {need} px, has {room}"))
        elif isinstance(w, QAbstractButton) and w.text() and not (
                isinstance(w, QToolButton)
                and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly):
            need = _button_need(w)
            if need > w.width() + 1:
                found.append(_v("clipped", w, _strip_mnemonic(w.text()),
                                       f"needs {need} px, has {w.width()}"))
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal \
                and w.model() is not None:
            fm = QFontMetrics(w.font())
            margin = w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, w)
            for section in range(w.count()):
                if w.isSectionHidden(section):
                    continue
                value = w.model().headerData(section, Qt.Orientation.Horizontal)
                if not isinstance(value, str) or not value:
                    continue
                need = max(fm.horizontalAdvance(line) for line in value.splitlines()) \
                    + 2 * margin
                if w.isSortIndicatorShown() and w.sortIndicatorSection() == section:
                    need += w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, w)
                room = w.sectionSize(section)
                if need > room + 1:
                    found.append(_v("clipped", w.parentWidget() or w, value,
                                           f"header needs {need} px, has {room}"))
        elif isinstance(w, QTabWidget):
            bar = w.tabBar()
            fm = QFontMetrics(bar.font())
            for i in range(bar.count()):
                text = _strip_mnemonic(bar.tabText(i))
                if bar.tabRect(i).width() < fm.horizontalAdvance(text) + 4:
                    found.append(_v("clipped", w, text, "tab name cut off"))
    return found


def _button_need(b: QAbstractButton) -> int:
    style, fm = b.style(), QFontMetrics(b.font())
    text = max((fm.horizontalAdvance(line) for line in _strip_mnemonic(b.text()).splitlines()),
               default=0)
    icon = b.iconSize().width() + 4 if not b.icon().isNull() else 0
    if isinstance(b, (QCheckBox, QRadioButton)):
        metric = QStyle.PixelMetric.PM_IndicatorWidth if isinstance(b, QCheckBox) \
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        return style.pixelMetric(metric, None, b) + 4 + text + icon
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, b)
    frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, b)
    return text + icon + margin + 2 * frame


# --- d. primary actions reachable from the keyboard -----------------------------------------

def is_primary(b: QAbstractButton) -> bool:
    name = b.objectName()
    return (isinstance(b, QPushButton) and b.isDefault()) or name.startswith("primary-") \
        or name in PRIMARY_OBJECT_NAMES


def shortcut_shown(b: QAbstractButton) -> bool:
    """Enter on a dialog's default button; a mnemonic (underlined); or a key sequence written
    on the button or in its tooltip."""
    if isinstance(b, QPushButton) and b.isDefault() and isinstance(b.window(), QDialog):
        return True
    if SHOWN_KEY.search(b.text()) or SHOWN_KEY.search(b.toolTip()):
        return True  # written on it; the workspace binds it (a QShortcut)
    key = b.shortcut()
    if key.isEmpty():
        return False
    if re.search(r"&[^&]", b.text()):
        return True
    shown = key.toString(QKeySequence.SequenceFormat.NativeText)
    return bool(shown) and (shown in b.text() or shown in b.toolTip())


def check_primary(top: QWidget) -> list[Violation]:
    found: list[Violation] = []
    for w in visible_widgets(top):
        if isinstance(w, QAbstractButton) and is_primary(w) and not shortcut_shown(w) \
                and not w.accessibleName().strip():
            found.append(_v("primary", w, _strip_mnemonic(w.text()),
                                   "primary action without a shown shortcut or an "
                                   "accessible name"))
    return found


CHECKS = {
    "inside": check_inside,
    "clipped": check_clipped,
    "primary": check_primary,
}


def language_check(lang: str):  # type: ignore[no-untyped-def]
    return check_chinese if lang.startswith("zh") else check_english
