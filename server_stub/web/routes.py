"""Review pages and the applicant status page (Jinja2, Chinese)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
