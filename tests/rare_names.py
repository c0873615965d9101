"""The test names of issue 9: one per CJK block a name may draw from, and look-alikes.

Each name is typed the way a clerk would: the common characters through the input method (in
tests: ``setText``), the rare one through the picker with ``query`` (pinyin or code). ``twin``
is a different name that looks the same or nearly so: a search for the rare character must not
find it, and nothing may turn one into the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RareName:
    block: str
    prefix: str  # typed through the input method
    rare: str  # typed through the picker
    suffix: str
    query: str  # what the clerk types into the picker
    twin: str  # a look-alike name stored beside it

    @property
    def name(self) -> str:
        return self.prefix + self.rare + self.suffix

    @property
    def id(self) -> str:
        return self.block


NAMES = [
    RareName("ext-a", "王", "䶮", "", "yan3", "王奄"),  # U+4DAE
    RareName("ext-b", "王䶮", "𠮷", "（彧）", "U+20BB7", "王䶮吉（彧）"),  # U+20BB7, the payer
    RareName("ext-c", "李", "𪞝", "", "U+2A79D", "李夺"),
    RareName("ext-d", "张", "𫞩", "", "men2", "张门"),  # U+2B7A9
    RareName("ext-e", "赵", "𫠥", "", "2B825", "赵漏"),
    RareName("ext-f", "钱", "𭀖", "", "U+2D016", "钱离"),
    RareName("ext-g", "孙", "𰀡", "", "U+30021", "孙千"),
    RareName("compat", "周", "\ufa18", "", "U+FA18", "周\u793c"),  # 礼 U+FA18 vs 礼 U+793C
    RareName("compat-sup", "", "\U0002f800", "华", "U+2F800", "\u4e3d华"),  # 丽 U+2F800 vs 丽 U+4E3D
    RareName("lookalike", "山", "\ufa11", "", "FA11", "山\u5d0e"),  # 﨑 U+FA11 vs 崎 U+5D0E
]

assert all(n.name != n.twin for n in NAMES)
