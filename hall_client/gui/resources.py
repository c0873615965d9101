"""Qt-side resources: the bundled fonts (one fallback chain) and the interface translations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hall_resources import resource_path
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hall_client.core.errors import DomainError, InvalidInput, Problem
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


#: printed documents (notices, licences, letters) keep their size whatever the screen zoom
DOCUMENT_POINT_SIZE = 10.0


def document_font() -> QFont:
    """The font of printed documents: the whole chain (no hanzi as a box, even before the
    application font is installed) at a fixed size, independent of the interface zoom."""
    return chain_font(DOCUMENT_POINT_SIZE)


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
    ``qtbase_zh_CN`` catalogue (shipped with PySide6) and our supplement for the few labels it
    leaves English; any other locale loads
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
        # Qt's catalogue leaves a few file-dialog labels English; ours fills them in (an
        # installed-later translator is asked first).
        supplement = QTranslator(app)
        if supplement.load(str(I18N_DIR / "qt_supplement_zh_CN.qm")):
            app.installTranslator(supplement)
            _installed.append(supplement)
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


def category_label(category: str) -> str:
    """A catalog category (行政许可 …) in the interface language."""
    names = {
        "行政许可": QCoreApplication.translate("Categories", "行政许可"),
        "行政处罚": QCoreApplication.translate("Categories", "行政处罚"),
        "行政征收": QCoreApplication.translate("Categories", "行政征收"),
        "行政强制": QCoreApplication.translate("Categories", "行政强制"),
        "非行政许可审批": QCoreApplication.translate("Categories", "非行政许可审批"),
        "行政奖励": QCoreApplication.translate("Categories", "行政奖励"),
        "行政确认": QCoreApplication.translate("Categories", "行政确认"),
        "行政裁决": QCoreApplication.translate("Categories", "行政裁决"),
        "公共服务": QCoreApplication.translate("Categories", "公共服务"),
    }
    return names.get(category, category)


def unit_label(unit: str) -> str:
    """A common counting unit in the interface language; any other unit is catalog data and
    stays as the catalog writes it."""
    names = {
        "本": QCoreApplication.translate("Units", "本"),
        "件": QCoreApplication.translate("Units", "件"),
        "批次": QCoreApplication.translate("Units", "批次"),
        "辆": QCoreApplication.translate("Units", "辆"),
        "次": QCoreApplication.translate("Units", "次"),
        "人": QCoreApplication.translate("Units", "人"),
        "份": QCoreApplication.translate("Units", "份"),
        "台": QCoreApplication.translate("Units", "台"),
        "吨": QCoreApplication.translate("Units", "吨"),
    }
    return names.get(unit, unit)


def fee_rule_label(rule: Mapping[str, Any]) -> str:
    """A fee standard in the interface language; in Chinese exactly core's
    ``describe_fee_rule`` (the text printed for the applicant)."""
    kind = rule["kind"]
    if kind == "fixed":
        return QCoreApplication.translate("FeeRules", "每件 {amount} 元").format(amount=rule["amount"])
    if kind == "per_unit":
        text = QCoreApplication.translate("FeeRules", "每{unit} {price} 元").format(unit=unit_label(rule["unit"]), price=rule["price"])
        if rule.get("min"):
            text += QCoreApplication.translate("FeeRules", "，最低 {amount} 元").format(amount=rule["min"])
        if rule.get("cap"):
            text += QCoreApplication.translate("FeeRules", "，封顶 {amount} 元").format(amount=rule["cap"])
        return text
    if kind == "tiered":
        parts, low = [], "0"
        for tier in rule["tiers"]:
            if tier.get("upto") is None:
                parts.append(QCoreApplication.translate("FeeRules", "{low}{unit}以上每{unit} {price} 元").format(
                    low=low, unit=unit_label(rule["unit"]), price=tier["price"]))
            else:
                parts.append(QCoreApplication.translate("FeeRules", "{low}–{high}{unit}每{unit} {price} 元").format(
                    low=low, high=tier["upto"], unit=unit_label(rule["unit"]), price=tier["price"]))
                low = tier["upto"]
        text = QCoreApplication.translate("FeeRules", "分段累进：") + QCoreApplication.translate("FeeRules", "；").join(parts)
        if rule.get("cap"):
            text += QCoreApplication.translate("FeeRules", "；封顶 {amount} 元").format(amount=rule["cap"])
        return text
    percent = format((Decimal(rule["rate"]) * 100).normalize(), "f")
    return QCoreApplication.translate("FeeRules", "按{base}的 {percent}% 计收，封顶 {amount} 元").format(
        base=rule["base"], percent=percent, amount=rule["cap"])


def chinese_ui() -> bool:
    """True while the interface is Chinese (the source language of every message)."""
    return QLocale().language() == QLocale.Language.Chinese


def _rule_texts() -> dict[str, str]:
    """Rules of the core (``Problem.rule``) in the interface language, for the non-Chinese
    interface (the core writes its messages in Chinese, with the values in them)."""
    return {
        "username_format": QCoreApplication.translate("Rules", "用户名须以小写字母开头，由 2–32 位小写字母、数字、_ . - 组成"),
        "username_taken": QCoreApplication.translate("Rules", "该用户名已存在"),
        "full_name_required": QCoreApplication.translate("Rules", "请填写姓名"),
        "password_too_short": QCoreApplication.translate("Rules", "密码太短"),
        "password_mismatch": QCoreApplication.translate("Rules", "两次输入的密码不一致"),
        "password_unchanged": QCoreApplication.translate("Rules", "新密码不能与临时密码相同"),
        "roles_required": QCoreApplication.translate("Rules", "至少选择一个角色"),
        "role_unknown": QCoreApplication.translate("Rules", "未知角色"),
        "cannot_drop_own_admin": QCoreApplication.translate("Rules", "不能取消自己的系统管理员角色"),
        "last_admin": QCoreApplication.translate("Rules", "这是最后一个在用的系统管理员"),
        "required": QCoreApplication.translate("Rules", "必填项缺失"),
        "type_text": QCoreApplication.translate("Rules", "应为文本"),
        "too_long": QCoreApplication.translate("Rules", "内容过长"),
        "type_days": QCoreApplication.translate("Rules", "应为整数（工作日）"),
        "days_range": QCoreApplication.translate("Rules", "应在 0 到 3650 个工作日之间"),
        "type_amount": QCoreApplication.translate("Rules", "金额须写成文本（如 \"12.50\"）或整数"),
        "amount_format": QCoreApplication.translate("Rules", "不是有效的金额"),
        "amount_negative": QCoreApplication.translate("Rules", "金额不能为负数"),
        "amount_too_large": QCoreApplication.translate("Rules", "金额过大"),
        "amount_places": QCoreApplication.translate("Rules", "小数位数过多（金额最多 2 位小数）"),
        "type_int": QCoreApplication.translate("Rules", "应为整数"),
        "type_bool": QCoreApplication.translate("Rules", "应填“是”或“否”"),
        "sheet_missing": QCoreApplication.translate("Rules", "缺少工作表"),
        "column_missing": QCoreApplication.translate("Rules", "缺少列"),
        "item_unknown": QCoreApplication.translate("Rules", "事项编码不在“事项”表中"),
        "item_code": QCoreApplication.translate("Rules", "事项编码格式不对"),
        "item_code_duplicate": QCoreApplication.translate("Rules", "事项编码重复"),
        "step_limits_over_promised": QCoreApplication.translate("Rules", "各环节时限之和超过承诺时限"),
        "promised_over_legal": QCoreApplication.translate("Rules", "承诺时限超过法定时限"),
        "department_unknown": QCoreApplication.translate("Rules", "未知的部门编码"),
        "category": QCoreApplication.translate("Rules", "未知的事项类别"),
        "fee_kind": QCoreApplication.translate("Rules", "无效的收费方式"),
        "fee_min_over_cap": QCoreApplication.translate("Rules", "最低收费高于封顶"),
        "fee_code_duplicate": QCoreApplication.translate("Rules", "收费编码重复"),
        "rate_range": QCoreApplication.translate("Rules", "费率应在 0 到 1 之间"),
        "tier_order": QCoreApplication.translate("Rules", "分段上限须递增"),
        "tiers_required": QCoreApplication.translate("Rules", "分段收费至少要有一段"),
        "tier_open_not_last": QCoreApplication.translate("Rules", "只有最后一段可以不设上限"),
        "holder_unknown": QCoreApplication.translate("Rules", "未知的权限人"),
        "holders_required": QCoreApplication.translate("Rules", "环节须有权限人"),
        "workflow_required": QCoreApplication.translate("Rules", "须有办理流程"),
        "stage_gap": QCoreApplication.translate("Rules", "环节序号不连续"),
        "material_form": QCoreApplication.translate("Rules", "无效的材料形式"),
        "copies_range": QCoreApplication.translate("Rules", "份数超出范围"),
        "format": QCoreApplication.translate("Rules", "不是事项目录文件（格式标识不对）"),
        "not_json": QCoreApplication.translate("Rules", "不是有效的 JSON"),
        "not_utf8": QCoreApplication.translate("Rules", "文件不是 UTF-8 文本"),
        "not_xlsx": QCoreApplication.translate("Rules", "无法作为 Excel 工作簿读取"),
        "file_missing": QCoreApplication.translate("Rules", "文件不存在"),
        "not_a_file": QCoreApplication.translate("Rules", "这是一个文件夹，请选择文件"),
    }


def _error_texts() -> dict[str, str]:
    return {
        "authentication_failed": QCoreApplication.translate("DomainErrors", "用户名或密码错误（连续错误 5 次将锁定账号）"),
        "account_locked": QCoreApplication.translate("DomainErrors", "账号已锁定，请 15 分钟后再试，或请管理员解锁"),
        "permission_denied": QCoreApplication.translate("DomainErrors", "没有进行此操作所需的角色"),
        "role_required": QCoreApplication.translate("DomainErrors", "没有进行此操作所需的角色"),
        "cannot_disable_self": QCoreApplication.translate("DomainErrors", "不能停用自己的账号"),
        "last_admin": QCoreApplication.translate("DomainErrors", "这是最后一个在用的系统管理员，不能停用"),
        "admin_required": QCoreApplication.translate("DomainErrors", "请先以管理员身份登录"),
        "first_person_must_be_admin": QCoreApplication.translate("DomainErrors", "首个账号必须是系统管理员"),
        "not_found": QCoreApplication.translate("DomainErrors", "没有找到所要的记录"),
    }


_WHERE_PARTS = (("工作表", "sheet "), ("第 ", " row "), (" 行", ""), ("事项 ", "item "),
                ("“", "\""), ("”", "\""), ("（", " ("), ("）", ")"))


def problem_where(where: str) -> str:
    """Where a problem is, with the core's Chinese place words in the interface language
    (sheet names stay as they are written in the workbook)."""
    if chinese_ui():
        return where
    for zh, en in _WHERE_PARTS:
        where = where.replace(zh, en)
    return re.sub(r"  +", " ", where)


def problem_text(problem: Problem) -> str:
    """A problem's message in the interface language (the rule's text outside Chinese)."""
    if chinese_ui():
        return problem.message
    return _rule_texts().get(problem.rule, problem.message)


def domain_error_text(exc: DomainError) -> str:
    """A domain error in the interface language."""
    if isinstance(exc, InvalidInput):
        return "\n".join(problem_text(p) for p in exc.problems)
    if chinese_ui():
        return exc.message
    code = exc.code.split(":")[0]
    return _error_texts().get(code, exc.message)
