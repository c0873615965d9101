"""Names of ID types and applicant kinds for the screen, through Qt's translation (core keeps
the Chinese names for documents the applicant takes home)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def id_type_names() -> dict[str, str]:
    return {
        "resident_id": QCoreApplication.translate("IdTypes", "居民身份证"),
        "uscc": QCoreApplication.translate("IdTypes", "统一社会信用代码"),
        "hmt_residence": QCoreApplication.translate("IdTypes", "港澳台居民居住证"),
        "hk_macao_pass": QCoreApplication.translate("IdTypes", "港澳居民来往内地通行证"),
        "taiwan_pass": QCoreApplication.translate("IdTypes", "台湾居民来往大陆通行证"),
        "passport": QCoreApplication.translate("IdTypes", "护照"),
        "other": QCoreApplication.translate("IdTypes", "其他证件"),
    }


def applicant_kind_names() -> dict[str, str]:
    return {"person": QCoreApplication.translate("IdTypes", "个人"),
            "organisation": QCoreApplication.translate("IdTypes", "法人或其他组织")}
