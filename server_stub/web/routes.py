"""Review pages and the applicant status page (Jinja2, Simplified Chinese).

Reviewers and leaders sign in with the same accounts as the API; the access and refresh
tokens live in HttpOnly, SameSite=Strict cookies scoped to /review. The status page shows an
applicant the steps and expected dates of one case, given its number and verification code,
and nothing else.
"""

from __future__ import annotations

import functools
import secrets
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import select

from server_stub.api.routes.uploads import serve
from server_stub.core.clock import local_date, shown
from server_stub.core.errors import DomainError
from server_stub.core.security import keyed_digest
from server_stub.models import Case, CaseEvent, Extension, Upload
from server_stub.schemas.action import ActionIn
from server_stub.schemas.common import refuse_control_chars
from server_stub.services import auth, cases, catalog, throttle, uploads, workflow
from server_stub.services.auth import REVIEW_ROLES, Principal
from server_stub.services.calendar import load_calendar
from server_stub.services.deadlines import case_timing

router = APIRouter(include_in_schema=False)
# The page templates are package data of server_stub.web, read through importlib (as the
# shipped resources are), so they are found in a wheel install too.
templates = Jinja2Templates(env=Environment(loader=PackageLoader("server_stub.web", "templates"),
                                            autoescape=select_autoescape()))
templates.env.filters["shown"] = shown

ACCESS, REFRESH = "hall_review", "hall_review_refresh"
WEB_ROLES = REVIEW_ROLES | {"admin"}
STATUS_TEXT = {
    "in_progress": "审批中", "correction": "待补正（暂停计时）", "special": "特别程序（暂停计时）",
    "awaiting_collection": "已审批，待缴费领证", "finished": "已办结", "rejected": "不予许可",
}
STATE_TEXT = {"active": "办理中", "done": "已完成", "returned": "已退回", "rejected": "不予许可",
              "pending": "未开始"}
WARNING_TEXT = {"green": "正常", "yellow": "黄牌预警", "red": "红牌超期", "paused": "暂停计时",
                "done": "", "unknown": "日历未发布", "pending": ""}
RESULT_TEXT = {"early": "提前办结", "on_time": "按时办结", "overdue": "超期办结"}
ACTION_TEXT = {
    "accepted": "受理", "approve": "同意", "return": "退回", "reject": "不予许可",
    "request_correction": "要求补正", "correction_received": "补正材料已收",
    "start_special": "启动特别程序", "end_special": "结束特别程序",
    "request_extension": "申请延期", "approve_extension": "批准延期",
    "deny_extension": "不批准延期",
    "payment_recorded": "已缴费", "certificate_issued": "已制证", "collected": "已领取",
    "finished": "办结", "urge": "催办", "urge_sent": "催办",
}
ROLE_TEXT = {"reviewer": "科室审核人", "deputy": "分管领导", "chief": "主管领导", "admin": "管理员"}


def _render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    user = ctx.get("user")
    ctx.setdefault("csrf", csrf_token(request, user) if user is not None else "")
    ctx.update(STATUS_TEXT=STATUS_TEXT, STATE_TEXT=STATE_TEXT, WARNING_TEXT=WARNING_TEXT,
               RESULT_TEXT=RESULT_TEXT, ACTION_TEXT=ACTION_TEXT, ROLE_TEXT=ROLE_TEXT)
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def csrf_token(request: Request, user: Principal) -> str:
    """The token every review form carries: bound to the sign-in (token family), so a page
    of another site cannot know it, and it survives token refreshes."""
    return keyed_digest(request.app.state.settings.secret_key, f"csrf:{user.family}")


def _csrf_ok(request: Request, user: Principal, token: str) -> bool:
    return secrets.compare_digest(csrf_token(request, user), token)


def _forbidden_form(request: Request, user: Principal | None) -> HTMLResponse:
    return _render(request, "error.html", status=403, user=user,
                   error="表单已失效或来自其他网站，请刷新页面后重试。")


def _secure(request: Request) -> bool:
    """Cookies carry Secure when the page is served over HTTPS (directly, or behind a proxy
    that says so and is trusted: uvicorn's --forwarded-allow-ips), or when configured."""
    return bool(request.app.state.settings.secure_cookies or request.url.scheme == "https")


