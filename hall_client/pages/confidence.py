"""How sure the pipeline must be before a page goes through without the clerk looking.

One number for the whole program: the GUI asks the clerk to confirm or fix the corners of
every page whose confidence is below ASK_CLERK_BELOW, and the pipeline warns below it.
"""

from __future__ import annotations

#: Below this edge confidence the clerk must confirm or fix a page's corners.
ASK_CLERK_BELOW = 0.75
#: Below this the text direction is reported as unsure ("请核对页面是否正立").
UPRIGHT_UNSURE_BELOW = 0.25
