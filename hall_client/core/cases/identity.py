"""Applicant identity documents and names.

ID numbers are normalised (full-width letters and digits to ASCII, spaces removed, letters
upper-cased: a lower-case ``x`` check character becomes ``X``) and then checked by the rule of
their type; a broken rule is named in the message. Names and other free text are stored exactly
as typed (no NFKC: a rare character must survive as entered) and their length is counted in
characters. :func:`check_text` is the one place that says what a name may be, so the rare-name
input can call it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hall_client.core.errors import DomainError

#: ID types a counter accepts, with their Chinese names (the order the form offers them).
ID_TYPES = {
    "resident_id": "居民身份证",
    "uscc": "统一社会信用代码",
    "hmt_residence": "港澳台居民居住证",
    "hk_macao_pass": "港澳居民来往内地通行证",
    "taiwan_pass": "台湾居民来往大陆通行证",
    "passport": "护照",
    "other": "其他证件",
}
#: Which ID types suit which applicant kind.
KIND_ID_TYPES = {
    "person": ("resident_id", "hmt_residence", "hk_macao_pass", "taiwan_pass", "passport",
               "other"),
    "organisation": ("uscc", "other"),
}
APPLICANT_KINDS = {"person": "个人", "organisation": "法人或其他组织"}

NAME_MAX = 100  # characters, as the server's Applicant.name
TEXT_MAX = 200

_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"
#: Province-level codes of GB/T 2260 (the first two digits of a resident ID).
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82"})
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class IdentityError(DomainError):
    """An ID number or a name broke a rule; the message names the rule."""

    code = "id_invalid"


def normalise_id(raw: str) -> str:
    """Full-width ASCII to half-width, spaces dropped, letters upper-cased."""
    out = []
    for ch in raw:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif ch in " \u3000\t":
            continue
        out.append(ch)
    return "".join(out).upper()


def _birth_date(digits: str, what: str, today: date) -> date:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise IdentityError(f"{what}第 7–14 位出生日期 {digits} 不是真实的日期",
                            code="id_birth_date_invalid") from None
    if born.year < 1900 or born > today:
        raise IdentityError(f"{what}的出生日期 {born.isoformat()} 不可能（早于1900年或晚于今天）",
                            code="id_birth_date_invalid")
    return born


def resident_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _RESIDENT_WEIGHTS, strict=True))
    return _RESIDENT_CHECK[total % 11]


def _check_gb11643(number: str, what: str, today: date) -> None:
    if len(number) != 18:
        raise IdentityError(f"{what}应为 18 位，实际 {len(number)} 位", code="id_length")
    if not number[:17].isdigit() or not number[:17].isascii():
        raise IdentityError(f"{what}前 17 位应为数字", code="id_charset")
    if not (number[17].isdigit() or number[17] == "X"):
        raise IdentityError(f"{what}最后一位应为数字或 X", code="id_charset")
    _birth_date(number[6:14], what, today)
    expected = resident_check_char(number[:17])
    if number[17] != expected:
        raise IdentityError(
            f"{what}校验位不符（GB 11643）：按前 17 位应为 {expected}，实际为 {number[17]}，"
            "请核对号码", code="id_check_digit")


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters."""
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def _check_uscc(number: str) -> None:
    what = "统一社会信用代码"
    if len(number) != 18:
        raise IdentityError(f"{what}应为 18 位，实际 {len(number)} 位", code="id_length")
    bad = sorted({c for c in number if c not in _USCC_ALPHABET})
    if bad:
        raise IdentityError(f"{what}含有不允许的字符 {''.join(bad)}（不使用 I、O、Z、S、V）",
                            code="id_charset")
    if not number[2:8].isdigit():
        raise IdentityError(f"{what}第 3–8 位登记管理机关行政区划码应为数字", code="id_region")
    expected = uscc_check_char(number[:17])
    if number[17] != expected:
        raise IdentityError(
            f"{what}校验位不符（GB 32100）：按前 17 位应为 {expected}，实际为 {number[17]}，"
            "请核对号码", code="id_check_digit")


