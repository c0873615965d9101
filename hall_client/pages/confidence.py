"""How sure the pipeline must be before a page goes through without the clerk looking.

One number for the whole program: the GUI asks the clerk to confirm or fix every page whose
confidence is below ASK_CLERK_BELOW, and the pipeline warns below it. A page's confidence is
the lesser of how sure we are of its corners (edge confidence) and of its turn (upright
confidence, mapped by ``page_confidence`` so that UPRIGHT_UNSURE_BELOW falls on
ASK_CLERK_BELOW): a page whose text may stand upside down is asked about like a page whose
corners may be wrong.
"""

from __future__ import annotations

#: Below this page confidence the clerk must confirm or fix a page (its corners or its turn).
ASK_CLERK_BELOW = 0.75
#: Below this the text direction is reported as unsure ("请核对页面是否正立").
UPRIGHT_UNSURE_BELOW = 0.25


def upright_as_page_confidence(upright: float) -> float:
    """The upright confidence on the page-confidence scale: 0→0, UPRIGHT_UNSURE_BELOW→
    ASK_CLERK_BELOW, 1→1, linear in between (so unsure ⇔ the clerk is asked)."""
    u = min(1.0, max(0.0, upright))
    if u < UPRIGHT_UNSURE_BELOW:
        return ASK_CLERK_BELOW * u / UPRIGHT_UNSURE_BELOW
    return ASK_CLERK_BELOW + (1 - ASK_CLERK_BELOW) * (u - UPRIGHT_UNSURE_BELOW) / (
        1 - UPRIGHT_UNSURE_BELOW
    )


def page_confidence(edge: float, upright: float) -> float:
    """How sure we are of the whole page: of its corners and of its turn."""
    return min(edge, upright_as_page_confidence(upright))
