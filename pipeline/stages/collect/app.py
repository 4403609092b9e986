"""The collection server as an ASGI application (Starlette).

Respondents: ``/`` (start page; a one-time code is typed here, never put in a URL),
``/webform`` (open link) and ``/key/<token>/webform`` (named app-users): the form rendered in
the browser by ODK Web Forms from /static, which fetches the XForm and submits to
``/submission``; ``/form``, ``/key/<token>/form`` and ``/respond``: the plain HTML form,
with no script. ODK Collect and other OpenRosa clients: ``/formList``, ``/forms/<id>.xml``,
``/submission`` (also under ``/key/<token>/``). Admin: ``/admin``. ``/sw.js``: the service
worker that keeps the engine page, its XForm and /static for offline use.

The server writes no access log: a request line would carry the time, the address and, for
app-users, the token. Nothing here logs anything about a submission.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.collect.answers import FormRules, Refusal
from pipeline.stages.collect.cards import cards_pdf, new_codes, normalise_code
from pipeline.stages.collect.export import check_repeat_names, export_wave
from pipeline.stages.collect.multipart import Unreadable, read_parts
from pipeline.stages.collect.security import (
    ENGINE_CSP,
    SERVICE_WORKER_CSP,
    AdminSessions,
    SecurityMiddleware,
    same_token,
    verify_password,
)
from pipeline.stages.collect.store import Entry, Keyed, Outcome, Store, TokenState
from pipeline.stages.collect.web import (
    ADD_BUTTON,
    UI,
    FormPage,
    other_lang,
    page_key,
    page_lang,
    render,
    web_fields,
)
from pipeline.stages.collect.xform import (
    MAX_XML_BYTES,
    Submission,
    XForm,
    build_xform,
    parse_submission,
    with_default_language,
)
from pipeline.stages.tabulate import suppressed_columns

OPENROSA = {"X-OpenRosa-Version": "1.0"}
OPENROSA_ACCEPT = {**OPENROSA, "X-OpenRosa-Accept-Content-Length": str(MAX_XML_BYTES)}
XML = "text/xml; charset=utf-8"
_INSTANCE_ID = re.compile(r"(uuid:)?[0-9a-fA-F-]{8,64}")
_BATCH = re.compile(r"[A-Za-z0-9_-]{1,64}")
_FORM_NUMBER = re.compile(r"[A-Za-z0-9-]{1,32}")
STATIC = Path(__file__).parent / "static"
ADMIN_COOKIE = "survey_admin"
LOGIN_COOKIE = "survey_login"


class AccessMode(StrEnum):
    open = "open"  # anyone with the address
    app_user = "app-user"  # named tokens (interviewers); responses carry the name
    one_time = "one-time"  # unlinkable one-time codes printed on cards


class Denied(Exception):
    """Access refused: ``key`` is a UI wording key, ``status`` the HTTP status."""

    def __init__(self, key: str, status: int = 403) -> None:
        self.key = key
        self.status = status
        super().__init__(UI["en"][key])


@dataclass(frozen=True)
class Access:
    collector: str | None = None
    code: str | None = None


@dataclass
class CollectConfig:
    questionnaire: Questionnaire
    store: Store
    access: AccessMode = AccessMode.open
    export_path: Path = Path("raw/wave.csv")
    suppress_below: int = 10
    keep_metadata: frozenset[str] = frozenset()
    xform: XForm | None = None
    rules: FormRules = field(init=False)
    repeats: frozenset[str] = field(init=False)  # the names of the form's repeats

    def __post_init__(self) -> None:
        check_repeat_names(self.questionnaire)
        self.rules = FormRules.checked(self.questionnaire, self.keep_metadata)
        self.repeats = frozenset(self.questionnaire.tables())
        if self.xform is None:
            self.xform = build_xform(self.questionnaire)


@dataclass(frozen=True)
class Result:
    status: int
    message: str
    outcome: Outcome | None = None


class Collector:
    """What the routes call: access, validation and storage, free of HTTP."""

    def __init__(self, config: CollectConfig) -> None:
        self.config = config
        self.store = config.store
        self.questionnaire = config.questionnaire

    def resolve(self, token: str | None) -> Access:
        mode = self.config.access
        if mode is AccessMode.open:
            return Access()
        if not token:
            raise Denied("need_link" if mode is AccessMode.app_user else "code_unknown", 401)
        if mode is AccessMode.app_user:
            name = self.store.app_user(token)
            if name is None:
                raise Denied("need_link")
            return Access(collector=name)
        code = normalise_code(token)
        if self.store.code_state(code) is TokenState.unknown:
            raise Denied("code_unknown")
        return Access(code=code)

    async def accept_xml(self, xml: bytes, token: str | None) -> Result:
        """Parse, check and store one OpenRosa submission; the answer once it is committed.
        The checks run on the event loop (they are CPU work: a worker thread would only add
        a hand-over) unless access needs a database look-up; the commit is awaited without
        holding a thread."""
        if self.config.access is AccessMode.open:
            checked = self.check_xml(xml, token)
        else:
            checked = await run_in_threadpool(self.check_xml, xml, token)
        if isinstance(checked, Result):
            return checked
        outcome = await asyncio.wrap_future(self.store.submit_later(checked))
        return self.result_of(outcome)

    def check_xml(self, xml: bytes, token: str | None) -> Entry | Result:
        """The Entry to store, or the Result that refuses the submission."""
        try:
            access = self.resolve(token)
            submission = parse_submission(xml, self.config.repeats)
            self.check_form(submission.form_id, submission.version)
            checked = self.config.rules.check(submission.fields, instances=submission.instances)
        except Denied as exc:
            return Result(exc.status, str(exc))
        except Refusal as exc:
            return Result(400, str(exc))
        return self.entry_of(submission.instance_id, submission.content_key, checked, access)

    def check_form(self, form_id: str, version: str | None) -> None:
        q = self.questionnaire
        if form_id != q.form_id:
            raise Refusal("", f"this server collects form {q.form_id!r}, not {form_id!r}")
        if version is not None and version != q.version:
            raise Refusal("", f"this server collects version {q.version!r}, not {version!r}")

    def store_entry(self, submission: Submission, checked, access: Access) -> Result:
        entry = self.entry_of(submission.instance_id, submission.content_key, checked, access)
        return self.result_of(self.store.submit(entry))

    def entry_of(self, instance_id: str, content: str, checked, access: Access) -> Entry:
        """``content``: the canonical text of what was sent, compared on a repeat."""
        answers = {**checked.answers, **checked.metadata}
        return Entry(instance_id, content, answers, checked.contact, access.collector,
                     access.code, checked.rows)  # fmt: skip

    def result_of(self, outcome: Outcome) -> Result:
        status, key = {
            Outcome.stored: (201, "thanks"),
            Outcome.repeat: (201, "thanks"),
            Outcome.conflict: (409, "conflict"),
            Outcome.token_used: (403, "code_used"),
            Outcome.closed: (403, "closed"),
        }[outcome]
        return Result(status, UI["en"][key], outcome)


# ---- the application ------------------------------------------------------------------


def create_app(config: CollectConfig) -> Starlette:
    collector = Collector(config)
    sessions = AdminSessions()
    page = FormPage(config.questionnaire)
    q = config.questionnaire

    def html(template: str, status: int = 200, **context) -> HTMLResponse:
        lang = context.get("lang", "vi")
        context.setdefault("title", q.title.get(lang))
        context.setdefault("ui", UI[lang])
        return HTMLResponse(render(template, **context), status_code=status)

    def message(lang: str, key: str, status: int, heading: str = "refused") -> HTMLResponse:
        ui = UI[lang]
        return html(
            "message.html", status, lang=lang, heading=ui[heading], message=ui[key],
            alert=status >= 400, back="/?lang=" + lang,
        )  # fmt: skip

    def form_page(lang: str, token: str | None, values=None, error=None, status=200,
                  keying: bool = False):  # fmt: skip
        return html(
            "form.html",
            status,
            lang=lang,
            organisation=q.organisation.get(lang) if q.organisation else None,
            introduction=q.introduction.get(lang) if q.introduction else None,
            sections=page.sections(lang, values or {}, error),
            has_add_buttons=page.has_add_buttons,
            error=error,
            error_number=page.place_words(error[0], lang) if error else None,
            error_dom=page.field_dom(error[0]) if error else None,
            instance_id=(values or {}).get("instance_id", [None])[0] or f"uuid:{uuid.uuid4()}",
            access_token=None if keying else token,
            action=f"/key/{token}/keying" if keying else "/respond",
            keying=keying,
            form_number=(values or {}).get("form_number", [None])[0],
        )

    def engine_page(lang: str, base: str, bearer: str | None = None) -> HTMLResponse:
        """The page that runs ODK Web Forms: the XForm from ``base``/forms/<id>.xml, the
        submission to ``base``/submission (``base`` is ``/key/<token>`` for app-users). A
        one-time code goes as a Bearer header, never in a URL, and makes the page single-use."""
        response = html(
            "webform.html", lang=lang, other=other_lang(lang),
            organisation=q.organisation.get(lang) if q.organisation else None,
            form_url=f"{base}/forms/{config.xform.form_id}.xml?lang={lang}",
            submit_url=f"{base}/submission",
            bearer=bearer, single=config.access is AccessMode.one_time,
            switch_href=None if bearer else f"{base}/webform?lang={other_lang(lang)}",
            plain_href=f"{base}/form?lang={lang}",
        )  # fmt: skip
        response.headers["content-security-policy"] = ENGINE_CSP
        return response

    # ---- respondents ---------------------------------------------------------------------

    async def start(request: Request) -> Response:
        lang = page_lang(request.query_params.get("lang"))
        return html(
            "start.html", lang=lang, other=other_lang(lang), access=config.access.value,
            organisation=q.organisation.get(lang) if q.organisation else None,
        )  # fmt: skip

    async def start_with_code(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        lang = page_lang(form.get("lang"))
        if config.access is not AccessMode.one_time:
            return message(lang, "not_found", 404)
        code = normalise_code(str(form.get("code", "")))[:20]
        state = await run_in_threadpool(config.store.code_state, code)
        if state is not TokenState.unused:
            key = "code_used" if state is TokenState.used else "code_unknown"
            return html(
                "start.html", 403, lang=lang, other=other_lang(lang), access="one-time",
                message=UI[lang][key],
            )  # fmt: skip
        if form.get("view") == "engine":
            return engine_page(lang, "", bearer=code)
        return form_page(lang, code)

    async def open_form(request: Request) -> Response:
        lang = page_lang(request.query_params.get("lang"))
        if config.access is not AccessMode.open:
            return RedirectResponse(f"/?lang={lang}", status_code=303)
        return form_page(lang, None)

    async def open_webform(request: Request) -> Response:
        lang = page_lang(request.query_params.get("lang"))
        if config.access is not AccessMode.open:
            return RedirectResponse(f"/?lang={lang}", status_code=303)
        return engine_page(lang, "")

    async def app_user_form(request: Request) -> Response:
        lang = page_lang(request.query_params.get("lang"))
        token = request.path_params["token"]
        if config.access is not AccessMode.app_user:
            return message(lang, "not_found", 404)
        try:
            await run_in_threadpool(collector.resolve, token)
        except Denied as exc:
            return message(lang, exc.key, exc.status)
        if request.url.path.endswith("/webform"):
            return engine_page(lang, f"/key/{token}")
        return form_page(lang, token)

    async def respond(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=2000)
        values = {k: [str(v) for v in form.getlist(k)] for k in form}
        lang = page_lang(form.get("lang"))
        token = str(form.get("access") or "") or None
        instance_id = str(form.get("instance_id") or "")
        if not _INSTANCE_ID.fullmatch(instance_id):
            return message(lang, "not_found", 400)
        try:
            access = await run_in_threadpool(collector.resolve, token)
            if ADD_BUTTON in values:  # one more instance block: the page again, values kept
                return form_page(lang, token, values)
            submission = plain_submission(instance_id, values)
            checked = config.rules.check(
                submission.fields, clear_irrelevant=True, instances=submission.instances
            )
        except Denied as exc:
            return message(lang, exc.key, exc.status)
        except Refusal as exc:
            return form_page(lang, token, values, (page_key(exc.field), exc.reason), status=422)
        result = await run_in_threadpool(collector.store_entry, submission, checked, access)
        if result.status == 201:
            return message(lang, "thanks", 201, heading="thanks_title")
        key = {409: "conflict"}.get(result.status, "code_used")
        if result.outcome is Outcome.closed:
            key = "closed"
        return message(lang, key, result.status)

    def plain_submission(instance_id: str, values: dict[str, list[str]]) -> Submission:
        """A posted plain form as the submission Web Forms would send with the same answers
        (its fields and repeat instances); raise Refusal for a field the page has not."""
        fields = web_fields(q, values)
        instances = tuple(page.web_instances(values))
        return Submission(q.form_id, q.version, instance_id, fields, instances)

    # ---- keying paper forms ----------------------------------------------------------------

    async def keying_form(request: Request) -> Response:
        lang = page_lang(request.query_params.get("lang"))
        operator = await run_in_threadpool(config.store.app_user, request.path_params["token"])
        if operator is None:
            return message(lang, "need_link", 403)
        return form_page(lang, request.path_params["token"], keying=True)

    async def keying(request: Request) -> Response:
        token = request.path_params["token"]
        form = await request.form(max_files=0, max_fields=2000)
        values = {k: [str(v) for v in form.getlist(k)] for k in form}
        lang = page_lang(form.get("lang"))
        operator = await run_in_threadpool(config.store.app_user, token)
        if operator is None:
            return message(lang, "need_link", 403)
        if ADD_BUTTON in values:  # one more instance block: the page again, values kept
            return form_page(lang, token, values, keying=True)
        number = str(form.get("form_number") or "").strip()
        if not _FORM_NUMBER.fullmatch(number):
            error = ("form_number", "1-32 letters, digits or -")
            return form_page(lang, token, values, error, status=422, keying=True)
        try:
            submission = plain_submission(number, values)
            checked = config.rules.check(
                submission.fields, clear_irrelevant=True, instances=submission.instances
            )
        except Refusal as exc:
            error = (page_key(exc.field), exc.reason)
            return form_page(lang, token, values, error, 422, keying=True)
        entry = Entry(number, "", checked.answers, checked.contact, rows=checked.rows)
        # the instances' answers are compared under names that say the instance, so that a
        # mismatch inside a repeat is queued as "member 2, age"
        compared = page.keyed_instance_answers(checked.rows)
        outcome = await run_in_threadpool(config.store.key_form, number, operator, entry, compared)
        status = {Keyed.first: 201, Keyed.agreed: 201, Keyed.mismatch: 202}.get(outcome, 409)
        heading = "thanks_title" if status < 300 else "refused"
        return message(lang, f"keyed_{outcome.value}", status, heading=heading)

    # ---- OpenRosa ------------------------------------------------------------------------

    def token_of(request: Request) -> str | None:
        token = request.path_params.get("token")
        if token:
            return token
        auth = request.headers.get("authorization", "")
        return auth[7:].strip() if auth.lower().startswith("bearer ") else None

    def openrosa_message(status: int, text: str, nature: str = "") -> Response:
        body = (
            '<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
            f'<message nature="{nature}">{escape(text)}</message></OpenRosaResponse>'
        )
        return Response(body, status_code=status, media_type=XML, headers=OPENROSA_ACCEPT)

    async def form_list(request: Request) -> Response:
        try:
            await run_in_threadpool(collector.resolve, token_of(request))
        except Denied as exc:
            return openrosa_message(exc.status, str(exc))
        prefix = str(request.base_url).rstrip("/")
        if request.path_params.get("token"):
            prefix += f"/key/{request.path_params['token']}"
        xf = config.xform
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<xforms xmlns="http://openrosa.org/xforms/xformsList"><xform>'
            f"<formID>{escape(xf.form_id)}</formID><name>{escape(xf.title)}</name>"
            f"<version>{escape(xf.version)}</version><hash>md5:{xf.md5}</hash>"
            f"<downloadUrl>{escape(prefix)}/forms/{escape(xf.form_id)}.xml</downloadUrl>"
            "</xform></xforms>"
        )
        return Response(body, media_type=XML, headers=OPENROSA)

    async def form_xml(request: Request) -> Response:
        try:
            await run_in_threadpool(collector.resolve, token_of(request))
        except Denied as exc:
            return openrosa_message(exc.status, str(exc))
        if request.path_params["form_id"] != config.xform.form_id:
            return openrosa_message(404, "no such form")
        xml = config.xform.xml
        lang = request.query_params.get("lang")
        if lang in UI:  # the engine page asks for its own language as the form's default
            xml = with_default_language(xml, lang)
        return Response(xml, media_type=XML, headers=OPENROSA)

    async def submission(request: Request) -> Response:
        if request.method == "HEAD":
            return Response(status_code=204, headers=OPENROSA_ACCEPT)
        body = await request.body()  # bounded by the security middleware
        try:
            xml = submitted_xml(request.headers.get("content-type"), body)
        except Unreadable as exc:
            return openrosa_message(400, f"unreadable multipart body: {exc}")
        except Refusal as exc:
            return openrosa_message(400, str(exc))
        result = await collector.accept_xml(xml, token_of(request))
        nature = "submit_success" if result.status == 201 else ""
        return openrosa_message(result.status, result.message, nature)

    # ---- admin ---------------------------------------------------------------------------

    def client_key(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def session_of(request: Request):
        return sessions.get(request.cookies.get(ADMIN_COOKIE))

    def set_cookie(response: Response, name: str, value: str, max_age: int | None) -> None:
        response.set_cookie(
            name, value, max_age=max_age, path="/admin", secure=True, httponly=True,
            samesite="strict",
        )  # fmt: skip

    async def login_page(request: Request, note: str | None = None, status: int = 200):
        nonce = sessions.open()[1].csrf  # a fresh random value, not a session
        response = html("admin_login.html", status, lang="vi", csrf=nonce, message=note)
        set_cookie(response, LOGIN_COOKIE, nonce, 600)
        return response

    async def login(request: Request) -> Response:
        client = client_key(request)
        if sessions.locked_out(client):
            return await login_page(request, "Too many failed logins; wait a minute.", 429)
        form = await request.form(max_files=0, max_fields=5)
        if not same_token(request.cookies.get(LOGIN_COOKIE), str(form.get("csrf", ""))):
            return await login_page(request, "The form expired; please try again.", 403)
        stored = await run_in_threadpool(config.store.setting, "admin_hash")
        password = str(form.get("password", ""))
        if not await run_in_threadpool(verify_password, stored, password):
            sessions.failed(client)
            return await login_page(request, "Wrong password.", 401)
        sid, _ = sessions.open()
        response = RedirectResponse("/admin", status_code=303)
        set_cookie(response, ADMIN_COOKIE, sid, None)
        response.delete_cookie(LOGIN_COOKIE, path="/admin")
        return response

    async def admin_form(request: Request):
        """The posted admin form, or None when the session or its CSRF token is wrong."""
        session = session_of(request)
        if session is None:
            return None
        form = await request.form(max_files=0, max_fields=10)
        return form if same_token(session.csrf, str(form.get("csrf", ""))) else None

    def refused_admin() -> Response:
        return HTMLResponse("forbidden: log in again and use the admin page's forms", 403)

    async def admin_home(request: Request, note: str | None = None) -> Response:
        session = session_of(request)
        if session is None:
            return RedirectResponse("/admin/login", status_code=303)
        rows, shown_total = await run_in_threadpool(progress_rows, config)
        return html(
            "admin.html", lang="vi", csrf=session.csrf, wave=q.wave, access=config.access.value,
            closed=await run_in_threadpool(lambda: config.store.closed), message=note,
            progress=rows, total_shown=shown_total, threshold=config.suppress_below,
            stratum_label=q.stratum.variable if q.stratum else "stratum (the form names none)",
            batches=await run_in_threadpool(config.store.batches),
            app_users=await run_in_threadpool(config.store.app_user_names),
            mismatches=await run_in_threadpool(config.store.mismatches),
            export_path=str(config.export_path),
        )  # fmt: skip

    async def admin_tokens(request: Request) -> Response:
        form = await admin_form(request)
        if form is None:
            return refused_admin()
        count_text = str(form.get("count", ""))
        batch = str(form.get("batch", "")).strip() or "batch"
        if not count_text.isdigit() or not 1 <= int(count_text) <= 20000:
            return await admin_home(request, "Give a number of codes from 1 to 20000.")
        if not _BATCH.fullmatch(batch):
            return await admin_home(request, "A batch name is letters, digits, - and _.")
        codes = new_codes(int(count_text))
        await run_in_threadpool(config.store.add_codes, codes, batch)
        base = str(request.base_url).rstrip("/")
        pdf = await run_in_threadpool(cards_pdf, codes, q.title, base)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="cards-{batch}.pdf"'},
        )

    async def admin_app_user(request: Request) -> Response:
        form = await admin_form(request)
        if form is None:
            return refused_admin()
        name = str(form.get("name", "")).strip()
        if not 1 <= len(name) <= 100 or name in config.store.app_user_names():
            return await admin_home(request, "Give a new, non-empty name.")
        token = await run_in_threadpool(config.store.add_app_user, name)
        base = str(request.base_url).rstrip("/")
        return await admin_home(
            request,
            f"App user {name}: form {base}/key/{token}/form · ODK Collect server "
            f"{base}/key/{token} (shown once; keep it private).",
        )

    async def admin_close(request: Request) -> Response:
        if await admin_form(request) is None:
            return refused_admin()
        await run_in_threadpool(config.store.close_wave)
        return await admin_home(request, "The wave is closed; storage was scrubbed.")

    async def admin_export(request: Request) -> Response:
        if await admin_form(request) is None:
            return refused_admin()
        paths = await run_in_threadpool(export_wave, config.store, q, config.export_path)
        return await admin_home(request, "Wrote " + ", ".join(str(p) for p in paths) + ".")

    async def admin_logout(request: Request) -> Response:
        if await admin_form(request) is None:
            return refused_admin()
        sessions.close(request.cookies.get(ADMIN_COOKIE))
        response = RedirectResponse("/admin/login", status_code=303)
        response.delete_cookie(ADMIN_COOKIE, path="/admin")
        return response

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        return HTMLResponse("not found" if status == 404 else "refused", status_code=status)

    async def server_error(request: Request, exc: Exception) -> Response:
        return HTMLResponse("the server could not handle this request", status_code=500)

    routes = [
        Route("/", start),
        Route("/start", start_with_code, methods=["POST"]),
        Route("/form", open_form),
        Route("/webform", open_webform),
        Route("/key/{token}/form", app_user_form),
        Route("/key/{token}/webform", app_user_form),
        Route("/respond", respond, methods=["POST"]),
        Route("/key/{token}/keying", keying_form),
        Route("/key/{token}/keying", keying, methods=["POST"]),
        Mount("/static", app=static_files()),
        Route("/sw.js", service_worker),
        Route("/formList", form_list),
        Route("/key/{token}/formList", form_list),
        Route("/forms/{form_id}.xml", form_xml),
        Route("/key/{token}/forms/{form_id}.xml", form_xml),
        Route("/submission", submission, methods=["HEAD", "POST"]),
        Route("/key/{token}/submission", submission, methods=["HEAD", "POST"]),
        Route("/admin", admin_home),
        Route("/admin/login", login_page),
        Route("/admin/login", login, methods=["POST"]),
        Route("/admin/tokens", admin_tokens, methods=["POST"]),
        Route("/admin/app-users", admin_app_user, methods=["POST"]),
        Route("/admin/close", admin_close, methods=["POST"]),
        Route("/admin/export", admin_export, methods=["POST"]),
        Route("/admin/logout", admin_logout, methods=["POST"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: not_found, 500: server_error},
    )
    return SecurityMiddleware(app)


def submitted_xml(content_type: str | None, body: bytes) -> bytes:
    """The XML of an OpenRosa submission's body: its one ``xml_submission_file`` part, a file
    as ODK Collect sends it. This server takes no attachments: any other part (a photo, a
    plain field, a second XML file) refuses the submission; a part's file name is never used.
    Raises Unreadable for a malformed body, Refusal for one this server does not take."""
    xml = None
    for part in read_parts(content_type, body):
        if part.name != "xml_submission_file" or part.filename is None:
            raise Refusal("", "this form takes no attachments")
        if xml is not None:
            raise Refusal("", "the request has more than one xml_submission_file")
        xml = part.data
    if xml is None:
        raise Refusal("", "no xml_submission_file in the request")
    return xml


def static_files():
    """The style sheet, the page scripts and the form engine's bundle, compressed when the
    browser accepts it (a page loads 3.5 MB of engine, 1.25 MB gzipped) and revalidated by ETag
    rather than downloaded again."""
    files = StaticFiles(directory=STATIC)

    async def revalidated(scope, receive, send):
        async def send_no_cache(message):
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), (b"cache-control", b"no-cache")]
            await send(message)

        await files(scope, receive, send_no_cache)

    return GZipMiddleware(revalidated, minimum_size=1024)


async def service_worker(request: Request) -> Response:
    """The service worker that keeps the form page for offline use (static/sw.js), served
    from the root so that its scope covers the form pages; revalidated on every visit so that
    a new version takes over."""
    return FileResponse(
        STATIC / "sw.js",
        media_type="text/javascript",
        headers={"cache-control": "no-cache", "content-security-policy": SERVICE_WORKER_CSP},
    )


def progress_rows(config: CollectConfig) -> tuple[list[dict], str]:
    """Responses per stratum, with cells under the threshold (and the complementary cells
    that would give them away from the total) shown as '·'."""
    q = config.questionnaire
    if q.stratum is None:  # a form without a design block: the total alone
        total = config.store.count()
        return [], "·" if 0 < total < config.suppress_below else str(total)
    variable = q.variable(q.stratum.variable)
    counts: dict[str, int] = {}
    for _rid, _collector, answers in config.store.answers():
        code = answers.get(variable.name) or ""
        counts[code] = counts.get(code, 0) + 1
    options = [o for o in variable.options if o.code is not None]
    values = np.array([counts.get(str(o.code), 0) for o in options], dtype=int)
    # the tables' and reports' rule, so that the hidden strata are not the total minus the
    # strata shown
    hidden_codes = suppressed_columns(
        {str(o.code): int(n) for o, n in zip(options, values, strict=True)}, config.suppress_below
    )
    hidden = [str(o.code) in hidden_codes for o in options]
    rows = [
        {"code": o.code, "label": o.label.get("vi"), "shown": "·" if hide else str(n)}
        for o, n, hide in zip(options, values, hidden, strict=True)
    ]
    total = int(values.sum())
    shown_total = "·" if 0 < total < config.suppress_below else str(total)
    return rows, shown_total
