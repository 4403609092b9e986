"""Respondent ids replaced by keyed pseudonyms, so that PII never leaves raw/.

A pseudonym is HMAC-SHA256 of the id under a secret key, truncated and prefixed ("P-...").
The same id and key give the same pseudonym in every wave, so waves can still be linked;
without the key nobody can recompute them. A lost key means new pseudonyms.

The key comes from the environment variable SURVEY_PSEUDONYM_KEY, else from the file
``.pseudonym-key`` in the project root (git-ignored); when neither exists a new random key
is written to that file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from pathlib import Path

from pipeline.core.atomic import atomic_path
from pipeline.core.errors import InputError

KEY_ENV = "SURVEY_PSEUDONYM_KEY"
KEY_FILE = ".pseudonym-key"
PREFIX = "P-"
DIGEST_HEX_CHARS = 16  # 64 bits: collisions negligible for any survey's number of respondents
MIN_KEY_BYTES = 16
_HEX = re.compile(r"[0-9a-fA-F]+")


def pseudonymise(respondent_id: str, key: bytes) -> str:
    """The pseudonym of one respondent id: PREFIX + the first 16 hex digits of HMAC-SHA256.

    The id is trimmed and NFC-normalised first, so " 12 " and "12" are the same respondent.
    """
    text = unicodedata.normalize("NFC", str(respondent_id).strip())
    digest = hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:DIGEST_HEX_CHARS]


def parse_key(text: str, source: str) -> bytes:
    """A key from its text form: hex digits (as written by ``new_key_file``) or a passphrase."""
    text = text.strip()
    key = bytes.fromhex(text) if len(text) % 2 == 0 and _HEX.fullmatch(text) else text.encode()
    if len(key) < MIN_KEY_BYTES:
        raise InputError(
            f"the pseudonym key is too short: expected at least {MIN_KEY_BYTES} bytes "
            f"({2 * MIN_KEY_BYTES} hex digits)",
            file=source,
        )
    return key


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the pseudonym key file: {exc}", file=str(path)) from None
    return parse_key(text, str(path))


def new_key_file(path: Path) -> bytes:
    """Write a fresh random 32-byte key (hex) to ``path``, readable by its owner only."""
    key = secrets.token_bytes(32)
    with atomic_path(path, mode=0o600) as tmp:
        tmp.write_text(key.hex() + "\n", encoding="utf-8")
    return key


def load_or_create_key(project_root: Path) -> tuple[bytes, Path | None]:
    """The pseudonym key, and the key file's path if this call had to create it (else None).

    Order: the environment variable SURVEY_PSEUDONYM_KEY, then ``<project_root>/.pseudonym-key``;
    when neither exists, a new key is generated into that file (callers should tell the user
    where it is: without it, the next wave gets different pseudonyms).
    """
    env = os.environ.get(KEY_ENV)
    if env:
        return parse_key(env, f"environment variable {KEY_ENV}"), None
    return load_or_create_key_file(Path(project_root) / KEY_FILE)


def load_or_create_key_file(path: Path) -> tuple[bytes, Path | None]:
    """The key in an explicit key file, creating it when absent (as ``load_or_create_key``)."""
    if path.exists():
        return read_key_file(path), None
    return new_key_file(path), path
