"""Shared by the tests of the collect stage: throwaway databases (SQLite and a real
PostgreSQL cluster started for the test session), valid random answers for a
questionnaire, and submissions written as ODK would write them."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

from pipeline.model.questionnaire import Questionnaire, QuestionType
from pipeline.stages.collect.answers import FormRules

REPO = Path(__file__).parent.parent
DEFAULT_QUESTIONNAIRE = REPO / "questionnaires" / "degradation-2023.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- PostgreSQL -------------------------------------------------------------------------


def postgres_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError("PostgreSQL is not installed: run scripts/setup")
    return Path(initdb).parent


class PostgresCluster:
    """A throwaway cluster in a temporary folder on 127.0.0.1, run as the ``postgres``
    user when the tests run as root (PostgreSQL refuses to run as root)."""

    def __init__(self) -> None:
        self.bindir = postgres_bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="survey-pg-"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")

    def run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, cwd=self.dir)

    def start(self) -> PostgresCluster:
        data = self.dir / "data"
        self.run(str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "survey",
                 "-E", "UTF8", "--no-instructions")  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=on"
        self.run(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                 "-l", str(self.dir / "log"), "start")  # fmt: skip
        return self

    def stop(self) -> None:
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate",
                 "stop")  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://survey@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


# ---- answers and submissions ------------------------------------------------------------


def random_fields(q: Questionnaire, rules: FormRules, rng: np.random.Generator) -> dict:
    """A valid set of answer fields: random codes, numbers in range, no irrelevant answer."""
    values: dict[str, object] = {}
    for question in q.questions():
        clist = q.choice_list(question)
        if question.type is QuestionType.multiple:
            codes = [o.code for o in clist.substantive()]
            chosen = [c for c in codes if rng.random() < 0.4]
            if chosen:
                values[question.name] = frozenset(chosen)
        elif question.type is QuestionType.likert_grid:
            for item in question.items:
                values[item.name] = int(rng.choice(clist.codes()))
        elif clist is not None:
            values[question.name] = int(rng.choice(clist.codes()))
        elif question.type is QuestionType.integer:
            low, high = question.range or (0, 100)
            values[question.name] = int(rng.integers(low, high + 1))
        elif question.type is QuestionType.text and not question.pii:
            values[question.name] = f"ý kiến {int(rng.integers(1_000_000))}"
    values = rules.without_irrelevant(values)
    return {
        k: " ".join(str(c) for c in sorted(v)) if isinstance(v, frozenset) else str(v)
        for k, v in values.items()
    }


def submission_xml(q: Questionnaire, fields: dict, instance_id: str | None = None,
                   extra: str = "", form_id: str | None = None) -> bytes:  # fmt: skip
    """The fields as an XForm instance (flat under the root: the server reads leaves)."""
    iid = instance_id or f"uuid:{uuid.uuid4()}"
    body = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in fields.items())
    return (
        f'<data id="{form_id or q.form_id}" version="{q.version}">{body}{extra}'
        f"<meta><instanceID>{iid}</instanceID></meta></data>"
    ).encode()


def post_xml(client, xml: bytes, path: str = "/submission", headers=None, **kwargs):
    return client.post(path, files={"xml_submission_file": ("submission.xml", xml, "text/xml")},
                       headers={"X-OpenRosa-Version": "1.0", **(headers or {})},
                       **kwargs)  # fmt: skip


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


_XFORMS: dict = {}


def cached_xform(q: Questionnaire):
    """The questionnaire's XForm, built once per test session (pyxform takes seconds)."""
    from pipeline.stages.collect.xform import build_xform

    key = (q.form_id, q.version, q.source)
    if key not in _XFORMS:
        _XFORMS[key] = build_xform(q)
    return _XFORMS[key]


def client_for(q: Questionnaire, db: str, wave: str = "2024", access: str = "open",
               export_path=None, **kwargs):  # fmt: skip
    """A TestClient on an https base URL (the admin cookies are Secure) and its store."""
    from starlette.testclient import TestClient

    from pipeline.stages.collect import make_app, open_store

    store = open_store(db, wave)
    app = make_app(q, store, access, export_path, xform=cached_xform(q), **kwargs)
    return TestClient(app, base_url="https://testserver", raise_server_exceptions=False), store


class ServerProcess:
    """``survey collect serve`` as a child process on 127.0.0.1, its output in a log file."""

    def __init__(self, questionnaire: Path, db: str, workdir: Path, access: str = "open"):
        self.args = [str(questionnaire), "--wave", "2024", "--db", db, "--access", access]
        self.workdir = workdir
        self.port = free_port()
        self.log = workdir / "server.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        import sys

        command = [sys.executable, "-m", "pipeline", "collect", "serve", *self.args,
                   "--host", "127.0.0.1", "--port", str(self.port)]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=self.workdir, stdout=log, stderr=log)
        wait_for_port(self.port, timeout=60)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, nothing is flushed."""
        import signal

        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def one_time_server(tmp_path: Path) -> tuple[ServerProcess, str, str]:
    """The default questionnaire served in one-time mode with one code: the started server,
    the code and the database."""
    from pipeline.stages.collect import open_store
    from pipeline.stages.collect.cards import new_codes

    db = str(tmp_path / "wave.sqlite")
    store = open_store(db, "2024")
    code = new_codes(1)[0]
    store.add_codes([code], "box")
    store.engine.dispose()
    process = ServerProcess(DEFAULT_QUESTIONNAIRE, db, tmp_path, access="one-time").start()
    return process, code, db


def app_user_server(tmp_path: Path, name: str) -> tuple[ServerProcess, str, str]:
    """The default questionnaire served to app users with one named ``name``: the started
    server, that interviewer's token and the database."""
    from pipeline.stages.collect import open_store

    db = str(tmp_path / "wave.sqlite")
    store = open_store(db, "2024")
    token = store.add_app_user(name)
    store.engine.dispose()
    process = ServerProcess(DEFAULT_QUESTIONNAIRE, db, tmp_path, access="app-user").start()
    return process, token, db


def open_server(tmp_path: Path, questionnaire_yaml: str) -> tuple[ServerProcess, str]:
    """The questionnaire ``questionnaire_yaml`` (its text) served by an open link: the started
    server and the database."""
    path = tmp_path / "questionnaire.yaml"
    path.write_text(questionnaire_yaml, encoding="utf-8")
    db = str(tmp_path / "wave.sqlite")
    return ServerProcess(path, db, tmp_path, access="open").start(), db