def _set_cookies(request: Request, response: Response, tokens: dict[str, Any]) -> None:
    for name, value in ((ACCESS, tokens["access_token"]), (REFRESH, tokens["refresh_token"])):
        response.set_cookie(name, str(value), httponly=True, samesite="strict", path="/review",
                            secure=_secure(request))


def _bad_text(*values: str) -> bool:
    try:
        for v in values:
            refuse_control_chars(v, None)
    except ValueError:
        return True
    return False


def _principal(request: Request, session: Any) -> tuple[Principal | None, dict[str, Any] | None]:
    """The signed-in reviewer, refreshing an expired access token from its refresh cookie.

    Only server roles count: a hall token (a cashier's API token put into the cookie) is no
    session here, just as the login form refuses hall staff.
    """
    user, tokens = _token_principal(request, session)
    if user is None or user.role not in WEB_ROLES:
        return None, None
    return user, tokens


def _token_principal(
    request: Request, session: Any
) -> tuple[Principal | None, dict[str, Any] | None]:
    now = request.app.state.clock()
    token = request.cookies.get(ACCESS)
    if token:
        try:
            return auth.principal_for(session, now, token), None
        except DomainError:
            pass
    refresh = request.cookies.get(REFRESH)
    if refresh:
        try:
            user, tokens = auth.refresh_for_page(session, request.app.state.settings, now,
                                                 refresh)
            session.commit()
            if tokens is not None:
                request.state.new_tokens = tokens  # set on the answer by @keeps_session
            return user, tokens
        except DomainError:
            session.commit()
    return None, None


def keeps_session(handler: Callable[..., Response]) -> Callable[..., Response]:
    """Put refreshed tokens into the answer's cookies: a refresh token works only once, so a
    page that refreshed without passing the new pair on would sign its user out."""

    @functools.wraps(handler)
    def wrapper(request: Request, *args: Any, **kwargs: Any) -> Response:
        response = handler(request, *args, **kwargs)
        tokens = getattr(request.state, "new_tokens", None)
        if tokens and response.status_code != 401:
            _set_cookies(request, response, tokens)
        return response

    return wrapper


def _session(request: Request) -> Any:
    return request.app.state.sessionmaker()


def _login_redirect() -> RedirectResponse:
    return RedirectResponse("/review/login", status_code=303)


