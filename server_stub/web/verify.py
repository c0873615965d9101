"""The public verify page: paste or scan a licence or receipt code, see what it vouches for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from server_stub.services import licences

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
FIELD_TEXT = {
    "licence_number": "证号", "item_code": "事项编码", "case_number": "受理号",
    "holder": "持证人", "issued": "签发日期", "hall": "签发大厅", "stock_code": "票据代码",
    "number": "票据号码", "total": "金额（元）", "payer": "交款人",
}
STATUS_CLASS = {"genuine": "ok", "unregistered": "warn"}


def _page(request: Request, code: str = "", result: dict[str, Any] | None = None,
          status: int = 200) -> HTMLResponse:
    ctx = {"code": code, "result": result, "FIELD_TEXT": FIELD_TEXT,
           "css": STATUS_CLASS.get(result["verdict"], "error") if result else ""}
    return templates.TemplateResponse(request, "verify.html", ctx, status_code=status)


def _check(request: Request, code: str) -> HTMLResponse:
    code = code.strip()
    if not code:
        return _page(request)
    if len(code) > 2000:
        return _page(request, "", {"verdict": "not_genuine", "genuine": False,
                                   "message": "输入的内容过长，不是本系统的验真码"}, 422)
    with request.app.state.read_sessionmaker() as session:
        result = licences.verify(session, code)
    return _page(request, code, result)


@router.get("/verify", response_class=HTMLResponse)
def verify_page(request: Request, code: str = "") -> HTMLResponse:
    """A QR may carry ``/verify?code=...``; a bare visit shows the form."""
    return _check(request, code)


@router.post("/verify", response_class=HTMLResponse)
def verify_form(request: Request, code: Annotated[str, Form()] = "") -> HTMLResponse:
    return _check(request, code)
