"""The web application: upload page, result pages, history, report, downloads and the JSON API.

Pages are rendered on the server (Jinja2, every value escaped); the upload page has a little
JavaScript for drag-and-drop and for prefilling mission and period from the file, and works
without it. Checks run in the worker processes of checker.server.checking, waited on from
FastAPI's thread pool, never on the event loop. Every accepted upload is kept in the store.
"""

from __future__ import annotations

import contextlib
import json
import re
import tempfile
import threading
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checker.findings import TOOL_VERSION
from checker.messages import DEFAULT_LANGUAGE, LANGUAGES
from checker.server import passwords
from checker.server.access import LOCAL, Access, Grant
from checker.server.checking import (
    CHECK_TIMEOUT,
    Checkers,
    CheckFailed,
    CheckRequest,
    annotate_in_worker,
    check_in_worker,
    detect_in_worker,
    failure_document,
    template_in_worker,
)
from checker.server.pages import PageText, render
from checker.server.store import DEFAULT_DB, DEFAULT_FILES, Store, Submission, User
from checker.server.throttle import LoginThrottle
from checker.server.uploads import RefusedUpload, check_name, roster_suffix, safe_name

MISSION_RE = re.compile(r"[A-Za-z]{2,4}")
PERIOD_RE = re.compile(r"(19|20)\d{2}(-(0[1-9]|1[0-2]))?")
# Room for the multipart envelope and the small fields around the file itself.
FORM_OVERHEAD = 64 * 1024
SESSION_HOURS = 12
LOCAL_USER = User(0, "local", (Grant(LOCAL, "*"),))


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    files: Path = Path(DEFAULT_FILES)
    workers: int = 2
    max_upload_mb: float = 10.0
    auth: bool = True
    regions: Mapping[str, str] = field(default_factory=dict)  # mission → region
    check_timeout: float = CHECK_TIMEOUT
    secure_cookies: bool = False  # behind HTTPS: send the session cookie over HTTPS only
    profiles: Path | None = None  # the folder of country profiles (<MISSION>.yaml)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


class PageError(Exception):
    """A request refused with a message from the page catalogue, as a page or as JSON."""

    def __init__(self, status: int, key: str, **values: Any) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values


class BodyTooLarge(StarletteHTTPException):
    def __init__(self) -> None:
        super().__init__(413, "upload_too_large")


class UploadLimit:
    """Refuse a request body over the limit with 413 before reading it: at once when its
    Content-Length says so, else as soon as the bytes received pass the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge()
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The app is not called: answer in the language of the session cookie is not
        # known here, so the Accept-Language header decides.
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        lang = _accepted_language(headers.get("accept-language", ""))
        size = self.max_bytes - FORM_OVERHEAD
        message = PageText(lang)("upload_too_large", size=_megabytes(size))
        response: Response
        if scope["path"].startswith("/api/"):
            response = JSONResponse({"error": {"code": "upload_too_large", "message": message}},
                                    status_code=413)  # fmt: skip
        else:
            response = HTMLResponse(_error_page(PageText(lang), message), status_code=413)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g}"


def _accepted_language(header: str) -> str:
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def _error_page(text: PageText, message: str) -> str:
    return render("error.html", t=text, message=message, user=None, csrf="", path="/",
                  nav=False)  # fmt: skip


# What a page may load: its own script file and styles, nothing from elsewhere; no framing.
# Values are escaped anyway; this is the second line of defence.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Every response gets the headers above, unless it set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def _report_policy(html: str) -> str:
    """The policy for the management report's page: its own inline scripts, by hash."""
    import base64
    import hashlib

    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    ]
    return CONTENT_SECURITY_POLICY.replace("script-src 'self'",
                                           "script-src 'self' " + " ".join(hashes))  # fmt: skip


