"""Licence templates as data (``resources/licences/*.json``): title, paper, numbering, fields.

A template lists its fields in print order; each comes from the case (``applicant.name``,
``case.project_name``, ``case.case_number``, ``case.item_name``) or is typed by the clerk
(``input``). The construction permit has its own; every other item gets the generic approval
letter (``"items": ["*"]``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hall_client import RESOURCES
from hall_client.core.errors import DomainError

TEMPLATE_DIR = RESOURCES / "licences"
SOURCES = {"applicant.name", "case.project_name", "case.case_number", "case.item_name", "input"}


class TemplateError(DomainError):
    """A template file breaks a rule (named by file and field)."""


@dataclass(frozen=True)
class TemplateField:
    label: str  # as printed on the (Chinese) document
    source: str
    required: bool
    #: the label at an English counter (the document itself stays Chinese)
    label_en: str = ""


@dataclass(frozen=True)
class LicenceTemplate:
    id: str
    title: str
    items: tuple[str, ...]
    paper: str
    orientation: str
    number_format: str
    preamble: str
    fields: tuple[TemplateField, ...]
    notes: tuple[str, ...]
    issuer: str

    @property
    def inputs(self) -> tuple[TemplateField, ...]:
        """The fields the clerk types at the counter."""
        return tuple(f for f in self.fields if f.source == "input")


def _load(path: Path) -> LicenceTemplate:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        fields = tuple(TemplateField(str(f["label"]), str(f["source"]), bool(f["required"]),
                                     str(f.get("label_en", "")))
                       for f in raw["fields"])
        template = LicenceTemplate(
            id=str(raw["id"]), title=str(raw["title"]), items=tuple(raw["items"]),
            paper=str(raw.get("paper", "A4")), orientation=str(raw.get("orientation", "portrait")),
            number_format=str(raw["number_format"]), preamble=str(raw.get("preamble", "")),
            fields=fields, notes=tuple(raw.get("notes", ())), issuer=str(raw.get("issuer", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TemplateError(code="licence_template_invalid",
                            message=f"证照模板 {path.name} 无法读取：{exc}") from exc
    for f in template.fields:
        if f.source not in SOURCES:
            raise TemplateError(code="licence_template_invalid",
                                message=f"证照模板 {path.name} 的字段“{f.label}”来源 {f.source} 无效")
    if template.paper not in ("A4", "A3") or template.orientation not in ("portrait", "landscape"):
        raise TemplateError(code="licence_template_invalid",
                            message=f"证照模板 {path.name} 的纸张应为 A4/A3、横向或纵向")
    return template


@cache
def all_templates(folder: Path = TEMPLATE_DIR) -> tuple[LicenceTemplate, ...]:
    return tuple(_load(p) for p in sorted(folder.glob("*.json")))


def template_for(item_code: str, folder: Path = TEMPLATE_DIR) -> LicenceTemplate:
    """The item's own template, else the generic one."""
    templates = all_templates(folder)
    for t in templates:
        if item_code in t.items:
            return t
    for t in templates:
        if "*" in t.items:
            return t
    raise TemplateError(code="licence_template_missing", message=f"没有适用于事项 {item_code} 的证照模板")
