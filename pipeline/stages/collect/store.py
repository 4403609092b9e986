"""Where submissions are kept: SQLite (the embedded default) or PostgreSQL, via SQLAlchemy.

What the tables hold, and why (the anonymity a respondent is promised):

- ``responses``: a random id, the wave, the collector (the app-user's name in interviewer
  mode; empty otherwise) and the answers as JSON. No token, no time, no address, no device.
  The primary key is the random id and SQLite stores these tables WITHOUT ROWID, so the
  rows sit in the order of a random key, not in the order they arrived.
- ``child_rows``: one row per repeat instance, under its own random id: the response it
  belongs to, the repeat, and its place and answers as JSON (the place is the instance's
  position within its own response, which is what the child tables need; nothing orders
  responses).
- ``contacts``: answers to PII questions, under their own random id, with no link to the
  response they came with (the questionnaire promises they are kept apart).
- ``child_contacts``: answers to PII questions inside a repeat (a member's phone number),
  one row per repeat instance that gave any, under its own random id: the repeat's name and
  the answers, with no link to the instance, its place or its response.
- ``receipts``: a keyed hash of each instanceID and of its content, for idempotent repeats.
- ``tokens``: a keyed hash of each one-time code, its batch and a used flag. Never the code.
- ``app_users``: a keyed hash of each named app-user's token and the name.
- ``settings``: the hash key, the admin password hash, the wave state.

What storage itself could reveal is scrubbed too: SQLite runs with secure_delete (freed
pages are zeroed) and its write-ahead log is truncated after checkpoints; on PostgreSQL
every one-time token row (and every contact row, of either contact table) is rewritten with
each commit that spends a token (adds a contact), so a token's or a contact's transaction id
(xmin) never points at the response written with it. Closing the wave rewrites every table
in key order in one transaction, so physical order and transaction ids carry no order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import queue
import secrets
import threading
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

if TYPE_CHECKING:
    from pipeline.stages.collect.answers import ChildRow

metadata = MetaData()
NO_ROWID = {"sqlite_with_rowid": False}

settings = Table(
    "settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    **NO_ROWID,
)
responses = Table(
    "responses",
    metadata,
    Column("response_id", String(32), primary_key=True),
    Column("wave", String(64), nullable=False),
    Column("collector", String(100), nullable=True),
    Column("answers", Text, nullable=False),
    **NO_ROWID,
)
child_rows = Table(
    "child_rows",
    metadata,
    Column("child_id", String(32), primary_key=True),
    Column("response_id", String(32), nullable=False, index=True),
    Column("wave", String(64), nullable=False),
    Column("repeat", String(100), nullable=False),
    Column("answers", Text, nullable=False),  # with _parent_index and _index
    **NO_ROWID,
)

contacts = Table(
    "contacts",
    metadata,
    Column("contact_id", String(32), primary_key=True),
    Column("wave", String(64), nullable=False),
    Column("answers", Text, nullable=False),
    **NO_ROWID,
)
child_contacts = Table(
    "child_contacts",
    metadata,
    Column("contact_id", String(32), primary_key=True),
    Column("wave", String(64), nullable=False),
    Column("repeat", String(100), nullable=False),
    Column("answers", Text, nullable=False),
    **NO_ROWID,
)
receipts = Table(
    "receipts",
    metadata,
    Column("instance_hash", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    **NO_ROWID,
)
tokens = Table(
    "tokens",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("batch", String(64), nullable=False),
    Column("used", Boolean, nullable=False),
    **NO_ROWID,
)
app_users = Table(
    "app_users",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    **NO_ROWID,
)
# Keying mode (paper forms): each keying of a numbered paper form waits here until two
# operators agree; then the response is stored and the keyings are deleted. ``answers``
# holds the repeat instances' answers too, under names that say the instance.
keyings = Table(
    "keyings",
    metadata,
    Column("keying_id", String(32), primary_key=True),
    Column("form_number", String(32), nullable=False, index=True),
    Column("operator", String(100), nullable=False),
    Column("answers", Text, nullable=False),
    Column("contact", Text, nullable=False),
    **NO_ROWID,
)
settled_forms = Table(
    "settled_forms",
    metadata,
    Column("form_number", String(32), primary_key=True),
    **NO_ROWID,
)
TABLES = (
    settings, responses, child_rows, contacts, child_contacts, receipts, tokens, app_users,
    keyings, settled_forms,
)  # fmt: skip


class Keyed(StrEnum):
    first = "first"  # the first keying of this paper form: waiting for a second
    agreed = "agreed"  # two operators agree: the response is stored
    mismatch = "mismatch"  # the keyings differ: queued for a third look
    same_operator = "same_operator"  # an operator may key a form once
    settled = "settled"  # the form was stored already
    closed = "closed"


@dataclass(frozen=True)
class Mismatch:
    form_number: str
    differences: dict[str, list[str | None]]  # variable -> the values keyed, by keying


class Outcome(StrEnum):
    stored = "stored"  # first receipt
    repeat = "repeat"  # the same instanceID with the same content: already stored
    conflict = "conflict"  # the same instanceID with other content
    token_used = "token_used"
    closed = "closed"


class TokenState(StrEnum):
    unknown = "unknown"
    unused = "unused"
    used = "used"


@dataclass(frozen=True)
class Entry:
    """One stored submission, as the store writes it."""

    instance_id: str
    content_key: str  # canonical text of what was submitted (compared on repeats)
    answers: dict[str, str | None]
    contact: dict[str, str | None]
    collector: str | None = None
    code: str | None = None  # the one-time code it spends, if any
    rows: tuple[ChildRow, ...] = ()  # its repeat instances


def database_url(db: str | None, default_path: Path) -> str:
    """``db`` as an SQLAlchemy URL: a URL as given, a path as SQLite, None as the default."""
    if db is None:
        return f"sqlite:///{default_path}"
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://") :]
        return db
    return f"sqlite:///{db}"


def open_engine(url: str) -> Engine:
    """An engine; SQLite in WAL mode with synchronous=FULL, so an acknowledged commit is on
    disk before the answer goes out."""
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=FULL",
        "secure_delete=ON",
        "busy_timeout=30000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _place(parent_index: str, index: str) -> tuple[int, ...]:
    """An instance's place as numbers, for sorting (``2.10`` after ``2.9``)."""
    return tuple(int(p) for p in f"{parent_index}.{index}".strip(".").split("."))