class Server:
    """The state of one running application: settings, store and checker workers."""

    def __init__(self, settings: Settings, store: Store, checkers: Checkers) -> None:
        self.settings = settings
        self.store = store
        self.checkers = checkers
        self.throttle = LoginThrottle()
        self._templates: dict[str, bytes] = {}
        self._templates_lock = threading.Lock()

    def access(self, user: User) -> Access:
        return Access(user.grants, self.settings.regions)

    @property
    def profiles_folder(self) -> str | None:
        return str(self.settings.profiles) if self.settings.profiles else None

    def template(self, lang: str) -> bytes:
        with self._templates_lock:
            cached = self._templates.get(lang)
        if cached is None:
            cached = self.checkers.run(template_in_worker, lang)
            with self._templates_lock:
                self._templates[lang] = cached
        return cached

    # ------------------------------------------------------------------ checking

    def check_upload(
        self, upload: UploadFile, user: User, mission: str | None, period: str | None,
        lang: str,
    ) -> Submission:  # fmt: skip
        """Check an uploaded roster and keep it; PageError says why not."""
        mission = _mission_field(mission)
        period = _period_field(period)
        name, suffix, content = self._received(upload)
        access = self.access(user)
        if mission is not None and not access.may_upload(mission):
            raise PageError(403, "upload_not_your_mission", mission=mission)
        with self._staged(suffix, content) as staged:
            scratch = str(self.store.scratch())
            request = CheckRequest(str(staged), name, mission, period, lang, scratch,
                                   self.profiles_folder)  # fmt: skip
            document = self.run_check(request)
            found = document["results"][0].get("mission")
            if found is None and mission is None and len(access.upload_missions) == 1:
                mission = access.upload_missions[0]  # the account's one mission
                request = CheckRequest(str(staged), name, mission, period, lang, scratch,
                                       self.profiles_folder)  # fmt: skip
                document = self.run_check(request)
                found = mission
            if found is None:
                raise PageError(400, "upload_no_mission")
            if not access.may_upload(found):
                raise PageError(403, "upload_not_your_mission", mission=found)
            digest, _ = self.store.keep_original(content, suffix)
        return self.store.add_submission(
            document, mission=found, uploader_id=user.id or None, file_name=name,
            file_hash=digest, file_size=len(content), lang=lang, given_mission=mission,
            given_period=period,
        )  # fmt: skip

    def run_check(self, request: CheckRequest) -> dict[str, Any]:
        try:
            document: dict[str, Any] = self.checkers.run(
                check_in_worker, request, timeout=self.settings.check_timeout
            )
            return document
        except CheckFailed as failure:
            return failure_document(request, failure)

    def _received(self, upload: UploadFile) -> tuple[str, str, bytes]:
        """The upload's safe name (with the suffix of what it is), that suffix and its bytes;
        PageError when it is too large or no kind of roster."""
        content = upload.file.read(self.settings.max_upload_bytes + 1)
        if len(content) > self.settings.max_upload_bytes:
            raise PageError(413, "upload_too_large",
                            size=_megabytes(self.settings.max_upload_bytes))  # fmt: skip
        name = safe_name(upload.filename)
        try:
            suffix = roster_suffix(name, content)
        except RefusedUpload as refused:
            raise PageError(refused.status, refused.key, **refused.values) from None
        return check_name(name, suffix), suffix, content

    @contextlib.contextmanager
    def _staged(self, suffix: str, content: bytes) -> Iterator[Path]:
        """The upload in a private folder of the store's scratch space, removed afterwards."""
        with tempfile.TemporaryDirectory(prefix="upload-", dir=self.store.scratch()) as folder:
            staged = Path(folder) / f"upload{suffix}"
            staged.write_bytes(content)
            yield staged

    def detect(self, upload: UploadFile) -> dict[str, Any]:
        name, suffix, content = self._received(upload)
        with self._staged(suffix, content) as staged:
            request = CheckRequest(str(staged), name, scratch=str(self.store.scratch()),
                                   profiles=self.profiles_folder)  # fmt: skip
            try:
                found: dict[str, Any] = self.checkers.run(detect_in_worker, request, timeout=30)
            except CheckFailed:
                found = {"mission": None, "period": None, "profile": None}
        return found

    def stored_request(self, submission: Submission, lang: str) -> CheckRequest:
        suffix = Path(submission.file_name).suffix.lower()
        original = self.store.original_path(submission.file_hash, suffix)
        return CheckRequest(str(original), submission.file_name, submission.given_mission,
                            submission.given_period, lang, str(self.store.scratch()),
                            self.profiles_folder)  # fmt: skip

    def document(self, submission: Submission, lang: str) -> dict[str, Any]:
        """The submission's result with its messages in `lang`: as stored when uploaded in
        that language, else the stored original checked again in it (same verdicts)."""
        if lang == submission.lang:
            return submission.report
        return self.run_check(self.stored_request(submission, lang))

    def annotated(self, submission: Submission, lang: str) -> bytes:
        try:
            data: bytes = self.checkers.run(annotate_in_worker,
                                            self.stored_request(submission, lang))  # fmt: skip
            return data
        except CheckFailed:
            raise PageError(503, "error_busy") from None


