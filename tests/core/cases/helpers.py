"""Building intakes in tests: a clerk, the counter's hall, and a complete ZJ-XK-001 case."""

from __future__ import annotations

from dataclasses import replace

from hall_client.core.actor import Actor
from hall_client.core.cases.intake import (
    ApplicantInput,
    FeeInput,
    HallInfo,
    Intake,
    MaterialInput,
    PageInput,
)

CLERK = Actor("wangjing", "王静", frozenset({"clerk"}), "W01")
HALL = HallInfo("HALL-330100", "县行政服务中心", "W01", "综合窗口1号",
                "http://127.0.0.1:8700/status")
PERSON = ApplicantInput("person", "张三", "resident_id", "11010519491231002x", "13800000000",
                        "杭州市西湖区文三路1号", "")
COMPANY = ApplicantInput("organisation", "某某建设有限公司", "uscc", "91330100MA2B3C4D5N",
                         "13800000000", "", "王五")
#: ZJ-XK-001 lists 12 materials; the first 11 are required, the last (委托书) optional.
REQUIRED = 11


def full_intake(decision: str = "accept", **changes: object) -> Intake:
    """Every required material received, two pages on the first; fee by floor area."""
    materials = tuple(MaterialInput(i, pages=(PageInput(b"\xff\xd8\xffpage-one\xff\xd9"),
                                              PageInput(b"\xff\xd8\xffpage-two\xff\xd9"))
                                    if i == 0 else ())
                      for i in range(REQUIRED))
    intake = Intake("ZJ-XK-001", COMPANY, decision, "县行政服务中心二期工程",
                    materials=materials, fees=(FeeInput("FS-ZJ-001", "12000"),))
    return replace(intake, **changes)  # type: ignore[arg-type]


def missing_intake(decision: str = "correction", **changes: object) -> Intake:
    """Two required materials missing and one not conforming."""
    materials = tuple(MaterialInput(i) for i in range(REQUIRED) if i not in (3, 7))
    materials = tuple(replace(m, state="nonconforming", reason="复印件不清晰，须加盖公章")
                      if m.position == 1 else m for m in materials)
    intake = Intake("ZJ-XK-001", PERSON, decision, "滨江花园三期1#楼", materials=materials)
    return replace(intake, **changes)  # type: ignore[arg-type]