def new_id() -> str:
    """A random 128-bit id in hex: it says nothing about when or by whom."""
    return secrets.token_hex(16)


# A batch holds the submissions that queued while the previous commit was on its way to disk.
MAX_BATCH = 200


@dataclass(eq=False)
class _Pending:
    """A submission waiting for the writer thread; ``done`` gets its outcome once the
    transaction that holds it is committed, never before."""

    entry: Entry
    instance: str  # keyed hash of the instanceID
    content: str  # keyed hash of the content
    done: Future = field(default_factory=Future)
    outcome: Outcome | None = None


def _settle(done: Future, outcome: Outcome | None = None, error: Exception | None = None):
    """Tell the waiting request what became of its submission. A request that gave up (its
    client went away) may have cancelled the future: the submission is stored all the
    same, and a retry of it is answered as a repeat."""
    try:
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(outcome)
    except InvalidStateError:
        pass


class Store:
    """The collection database of one wave."""

    # SQLite allows one writer at a time: writes queue on this lock rather than on SQLITE_BUSY.
    def __init__(self, engine: Engine, wave: str) -> None:
        self.engine = engine
        self.wave = wave
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.write_lock = threading.Lock()
        metadata.create_all(engine)
        self.key = bytes.fromhex(self._setting_or_create("hash_key", secrets.token_hex(32)))
        self._writes = 0
        self._queue: queue.SimpleQueue[_Pending] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        self._writer_lock = threading.Lock()

    # ---- settings ----------------------------------------------------------------------

    def setting(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(settings.c.value).where(settings.c.name == name)).scalar()

    def set_setting(self, name: str, value: str) -> None:
        with self.write_lock, self.engine.begin() as conn:
            conn.execute(delete(settings).where(settings.c.name == name))
            conn.execute(insert(settings).values(name=name, value=value))

    def _setting_or_create(self, name: str, value: str) -> str:
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(settings).values(name=name, value=value))
        except IntegrityError:
            pass
        return self.setting(name) or value

    def keyed(self, purpose: str, value: str) -> str:
        """HMAC-SHA256 of ``value`` under the store's key (hex); ``purpose`` keeps the hashes
        of codes, tokens and instance ids apart."""
        return hmac.new(self.key, f"{purpose}\0{value}".encode(), hashlib.sha256).hexdigest()

    @property
    def closed(self) -> bool:
        return self.setting("closed") == "yes"

    # ---- submissions -------------------------------------------------------------------

    def submit(self, entry: Entry) -> Outcome:
        """Store ``entry`` once, atomically with the spending of its one-time code; return
        when it is committed (durable)."""
        return self.submit_later(entry).result()

    def submit_later(self, entry: Entry) -> Future:
        """Queue ``entry`` for the writer thread; the future gets its Outcome when the
        transaction holding it is committed (durable), or the error that stopped it.

        Group commit: the writer stores every submission that queued while the previous
        commit was being flushed in one transaction, so many receipts share one disk flush;
        nothing of a batch is answered before the batch is on disk."""
        pending = _Pending(
            entry,
            self.keyed("instance", entry.instance_id),
            self.keyed("content", entry.content_key),
        )
        self._queue.put(pending)
        self._ensure_writer()
        return pending.done

    def _ensure_writer(self) -> None:
        if self._writer is not None and self._writer.is_alive():
            return
        with self._writer_lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(
                    target=self._write_loop, name="collect-writer", daemon=True
                )
                self._writer.start()

    def _write_loop(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._write_batch(batch)

    def _write_batch(self, batch: list[_Pending]) -> None:
        try:
            with self.write_lock, self.engine.begin() as conn:
                self._write(conn, batch)
            # the transaction is committed here: only now may anyone hear of it
        except Exception as exc:  # one bad entry must not fail the others: retry one by one
            if len(batch) > 1:
                for pending in batch:
                    self._write_batch([pending])
                return
            _settle(batch[0].done, error=exc)
            return
        for pending in batch:
            _settle(pending.done, pending.outcome)
        self._after_write()

    def _write(self, conn, batch: list[_Pending]) -> None:
        """Decide each submission's outcome in arrival order and write the stored ones, in
        one transaction that the caller commits. A few statements per batch, not per
        submission: one look-up of the receipts, one executemany per table."""
        seen = self._receipts(conn, {p.instance for p in batch})
        closed = conn.execute(select(settings.c.value).where(settings.c.name == "closed"))
        is_closed = closed.scalar() == "yes"
        stored: list[_Pending] = []
        spent = False
        for pending in batch:
            known = seen.get(pending.instance)
            if known is not None:  # a repeat is acknowledged even after the wave closed
                same = hmac.compare_digest(known, pending.content)
                pending.outcome = Outcome.repeat if same else Outcome.conflict
                continue
            if is_closed:
                pending.outcome = Outcome.closed
                continue
            if pending.entry.code is not None:
                if not self._spend(conn, pending.entry.code):
                    pending.outcome = Outcome.token_used
                    continue
                spent = True
            seen[pending.instance] = pending.content  # a repeat later in this same batch
            pending.outcome = Outcome.stored
            stored.append(pending)
        contacts_added = self._insert_stored(conn, stored)
        if not self.is_sqlite:
            self._blur_transaction_ids(conn, spent, contacts_added)

    def _receipts(self, conn, instance_hashes: set[str]) -> dict[str, str]:
        """instance hash -> content hash of those already received."""
        rows = conn.execute(
            select(receipts.c.instance_hash, receipts.c.content_hash).where(
                receipts.c.instance_hash.in_(sorted(instance_hashes))
            )
        )
        return dict(rows.all())

    def _insert_stored(self, conn, stored: list[_Pending]) -> bool:
        """Insert the batch's new responses, contacts and receipts, each table's rows in the
        order of their random key (so not in arrival order); True when a contact was added."""
        response_ids = [new_id() for _ in stored]
        response_rows = sorted(
            (
                {
                    "response_id": rid,
                    "wave": self.wave,
                    "collector": p.entry.collector,
                    "answers": json.dumps(p.entry.answers, ensure_ascii=False, sort_keys=True),
                }
                for rid, p in zip(response_ids, stored, strict=True)
            ),
            key=lambda row: row["response_id"],
        )
        child = sorted(
            (
                row
                for rid, p in zip(response_ids, stored, strict=True)
                for row in self._child_row_values(rid, p.entry.rows)
            ),
            key=lambda row: row["child_id"],
        )
        contact_rows = sorted(
            (
                {
                    "contact_id": new_id(),
                    "wave": self.wave,
                    "answers": json.dumps(p.entry.contact, ensure_ascii=False, sort_keys=True),
                }
                for p in stored
                if any(v is not None for v in p.entry.contact.values())
            ),
            key=lambda row: row["contact_id"],
        )
        child_contact_rows = sorted(
            (
                {
                    "contact_id": new_id(),
                    "wave": self.wave,
                    "repeat": row.repeat,
                    "answers": json.dumps(row.contact, ensure_ascii=False, sort_keys=True),
                }
                for p in stored
                for row in p.entry.rows
                if any(v is not None for v in row.contact.values())
            ),
            key=lambda row: row["contact_id"],
        )
        receipt_rows = sorted(
            ({"instance_hash": p.instance, "content_hash": p.content} for p in stored),
            key=lambda row: row["instance_hash"],
        )
        for table, rows in (
            (responses, response_rows),
            (child_rows, child),
            (contacts, contact_rows),
            (child_contacts, child_contact_rows),
            (receipts, receipt_rows),
        ):
            if rows:
                conn.execute(insert(table), rows)
        return bool(contact_rows or child_contact_rows)

    def _child_row_values(self, response_id: str, rows: tuple[ChildRow, ...]) -> list[dict]:
        """The ``child_rows`` rows of one response's repeat instances, each under its own
        random id."""
        return [
            {
                "child_id": new_id(),
                "response_id": response_id,
                "wave": self.wave,
                "repeat": row.repeat,
                "answers": json.dumps(
                    {"_parent_index": row.parent_index, "_index": str(row.index), **row.answers},
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            }
            for row in rows
        ]

    def _blur_transaction_ids(self, conn, spent: bool, contacts_added: bool) -> None:
        # PostgreSQL stamps each row with the id of the transaction that wrote it (xmin):
        # a spent token or a contact row would share it with its response. Rewriting every
        # token (contact) row gives them all this transaction's id, so none can be matched.
        if spent:
            conn.execute(update(tokens).values(used=tokens.c.used))
        if contacts_added:
            conn.execute(update(contacts).values(wave=contacts.c.wave))
            conn.execute(update(child_contacts).values(wave=child_contacts.c.wave))

    def _spend(self, conn, code: str) -> bool:
        spent = conn.execute(
            update(tokens)
            .where(tokens.c.code_hash == self.keyed("code", code), tokens.c.used.is_(False))
            .values(used=True)
        )
        return spent.rowcount == 1

    def _after_write(self) -> None:
        # Truncating the write-ahead log now and then removes the frames that hold a spent
        # token's page beside its response's page.
        self._writes += 1
        if self.is_sqlite and self._writes % 25 == 0:
            self.checkpoint()

    def checkpoint(self) -> None:
        if self.is_sqlite:
            with self.write_lock, self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # ---- keying mode -------------------------------------------------------------------

    def key_form(
        self,
        form_number: str,
        operator: str,
        entry: Entry,
        instance_answers: dict[str, str | None] | None = None,
    ) -> Keyed:
        """Record one operator's keying of a numbered paper form; store the response (with
        its repeat instances, ``entry.rows``) when two operators' keyings agree (answers,
        contact and ``instance_answers`` alike: the instances' answers under names that say
        the instance, ``member 2, age``, which is how a mismatch lists them)."""
        answers = json.dumps(entry.answers, ensure_ascii=False, sort_keys=True)
        keyed = json.dumps(
            {**entry.answers, **(instance_answers or {})}, ensure_ascii=False, sort_keys=True
        )
        contact = json.dumps(entry.contact, ensure_ascii=False, sort_keys=True)
        with self.write_lock, self.engine.begin() as conn:
            if conn.execute(
                select(settled_forms.c.form_number).where(
                    settled_forms.c.form_number == form_number
                )
            ).first():
                return Keyed.settled
            closed = conn.execute(select(settings.c.value).where(settings.c.name == "closed"))
            if closed.scalar() == "yes":
                return Keyed.closed
            earlier = conn.execute(
                select(keyings.c.operator, keyings.c.answers, keyings.c.contact).where(
                    keyings.c.form_number == form_number
                )
            ).all()
            if any(op == operator for op, _, _ in earlier):
                return Keyed.same_operator
            conn.execute(
                insert(keyings).values(
                    keying_id=new_id(), form_number=form_number, operator=operator,
                    answers=keyed, contact=contact,
                )
            )  # fmt: skip
            if not earlier:
                return Keyed.first
            if not any(a == keyed and c == contact for _, a, c in earlier):
                return Keyed.mismatch
            response_id = new_id()
            conn.execute(
                insert(responses).values(
                    response_id=response_id, wave=self.wave, collector=None, answers=answers
                )
            )
            children = sorted(
                self._child_row_values(response_id, entry.rows), key=lambda r: r["child_id"]
            )
            if children:
                conn.execute(insert(child_rows), children)
            if any(v is not None for v in entry.contact.values()):
                conn.execute(
                    insert(contacts).values(contact_id=new_id(), wave=self.wave, answers=contact)
                )
            conn.execute(delete(keyings).where(keyings.c.form_number == form_number))
            conn.execute(insert(settled_forms).values(form_number=form_number))
        return Keyed.agreed

    def mismatches(self) -> list[Mismatch]:
        """Paper forms keyed at least twice without agreement, with what differs."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(keyings.c.form_number, keyings.c.answers, keyings.c.contact).order_by(
                    keyings.c.form_number, keyings.c.keying_id
                )
            ).all()
        by_form: dict[str, list[dict]] = {}
        for number, answers, contact in rows:
            by_form.setdefault(number, []).append({**json.loads(answers), **json.loads(contact)})
        out = []
        for number, keyed in by_form.items():
            if len(keyed) < 2:
                continue
            names = sorted({name for k in keyed for name in k})
            differences = {
                name: [k.get(name) for k in keyed]
                for name in names
                if len({k.get(name) for k in keyed}) > 1
            }
            out.append(Mismatch(number, differences))
        return out

    # ---- tokens ------------------------------------------------------------------------

    def add_codes(self, codes: list[str], batch: str) -> None:
        rows = [{"code_hash": self.keyed("code", c), "batch": batch, "used": False} for c in codes]
        with self.write_lock, self.engine.begin() as conn:
            conn.execute(insert(tokens), rows)

    def code_state(self, code: str) -> TokenState:
        with self.engine.connect() as conn:
            used = conn.execute(
                select(tokens.c.used).where(tokens.c.code_hash == self.keyed("code", code))
            ).scalar()
        if used is None:
            return TokenState.unknown
        return TokenState.used if used else TokenState.unused

    def batches(self) -> list[tuple[str, int, int]]:
        """(batch, codes, used) per batch."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(tokens.c.batch, tokens.c.used)).all()
        out: dict[str, list[int]] = {}
        for batch, is_used in rows:
            counts = out.setdefault(batch, [0, 0])
            counts[0] += 1
            counts[1] += int(bool(is_used))
        return sorted((b, n, u) for b, (n, u) in out.items())

    def add_app_user(self, name: str) -> str:
        token = secrets.token_urlsafe(24)
        with self.write_lock, self.engine.begin() as conn:
            conn.execute(
                insert(app_users).values(token_hash=self.keyed("app_user", token), name=name)
            )
        return token

    def app_user(self, token: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(app_users.c.name).where(
                    app_users.c.token_hash == self.keyed("app_user", token)
                )
            ).scalar()

    def app_user_names(self) -> list[str]:
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(app_users.c.name)).scalars())

    # ---- reading -----------------------------------------------------------------------

    def answers(self) -> list[tuple[str, str | None, dict]]:
        """(response_id, collector, answers) of every response, by random id."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(responses.c.response_id, responses.c.collector, responses.c.answers)
                .where(responses.c.wave == self.wave)
                .order_by(responses.c.response_id)
            ).all()
        return [(rid, collector, json.loads(a)) for rid, collector, a in rows]

    def child_answers(self, repeat: str) -> list[tuple[str, dict]]:
        """(response_id, answers with ``_parent_index`` and ``_index``) of every instance of
        ``repeat``, by response id and place."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(child_rows.c.response_id, child_rows.c.answers).where(
                    child_rows.c.wave == self.wave, child_rows.c.repeat == repeat
                )
            ).all()
        out = [(rid, json.loads(a)) for rid, a in rows]
        return sorted(out, key=lambda r: (r[0], _place(r[1]["_parent_index"], r[1]["_index"])))

    def contact_rows(self) -> list[tuple[str, dict]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(contacts.c.contact_id, contacts.c.answers)
                .where(contacts.c.wave == self.wave)
                .order_by(contacts.c.contact_id)
            ).all()
        return [(cid, json.loads(a)) for cid, a in rows]

    def child_contact_rows(self, repeat: str) -> list[tuple[str, dict]]:
        """(contact_id, PII answers) of the instances of ``repeat`` that gave any, by id."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(child_contacts.c.contact_id, child_contacts.c.answers)
                .where(child_contacts.c.wave == self.wave, child_contacts.c.repeat == repeat)
                .order_by(child_contacts.c.contact_id)
            ).all()
        return [(cid, json.loads(a)) for cid, a in rows]

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(responses)).scalar_one()

    # ---- closing -----------------------------------------------------------------------

    def close_wave(self) -> None:
        """Refuse further submissions, then scrub the physical traces of arrival order."""
        self.set_setting("closed", "yes")
        self.scrub()

    def scrub(self) -> None:
        """Rewrite every table in key order in one transaction, then compact the file."""
        with self.write_lock:
            with self.engine.begin() as conn:
                for table in TABLES:
                    key = list(table.primary_key.columns)[0]
                    rows = [dict(r._mapping) for r in conn.execute(select(table).order_by(key))]
                    conn.execute(delete(table))
                    if rows:
                        conn.execute(insert(table), rows)
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                if self.is_sqlite:
                    conn.exec_driver_sql("VACUUM")
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                else:
                    for table in TABLES:
                        conn.exec_driver_sql(f"VACUUM FULL {table.name}")
