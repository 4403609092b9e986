"""The collect stage: a self-hosted collection server for one wave of a questionnaire.

``survey collect serve`` starts it (SQLite by default, PostgreSQL with ``--db``); responses
are exported to raw/<wave>.csv in the pipeline's raw format (docs/schemas.md), which the
clean stage reads unchanged. The modules: answers (server-side validation), xform (the
XForm and safe submission parsing), store (the database), cards (one-time codes), web
(the plain HTML form), security (headers, limits, admin login), app (the routes), export.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.core.yamlio import load_yaml_mapping
from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.collect.store import Store, database_url, open_engine

DEFAULT_SUPPRESS_BELOW = 10


def default_database(wave: str) -> Path:
    return Path("collect") / f"{wave}.sqlite"


def open_store(db: str | None, wave: str) -> Store:
    """The wave's store: ``db`` a PostgreSQL/SQLite URL or an SQLite path; default
    collect/<wave>.sqlite."""
    return Store(open_engine(database_url(db, default_database(wave))), wave)


def suppress_threshold(params: Path = Path("params.yaml")) -> int:
    """The reports' small-cell threshold (params.yaml tabulate.suppress_below)."""
    if not params.exists():
        return DEFAULT_SUPPRESS_BELOW
    value = (load_yaml_mapping(params).get("tabulate") or {}).get("suppress_below")
    if value is None:
        return DEFAULT_SUPPRESS_BELOW
    if not isinstance(value, int) or value < 1:
        raise InputError(
            "expected a whole number of at least 1",
            file=str(params),
            column="tabulate.suppress_below",
        )
    return value


def set_admin_password(store: Store, password: str) -> None:
    from pipeline.stages.collect.security import hash_password

    try:
        store.set_setting("admin_hash", hash_password(password))
    except ValueError as exc:
        raise InputError(str(exc)) from None


def make_app(
    questionnaire: Questionnaire,
    store: Store,
    access: str = "open",
    export_path: Path | None = None,
    suppress_below: int = DEFAULT_SUPPRESS_BELOW,
    xform=None,
):
    """The ASGI application (for uvicorn, or Starlette's TestClient). ``xform``: the
    questionnaire's XForm when already built (building it takes a few seconds). The
    identifying metadata kept is the questionnaire's ``collect.keep_metadata``."""
    from pipeline.stages.collect.app import AccessMode, CollectConfig, create_app

    try:
        mode = AccessMode(access)
    except ValueError:
        choices = ", ".join(m.value for m in AccessMode)
        raise InputError(f"unknown access mode {access!r}; expected one of {choices}") from None
    config = CollectConfig(
        questionnaire=questionnaire,
        store=store,
        access=mode,
        export_path=export_path or Path("raw") / f"{store.wave}.csv",
        suppress_below=suppress_below,
        keep_metadata=kept_metadata(questionnaire),
        xform=xform,
    )
    return create_app(config)


def kept_metadata(questionnaire: Questionnaire) -> frozenset[str]:
    """The questionnaire's ``collect.keep_metadata``, each name one of the identifying XLSForm
    metadata (a misspelt name would otherwise keep nothing, silently)."""
    from pipeline.stages.collect.answers import IDENTIFYING_METADATA

    names = questionnaire.collect.keep_metadata
    for name in names:
        if name not in IDENTIFYING_METADATA:
            known = ", ".join(sorted(IDENTIFYING_METADATA))
            raise InputError(
                f"{name!r} is not identifying XLSForm metadata; expected one of {known}",
                file=questionnaire.source or None,
                column="collect.keep_metadata",
            )
    return frozenset(names)


# The interpreter's switch interval, in seconds, while serving (Python's default: 0.005). The
# group-commit writer thread gives up the GIL at every SQL statement and commit and needs it
# back to go on; with the event loop busy on requests it waits a whole interval each time,
# several times per batch, which the submissions of that batch wait out too. 0.5 ms makes
# those hand-overs short. bench/bench_collect.py --forms 3000 on SQLite, 2 shared cores at
# load 6-7, runs interleaved: 403-483 submissions/s, p99 224-335 ms at 5 ms; 560-565/s,
# p99 181-208 ms at 0.5 ms. The hand-overs cost some CPU: at load 2-3 (--forms 5000),
# 0.74-0.80 ms per submission at 5 ms, 0.87 ms at 0.5 ms (p99 168-192 ms against 101 ms).
SWITCH_INTERVAL = 0.0005


def serve(app, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Run the server until interrupted. No access log: a request line carries the time, the
    address and, for app-users, the token. The Date header stays (OpenRosa requires it; it
    tells the client only the time it already has)."""
    import gc
    import sys

    import uvicorn

    # Everything loaded so far (pandas, the questionnaire, the XForm) lives as long as the
    # server: moved out of the collector's reach, a full collection no longer walks it,
    # which otherwise stalls every request in flight for a few hundred milliseconds.
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL)
    uvicorn.run(
        app,
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
    )