@router.get("/review/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return _render(request, "login.html", error=None)


@router.post("/review/login", response_class=HTMLResponse)
def login(request: Request, username: Annotated[str, Form(max_length=60)],
          password: Annotated[str, Form(max_length=200)]) -> Response:
    settings, now = request.app.state.settings, request.app.state.clock()
    if _bad_text(username):
        return _render(request, "login.html", status=422, error="用户名不能含控制字符")
    state = request.app.state
    try:
        user, _ = auth.authenticate(state.sessionmaker, state.read_sessionmaker, settings, now,
                                    username, password)
        if user.role not in WEB_ROLES:
            raise DomainError("web_role",
                              "审批页面供科室审核人和领导使用；窗口人员请使用大厅客户端")
        with _session(request) as session:
            tokens = auth.issue_tokens(session, settings, now, user, None)
            session.commit()
    except DomainError as exc:
        message = exc.message
        if exc.code == "counter_required":  # the password was right: a hall account
            message = "审批页面供科室审核人和领导使用；窗口人员请使用大厅客户端"
        return _render(request, "login.html", status=401, error=message)
    response = RedirectResponse("/review/", status_code=303)
    _set_cookies(request, response, tokens)
    return response


@router.post("/review/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=64)] = "") -> Response:
    with _session(request) as session:
        user, _ = _principal(request, session)
        if user:
            if not _csrf_ok(request, user, csrf):
                return _forbidden_form(request, user)
            auth.sign_out(session, request.cookies.get(REFRESH, ""))
            session.commit()
    response = _login_redirect()
    response.delete_cookie(ACCESS, path="/review")
    response.delete_cookie(REFRESH, path="/review")
    return response


@router.get("/review/", response_class=HTMLResponse)
@keeps_session
def inbox(request: Request) -> Response:
    settings, now = request.app.state.settings, request.app.state.clock()
    with _session(request) as session:
        user, _ = _principal(request, session)
        if user is None:
            return _login_redirect()
        cal = load_calendar(session)
        rows: list[dict[str, Any]] = []
        for case, step, capacity in workflow.inbox(session, user):
            timing = case_timing(session, cal, case, [step], now, settings.yellow_working_days)
            rows.append({"case": case, "step": step, "capacity": capacity,
                         "due": timing.steps[step.id].due, "warning": timing.steps[step.id].warning,
                         "paused": timing.clock_stopped})
        rows.sort(key=lambda r: (r["due"] is None, r["due"] or local_date(now),
                                 r["case"].case_number))
        response = _render(request, "inbox.html", user=user, rows=rows, today=local_date(now))
    return response


def _case_page(request: Request, session: Any, user: Principal, case: Case,
               error: str | None = None, message: str | None = None,
               status: int = 200) -> HTMLResponse:
    settings, now = request.app.state.settings, request.app.state.clock()
    out = cases.view(session, settings, case, now)
    steps = cases.steps_of(session, case)
    mine = None
    for s in steps:
        if s.state == "active" and workflow.acting_as(user, case, s):
            mine = s
    events = list(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                  .order_by(CaseEvent.seq)))
    pending_ext = list(session.scalars(select(Extension).where(
        Extension.case_id == case.id, Extension.state == "requested")))
    is_leader = user.role in ("chief", "deputy") and user.department == case.department
    images = list(session.scalars(select(Upload).where(Upload.case_id == case.id)
                                  .order_by(Upload.section, Upload.name)))
    return _render(request, "case.html", status=status, user=user, case=out, events=events,
                   mine=mine, pending_ext=pending_ext if is_leader else [], images=images,
                   error=error, message=message, form_id=uuid.uuid4(),
                   stages=sorted({(s.stage, s.name) for s in steps
                                  if mine and s.stage < mine.stage}, reverse=True))


@router.get("/review/cases/{case_id}", response_class=HTMLResponse)
@keeps_session
def case_page(request: Request, case_id: uuid.UUID, msg: str | None = None) -> Response:
    with _session(request) as session:
        user, _ = _principal(request, session)
        if user is None:
            return _login_redirect()
        try:
            case = cases.load_case(session, case_id)
            cases.check_access(session, user, case)
        except DomainError as exc:
            return _render(request, "error.html", status=exc.status, user=user,
                           error=exc.message)
        response = _case_page(request, session, user, case,
                              message={"ok": "已办理"}.get(msg or ""))
    return response


@router.post("/review/cases/{case_id}/act", response_class=HTMLResponse)
@keeps_session
def case_act(
    request: Request, case_id: uuid.UUID,
    form_id: Annotated[uuid.UUID, Form()],
    action: Annotated[str, Form(max_length=30)],
    opinion: Annotated[str, Form(max_length=2000)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
    to_stage: Annotated[str, Form(max_length=3)] = "",
    days: Annotated[str, Form(max_length=3)] = "",
    extension_id: Annotated[str, Form(max_length=40)] = "",
    special_kind: Annotated[str, Form(max_length=20)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    now = request.app.state.clock()
    with _session(request) as session:
        user, _ = _principal(request, session)
        if user is None:
            return _login_redirect()
        if not _csrf_ok(request, user, csrf):
            return _forbidden_form(request, user)
        try:
            case = cases.load_case(session, case_id, lock=True)
            cases.check_access(session, user, case)
        except DomainError as exc:
            return _render(request, "error.html", status=exc.status, user=user,
                           error=exc.message)
        try:
            body = ActionIn.model_validate({
                "id": form_id, "action": action, "opinion": opinion, "reason": reason,
                "to_stage": int(to_stage) if to_stage.strip() else None,
                "days": int(days) if days.strip() else None,
                "extension_id": extension_id or None, "special_kind": special_kind or None,
            })
            workflow.act(session, case, user, body, now)
            session.commit()
        except (DomainError, ValueError) as exc:
            session.rollback()
            message = exc.message if isinstance(exc, DomainError) else f"填写有误：{exc}"
            status = exc.status if isinstance(exc, DomainError) else 422
            case = cases.load_case(session, case_id)
            return _case_page(request, session, user, case, error=message, status=status)
    return RedirectResponse(f"/review/cases/{case_id}?msg=ok", status_code=303)


@router.get("/review/files/{upload_id}")
@keeps_session
def page_image(request: Request, upload_id: uuid.UUID) -> Response:
    with _session(request) as session:
        user, _ = _principal(request, session)
        if user is None:
            return Response(status_code=401)
        try:
            upload = uploads.load(session, upload_id)
            cases.check_access(session, user, cases.load_case(session, upload.case_id))
            uploads.check_complete(upload)
        except DomainError as exc:
            return Response(exc.message, status_code=exc.status, media_type="text/plain")
        return serve(request.app.state.file_store, upload)


def _projected(session: Any, case: Case, out: Any, today: date) -> list[dict[str, Any]]:
    """Steps not started yet, each expected when the one before it is due (a plan, not a
    promise: it assumes every later stage takes its full limit; an overdue step is taken to
    end today)."""
    item = catalog.item_version(session, case.item_code, case.item_version).data
    cal = load_calendar(session)
    dues = [s.due_date for s in out.steps if s.state == "active"]
    start = max([*dues, today]) if dues and all(dues) else None
    stages: dict[int, list[dict[str, Any]]] = {}
    for w in item["workflow"]:
        if w["stage"] > case.current_stage:
            stages.setdefault(w["stage"], []).append(w)
    rows = []
    for stage in sorted(stages):
        limit = max(int(w["limit_days"]) for w in stages[stage])
        try:
            start = cal.due_date(start, limit) if start is not None else None
        except DomainError:
            start = None
        rows += [{"name": w["name"], "state": "pending", "due": start, "finished": ""}
                 for w in stages[stage]]
    return rows


@router.get("/status", response_class=HTMLResponse)
def status_form(request: Request) -> Response:
    return _render(request, "status.html", result=None, error=None, number="")


def status_key(request: Request) -> str:
    """Status lookups are throttled per client address (the proxy's X-Forwarded-For when
    uvicorn trusts it), not per case: anyone could otherwise lock every case's lookup, and a
    per-case lock would tell which case numbers exist."""
    return f"status:{request.client.host if request.client else '-'}"


@router.post("/status", response_class=HTMLResponse)
def status_lookup(request: Request, number: Annotated[str, Form(max_length=40)],
                  code: Annotated[str, Form(max_length=12)]) -> Response:
    """Steps and expected dates of one case. Wrong lookups (an unknown number or a wrong
    code: the same answer) count against the caller's address, held in the database."""
    settings, now = request.app.state.settings, request.app.state.clock()
    wrong = "受理号或查询码不正确，请核对受理通知书。"
    if _bad_text(number, code):
        return _render(request, "status.html", status=422, result=None, number="",
                       error="受理号和查询码只能含字母和数字。")
    key = status_key(request)
    policy = throttle.Policy(settings.status_max_failures,
                             timedelta(minutes=settings.status_lock_minutes))
    too_many = (f"查询错误次数过多，请 {settings.status_lock_minutes} 分钟后再试，或持身份证件到窗口查询。"
                )
    with request.app.state.read_sessionmaker() as session:
        if throttle.locked_until(session, key, now) is not None:
            return _render(request, "status.html", status=429, result=None, number=number,
                           error=too_many)
        case = session.scalar(select(Case).where(Case.case_number == number.strip()))
        right = case is not None and secrets.compare_digest(
            keyed_digest(settings.secret_key, code.strip()), case.verification_digest)
        if right:
            assert case is not None
            out = cases.view(session, settings, case, now)
            steps: list[dict[str, Any]] = [
                {"name": s.name, "state": s.state, "due": s.due_date,
                 "finished": shown(s.finished_at)}
                for s in out.steps if s.state != "returned"]
            if out.status not in ("finished", "rejected"):
                steps += _projected(session, case, out, local_date(now))
            result = {
                "case_number": out.case_number, "item_name": out.item_name,
                "status": out.status, "accepted": shown(out.accepted_at),
                "promised_due": out.promised_due, "finished": shown(out.finished_at),
                "deadline_error": out.deadline_error, "steps": steps,
            }
        session.commit()
    if not right:
        with _session(request) as session:
            failure = throttle.fail(session, key, now, policy)
            session.commit()
        if not failure.counted:
            return _render(request, "status.html", status=429, result=None, number=number,
                           error=too_many)
        return _render(request, "status.html", status=404, result=None, error=wrong,
                       number=number)
    return _render(request, "status.html", result=result, error=None, number=number)