def _mission_field(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not MISSION_RE.fullmatch(value):
        raise PageError(400, "upload_bad_mission", mission=value[:20])
    return value.upper()


def _period_field(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not PERIOD_RE.fullmatch(value):
        raise PageError(400, "upload_bad_period", period=value[:20])
    return value


# ---------------------------------------------------------------------- the application


def create_app(settings: Settings, store: Store | None = None,
               checkers: Checkers | None = None) -> FastAPI:  # fmt: skip
    """The application for `settings`; the store's schema must be current (db upgrade)."""
    store = store or Store(settings.db, settings.files)
    owned = checkers is None  # a pool given by the caller is the caller's to close
    checkers = checkers or Checkers(settings.workers)
    server = Server(settings, store, checkers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(checkers.start)
        try:
            yield
        finally:
            if owned:
                await run_in_threadpool(checkers.close)

    app = FastAPI(
        title="roster-check",
        version=TOOL_VERSION,
        description="Checks IOM attendance rosters of coordination meetings. POST a roster to "
        "/api/check and get the same JSON as `roster-check check --format json`.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.server = server
    app.add_middleware(SessionMiddleware, secret_key=store.secret(),
                       session_cookie="roster_check_session", max_age=SESSION_HOURS * 3600,
                       same_site="lax", https_only=settings.secure_cookies)  # fmt: skip
    app.add_middleware(UploadLimit, max_bytes=settings.max_upload_bytes + FORM_OVERHEAD)
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app, server)
    _add_pages(app, server)
    _add_api(app, server)
    return app


# ---------------------------------------------------------------------- sessions and language


def page_lang(request: Request) -> str:
    """?lang= (remembered in the session), else the session's, else the browser's."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        request.session["lang"] = asked
        return asked
    kept = request.session.get("lang")
    if kept in LANGUAGES:
        return str(kept)
    return _accepted_language(request.headers.get("accept-language", ""))


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = passwords.new_csrf_token()
    return str(token)


def check_csrf(request: Request, given: str | None) -> None:
    if not passwords.same_token(request.session.get("csrf"), given):
        raise PageError(403, "csrf_failed")


def session_user(request: Request, server: Server) -> User | None:
    if not server.settings.auth:
        return LOCAL_USER
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        return None
    return server.store.user(user_id)


def require_user(request: Request, server: Server) -> User:
    user = session_user(request, server)
    if user is None:
        raise PageError(401, "error_login")
    return user


def api_user(request: Request, server: Server) -> User:
    if not server.settings.auth:
        return LOCAL_USER
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise PageError(401, "api_token_missing")
    user = server.store.user_by_token_hash(passwords.token_hash(token.strip()))
    if user is None:
        raise PageError(401, "api_token_bad")
    return user


def page(request: Request, server: Server, template: str, status: int = 200,
         **context: Any) -> HTMLResponse:  # fmt: skip
    lang = page_lang(request)
    user = context.pop("user", None) or session_user(request, server)
    html = render(template, t=PageText(lang), lang=lang, user=user, auth=server.settings.auth,
                  csrf=csrf_token(request), path=request.url.path, nav=user is not None,
                  **context)  # fmt: skip
    return HTMLResponse(html, status_code=status)


def _readable(server: Server, user: User, submission_id: int) -> Submission:
    submission = server.store.submission(submission_id)
    if submission is None:
        raise PageError(404, "error_not_found")
    if not server.access(user).may_read(submission.mission):
        raise PageError(403, "error_forbidden")
    return submission


def _add_error_handlers(app: FastAPI, server: Server) -> None:
    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> Response:
        return _error_response(request, server, exc.status, exc.key, exc.values)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 413:
            size = _megabytes(server.settings.max_upload_bytes)
            return _error_response(request, server, 413, "upload_too_large", {"size": size})
        key = "error_not_found" if exc.status_code in (404, 405) else "upload_bad_form"
        return _error_response(request, server, exc.status_code, key, {})

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # The traceback goes to the server's log (uvicorn); the user gets a sentence.
        return _error_response(request, server, 500, "error_internal", {})

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        key = "upload_missing" if _missing_file(exc) else "upload_bad_form"
        return _error_response(request, server, 400, key, {})


def _missing_file(exc: Any) -> bool:
    return any(list(e.get("loc", ()))[-1:] == ["file"] for e in exc.errors())


def _error_response(request: Request, server: Server, status: int, key: str,
                    values: Mapping[str, Any]) -> Response:  # fmt: skip
    lang = page_lang(request)
    message = PageText(lang)(key, **values)
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": {"code": key, "message": message}}, status_code=status,
                            headers=headers)  # fmt: skip
    if status == 401:
        return RedirectResponse("/login?next=" + quote(request.url.path), status_code=303)
    return page(request, server, "error.html", status=status, message=message)


# ---------------------------------------------------------------------- pages


def _add_pages(app: FastAPI, server: Server) -> None:
    settings = server.settings

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        target = "/upload" if session_user(request, server) is not None else "/login"
        return RedirectResponse(target, status_code=303)

    @app.get("/login", include_in_schema=False)
    def login_form(request: Request) -> Response:
        return page(request, server, "login.html", failed=False,
                    next=_local_path(request.query_params.get("next")))  # fmt: skip

    @app.post("/login", include_in_schema=False)
    def login(request: Request, name: Annotated[str, Form()] = "",
              password: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/upload") -> Response:  # fmt: skip
        check_csrf(request, csrf)
        name = name.strip()
        address = request.client.host if request.client else ""
        wait = server.throttle.wait(name, address)
        if wait > 0:
            return page(request, server, "error.html", status=429,
                        message=PageText(page_lang(request))("login_wait",
                                                             minutes=max(1, round(wait / 60))))  # fmt: skip
        found = server.store.password_hash(name)
        if found is None:
            passwords.verify_password(passwords.DUMMY_HASH, password)
        elif passwords.verify_password(found[1], password):
            user_id, stored = found
            server.throttle.succeeded(name, address)
            if passwords.needs_rehash(stored):
                server.store.set_password_hash(user_id, passwords.hash_password(password))
            lang = request.session.get("lang")
            request.session.clear()  # a new session: no fixation
            request.session.update(user_id=user_id, csrf=passwords.new_csrf_token())
            if lang:
                request.session["lang"] = lang
            return RedirectResponse(_local_path(next), status_code=303)
        server.throttle.failed(name, address)
        return page(request, server, "login.html", status=401, failed=True,
                    next=_local_path(next))  # fmt: skip

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf)
        lang = request.session.get("lang")
        request.session.clear()
        if lang:
            request.session["lang"] = lang
        return RedirectResponse("/login", status_code=303)

    @app.get("/upload", include_in_schema=False)
    def upload_form(request: Request) -> Response:
        user = require_user(request, server)
        access = server.access(user)
        return page(request, server, "upload.html", user=user,
                    missions=access.upload_missions, local=access.uploads_any,
                    max_mb=_megabytes(settings.max_upload_bytes),
                    max_bytes=settings.max_upload_bytes)  # fmt: skip

    @app.post("/upload", include_in_schema=False)
    def upload(request: Request, file: Annotated[UploadFile | None, File()] = None,
               mission: Annotated[str, Form()] = "", period: Annotated[str, Form()] = "",
               csrf: Annotated[str, Form()] = "") -> Response:  # fmt: skip
        user = require_user(request, server)
        check_csrf(request, csrf)
        if file is None or not file.filename:
            raise PageError(400, "upload_missing")
        submission = server.check_upload(file, user, mission, period, page_lang(request))
        return RedirectResponse(f"/results/{submission.id}", status_code=303)

    @app.post("/detect", include_in_schema=False)
    def detect(request: Request, file: Annotated[UploadFile | None, File()] = None,
               csrf: Annotated[str, Form()] = "") -> Response:  # fmt: skip
        require_user(request, server)
        check_csrf(request, csrf)
        if file is None:
            raise PageError(400, "upload_missing")
        return JSONResponse(server.detect(file))

    @app.get("/results/{submission_id:int}", include_in_schema=False)
    def result_page(request: Request, submission_id: int) -> Response:
        user = require_user(request, server)
        submission = _readable(server, user, submission_id)
        lang = page_lang(request)
        document = server.document(submission, lang)
        versions = server.store.versions(submission.mission, submission.period)
        return page(request, server, "result.html", user=user, submission=submission,
                    result=document["results"][0], versions=versions,
                    newest=versions[0] if versions else submission)  # fmt: skip

    @app.get("/results/{submission_id:int}.json", include_in_schema=False)
    def result_json(request: Request, submission_id: int) -> Response:
        user = require_user(request, server)
        submission = _readable(server, user, submission_id)
        document = server.document(submission, page_lang(request))
        return _download(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"),
                         _stem(submission) + ".json", "application/json")  # fmt: skip

    @app.get("/results/{submission_id:int}/annotated", include_in_schema=False)
    def annotated(request: Request, submission_id: int) -> Response:
        user = require_user(request, server)
        submission = _readable(server, user, submission_id)
        data = server.annotated(submission, page_lang(request))
        macro = submission.file_name.lower().endswith(".xlsm")
        suffix, kind = (".xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12") if macro \
            else (".xlsx", XLSX)  # fmt: skip
        return _download(data, f"{_stem(submission)}_checked{suffix}", kind)

    @app.get("/results/{submission_id:int}/original", include_in_schema=False)
    def original(request: Request, submission_id: int) -> Response:
        user = require_user(request, server)
        submission = _readable(server, user, submission_id)
        path = server.stored_request(submission, "en").original
        return _download(Path(path).read_bytes(), submission.file_name,
                         "application/octet-stream")  # fmt: skip

    @app.get("/template.xlsx", include_in_schema=False)
    def template(request: Request) -> Response:
        require_user(request, server)
        lang = page_lang(request)
        return _download(server.template(lang), f"roster_template_{lang}.xlsx", XLSX)

    @app.get("/history", include_in_schema=False)
    def missions(request: Request) -> Response:
        user = require_user(request, server)
        access = server.access(user)
        readable = access.readable(server.store.missions())
        latest = server.store.latest(readable)
        months: dict[str, list[Submission]] = {m: [] for m in readable}
        for submission in latest:
            months.setdefault(submission.mission, []).append(submission)
        return page(request, server, "history.html", user=user, months=months, mission=None)

    @app.get("/history/{mission}", include_in_schema=False)
    def mission_history(request: Request, mission: str) -> Response:
        user = require_user(request, server)
        mission = mission.upper()
        if not MISSION_RE.fullmatch(mission):
            raise PageError(404, "error_not_found")
        if not server.access(user).may_read(mission):
            raise PageError(403, "error_forbidden")
        latest = server.store.history(mission)
        counts = {s.period: len(server.store.versions(mission, s.period)) for s in latest}
        return page(request, server, "history.html", user=user, months={mission: latest},
                    mission=mission, counts=counts)  # fmt: skip

    @app.get("/report", include_in_schema=False)
    def report(request: Request) -> Response:
        user = require_user(request, server)
        access = server.access(user)
        readable = access.readable(server.store.missions())
        period = (request.query_params.get("period") or "").strip()
        chosen = [m for m in request.query_params.getlist("missions") if m in readable]
        if not request.query_params.get("show"):
            return page(request, server, "report.html", user=user, missions=readable,
                        period=period, chosen=chosen or readable)  # fmt: skip
        from checker.report.aggregate import parse_period_range

        try:
            span = parse_period_range(period) if period else None
        except ValueError:
            raise PageError(400, "report_bad_period", period=period[:40]) from None
        html = server_report(server, chosen or readable, span)
        if html is None:
            return page(request, server, "report.html", user=user, missions=readable,
                        period=period, chosen=chosen, nothing=True)  # fmt: skip
        return HTMLResponse(html, headers={"Content-Security-Policy": _report_policy(html)})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # none: but no 404 in every browser's console

    @app.get("/static/upload.js", include_in_schema=False)
    def upload_script() -> Response:
        script = (Path(__file__).parent / "static" / "upload.js").read_bytes()
        return Response(script, media_type="text/javascript",
                        headers={"Cache-Control": "max-age=3600"})  # fmt: skip


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def server_report(server: Server, missions: list[str], span: tuple[str, str] | None) -> str | None:
    """The management report's HTML over the stored results of `missions`."""
    from checker.report import ReportOptions, aggregate, renderer
    from checker.server.store import report_submissions
    from checker.vocabulary import default_vocabulary

    submissions = report_submissions(server.store, missions)
    if not submissions:
        return None
    regions = {m: r for m, r in server.settings.regions.items() if m in missions}
    summary = aggregate(submissions, ReportOptions(
        period=span, regions=regions, role_names=default_vocabulary().role_names))  # fmt: skip
    return renderer("html")(summary).decode("utf-8")


def _stem(submission: Submission) -> str:
    return f"{submission.mission}_{submission.period or 'unknown'}_v{submission.version}"


def _download(data: bytes, name: str, media_type: str) -> Response:
    disposition = f"attachment; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers={
        "Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"})  # fmt: skip


def _ascii(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._ ()-]", "_", name)


def _local_path(target: str | None) -> str:
    """Only a path of this site (never //host or a scheme) is followed after logging in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/upload"


# ---------------------------------------------------------------------- the JSON API


def _add_api(app: FastAPI, server: Server) -> None:
    @app.post(
        "/api/check",
        status_code=201,
        summary="Check a roster and keep the result",
        response_description="The `roster-check check --format json` document for the file "
        "(CONTRACT.md), its `path` the uploaded file name.",
        responses={
            400: {"description": "Bad mission or period, empty file"},
            401: {"description": "No or bad API token"},
            403: {"description": "Not a mission this account submits for"},
            413: {"description": "Over the upload size limit"},
            415: {"description": "Not a spreadsheet"},
        },
    )
    def api_check(request: Request, file: Annotated[UploadFile, File(description="The roster")],
                  mission: Annotated[str | None, Form()] = None,
                  period: Annotated[str | None, Form()] = None,
                  lang: Annotated[str, Form()] = DEFAULT_LANGUAGE) -> Response:  # fmt: skip
        user = api_user(request, server)
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        submission = server.check_upload(file, user, mission, period, lang)
        return JSONResponse(submission.report, status_code=201, headers={
            "Location": f"/api/results/{submission.id}",
            "X-Submission-Id": str(submission.id)})  # fmt: skip

    @app.get("/api/results/{submission_id:int}", summary="A stored result")
    def api_result(request: Request, submission_id: int) -> Response:
        user = api_user(request, server)
        submission = _readable(server, user, submission_id)
        return JSONResponse(submission.report, headers={"X-Submission-Id": str(submission.id)})

    @app.get("/api/missions/{mission}/results", summary="A mission's months, newest versions")
    def api_history(request: Request, mission: str) -> Response:
        user = api_user(request, server)
        mission = mission.upper()
        if not server.access(user).may_read(mission):
            raise PageError(403, "error_forbidden")
        return JSONResponse([_listing(s) for s in server.store.history(mission)])


def _listing(submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.id, "mission": submission.mission, "period": submission.period or None,
        "version": submission.version, "uploaded_at": submission.uploaded_at.isoformat(),
        "uploader": submission.uploader, "file_name": submission.file_name,
        "file_sha256": submission.file_hash, "status": submission.status,
        "meetings": submission.meetings, "compliance_rate": submission.compliance_rate,
        "errors": submission.errors, "warnings": submission.warnings,
        "url": f"/api/results/{submission.id}",
    }  # fmt: skip