def check_id(id_type: str, raw: str, *, today: date | None = None) -> str:
    """The normalised number if it holds for its type; raises IdentityError naming the rule."""
    today = today or date.today()
    if id_type not in ID_TYPES:
        raise IdentityError(f"证件类型“{id_type}”无效，可选：{', '.join(ID_TYPES)}",
                            code="id_type_invalid")
    if not isinstance(raw, str):
        raise IdentityError("证件号码应为文字", code="id_type_invalid")
    if id_type == "other":
        number = raw.strip()
        if not number:
            raise IdentityError("请填写证件号码", code="id_missing")
        if len(number) > 40 or _CONTROL.search(number):
            raise IdentityError("证件号码最多 40 个字符，且不能含控制字符", code="id_length")
        return number
    number = normalise_id(raw)
    name = ID_TYPES[id_type]
    if not number:
        raise IdentityError(f"请填写{name}号码", code="id_missing")
    if id_type == "resident_id":
        if len(number) == 18 and number[:2].isdigit() and number[:2] not in _PROVINCES:
            raise IdentityError(f"{name}号码前两位 {number[:2]} 不是有效的省级行政区划代码",
                                code="id_region")
        _check_gb11643(number, name + "号码", today)
    elif id_type == "hmt_residence":
        if len(number) == 18 and number[:6] not in ("810000", "820000", "830000"):
            raise IdentityError(f"{name}号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头",
                                code="id_region")
        _check_gb11643(number, name + "号码", today)
    elif id_type == "uscc":
        _check_uscc(number)
    elif id_type == "hk_macao_pass":
        if not re.fullmatch(r"[HM][0-9]{8}([0-9]{2})?", number):
            raise IdentityError(f"{name}号码应为 H 或 M 开头加 8 位（或 10 位）数字",
                                code="id_format")
    elif id_type == "taiwan_pass":
        if not re.fullmatch(r"[0-9]{8}([0-9]{2})?", number):
            raise IdentityError(f"{name}号码应为 8 位（或旧版 10 位）数字", code="id_format")
    elif id_type == "passport" and not re.fullmatch(r"[A-Z0-9]{5,17}", number):
        raise IdentityError(f"{name}号码应为 5–17 位字母或数字", code="id_format")
    return number


@dataclass(frozen=True)
class TextRule:
    label: str
    required: bool = False
    max_chars: int = TEXT_MAX


def check_text(value: object, rule: TextRule) -> str:
    """A name or other free text, returned exactly as typed if it holds.

    Refused: not text, blank when required, more than ``max_chars`` characters (counted as
    characters, so a rare hanzi outside the BMP counts once), or control characters.
    """
    if not isinstance(value, str):
        raise IdentityError(f"{rule.label}应为文字", code="text_type")
    if rule.required and not value.strip():
        raise IdentityError(f"请填写{rule.label}", code="text_missing")
    if len(value) > rule.max_chars:
        raise IdentityError(f"{rule.label}最多 {rule.max_chars} 个字符，实际 {len(value)} 个",
                            code="text_too_long")
    if _CONTROL.search(value):
        raise IdentityError(f"{rule.label}含有控制字符（如换行），请删除", code="text_control")
    return value


def check_name(value: object, label: str = "申请人名称") -> str:
    """The applicant's (or contact person's) name as typed, if it holds."""
    return check_text(value, TextRule(label, required=True, max_chars=NAME_MAX))


PHONE_RE = re.compile(r"\+?[0-9][0-9 -]{4,19}")


def check_phone(raw: object, label: str = "联系电话") -> str:
    """A phone number: digits, spaces, hyphens and a leading +; full-width digits normalised."""
    if not isinstance(raw, str):
        raise IdentityError(f"{label}应为文字", code="phone_invalid")
    phone = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c
                    for c in raw.strip())
    if phone and not PHONE_RE.fullmatch(phone):
        raise IdentityError(f"{label}“{raw[:30]}”格式不对：应为数字（可含空格、- 和开头的 +），5–20 位",
                            code="phone_invalid")
    return phone
