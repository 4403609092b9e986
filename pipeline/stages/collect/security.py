"""Security around every request: headers, body size limits, and the admin's login.

- Every response carries a strict Content-Security-Policy (nothing but this server's own
  style sheet; no script at all, inline or not), no-sniff, no framing, no referrer, no cache.
  The form engine's page alone sets ENGINE_CSP (see there) instead; a header a response
  sets itself is never doubled.
- A request body larger than the limit is refused with 413 before it is read in full.
- The admin password is kept as an argon2id hash; a session is a random id in a Secure,
  HttpOnly, SameSite=Strict cookie, held in memory only; every admin form carries the
  session's CSRF token; failed logins are limited per client (in memory, never logged).
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# The page that runs the form engine (ODK Web Forms) from /static. Scripts only from this
# server, never inline and never eval. Two allowances the engine needs, and nothing else:
# - 'wasm-unsafe-eval': its XPath parser is tree-sitter compiled to WebAssembly, which the
#   browser must be allowed to compile (this permits WebAssembly only, not JavaScript eval);
# - style-src 'unsafe-inline': the engine and PrimeVue insert their styles as <style>
#   elements at run time (no external style sheet exists for them). Inline style cannot run
#   script; every label still reaches the page escaped by Vue.
# Its fonts (Roboto) are embedded in its styles as data: URLs, hence font-src data:.
# The page registers the service worker (/sw.js, this server's own script) that keeps it
# for offline use, hence worker-src 'self'.
ENGINE_CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# The service worker's own policy (a worker's fetches obey the policy of its script): it
# fetches from this server and does nothing else.
SERVICE_WORKER_CSP = "default-src 'none'; connect-src 'self'"
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
MAX_BODY_BYTES = 1024 * 1024
SESSION_SECONDS = 8 * 3600
LOGIN_FAILURES_ALLOWED = 5
LOGIN_WINDOW_SECONDS = 60.0
MIN_PASSWORD_CHARS = 12

_hasher = PasswordHasher()


class SecurityMiddleware:
    """Pure ASGI: adds the headers to every response; refuses oversized bodies with 413."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send)
            return
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge
            return message

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                own = list(message.get("headers", []))
                present = {name.lower() for name, _ in own}
                message["headers"] = own + [h for h in SECURITY_HEADERS if h[0] not in present]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _BodyTooLarge:
            if not started:
                await _too_large(send)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send) -> None:
    body = b"request body too large\n"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# ---- passwords ------------------------------------------------------------------------


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"the admin password needs at least {MIN_PASSWORD_CHARS} characters")
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# ---- sessions, CSRF, login limits -----------------------------------------------------


@dataclass
class Session:
    csrf: str
    expires: float


@dataclass
class AdminSessions:
    sessions: dict[str, Session] = field(default_factory=dict)
    failures: dict[str, deque] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self) -> tuple[str, Session]:
        sid = secrets.token_urlsafe(32)
        session = Session(csrf=secrets.token_urlsafe(32), expires=time.time() + SESSION_SECONDS)
        with self.lock:
            self.sessions[sid] = session
        return sid, session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        with self.lock:
            session = self.sessions.get(sid)
            if session is not None and session.expires < time.time():
                del self.sessions[sid]
                return None
            return session

    def close(self, sid: str | None) -> None:
        with self.lock:
            self.sessions.pop(sid or "", None)

    def locked_out(self, client: str) -> bool:
        now = time.time()
        with self.lock:
            recent = self.failures.setdefault(client, deque())
            while recent and recent[0] < now - LOGIN_WINDOW_SECONDS:
                recent.popleft()
            return len(recent) >= LOGIN_FAILURES_ALLOWED

    def failed(self, client: str) -> None:
        with self.lock:
            self.failures.setdefault(client, deque()).append(time.time())


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)
