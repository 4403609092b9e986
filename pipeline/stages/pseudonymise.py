"""Respondent ids replaced by keyed pseudonyms, so that PII never leaves raw/.

A pseudonym is HMAC-SHA256 of the id under a secret key, truncated and prefixed ("P-...").
The same id and key give the same pseudonym in every wave, so waves can still be linked;
without the key nobody can recompute them. A lost key means new pseudonyms.

The key comes from the environment variable SURVEY_PSEUDONYM_KEY, else from the file
``.pseudonym-key`` in the project root (git-ignored); when neither exists a new random key
is written to that file. A key must be at least 32 bytes and not guessable (a run of one
byte, a short repeated pattern): ``check_key_strength``.

The key cannot change unnoticed: its fingerprint (HMAC-SHA256 of a fixed text under the key;
the key cannot be recovered from it) is kept beside the clean data in
``pseudonym-key.fingerprint``. A clean whose key has another fingerprint, or whose key file
is gone while a fingerprint is recorded, is refused unless the user asks for a new key.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.core.atomic import atomic_path
from pipeline.core.errors import InputError

KEY_ENV = "SURVEY_PSEUDONYM_KEY"
KEY_FILE = ".pseudonym-key"
PREFIX = "P-"
DIGEST_HEX_CHARS = 16  # 64 bits: collisions negligible for any survey's number of respondents
MIN_KEY_BYTES = 32
# Shannon entropy of the key's bytes times its length: 32 random bytes give about 150 bits,
# a 40-letter passphrase about 160, 64 NUL bytes 0.
MIN_KEY_ENTROPY_BITS = 128
FINGERPRINT_FILE = "pseudonym-key.fingerprint"
FINGERPRINT_TEXT = b"survey-pipeline pseudonym key fingerprint v1"
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
    check_key_strength(key, source)
    return key


def entropy_bits(key: bytes) -> float:
    """Shannon entropy of the key's byte frequencies times its length, in bits."""
    counts = Counter(key)
    return max(0.0, -sum(c * math.log2(c / len(key)) for c in counts.values()))


def check_key_strength(key: bytes, source: str) -> None:
    """Refuse a key shorter than MIN_KEY_BYTES or with less than MIN_KEY_ENTROPY_BITS."""
    if len(key) < MIN_KEY_BYTES:
        raise InputError(
            f"the pseudonym key is too short: {len(key)} bytes, expected at least "
            f"{MIN_KEY_BYTES} ({2 * MIN_KEY_BYTES} hex digits)",
            file=source,
        )
    bits = entropy_bits(key)
    if bits < MIN_KEY_ENTROPY_BITS:
        raise InputError(
            f"the pseudonym key is guessable: its bytes carry about {bits:.0f} bits of "
            f"entropy, expected at least {MIN_KEY_ENTROPY_BITS} (a run of one byte or a short "
            "repeated pattern?); delete it to have a random one made",
            file=source,
        )


def key_fingerprint(key: bytes) -> str:
    """HMAC-SHA256 of a fixed text under ``key``, hex: names the key without revealing it."""
    return hmac.new(key, FINGERPRINT_TEXT, hashlib.sha256).hexdigest()


def recorded_fingerprint(folder: Path) -> str | None:
    """The key fingerprint recorded in ``folder`` by an earlier clean, if any."""
    path = Path(folder) / FINGERPRINT_FILE
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except (FileNotFoundError, NotADirectoryError):  # no earlier wave there
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the key fingerprint: {exc}", file=str(path)) from None


def check_same_key(folder: Path, key: bytes, source: str) -> None:
    """Refuse ``key`` when the waves in ``folder`` were pseudonymised with another key."""
    recorded = recorded_fingerprint(folder)
    if recorded is not None and not hmac.compare_digest(recorded, key_fingerprint(key)):
        raise InputError(
            f"this pseudonym key is not the one the earlier waves in {folder} were "
            f"pseudonymised with (fingerprint {recorded[:12]}... recorded in "
            f"{FINGERPRINT_FILE}, this key's {key_fingerprint(key)[:12]}...): the waves would "
            "no longer link; restore the earlier key, or pass --new-key to start new "
            "pseudonyms",
            file=source,
        )


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


def key_source(project_root: Path, key_file: Path | None) -> str:
    """Where the key comes from, as error messages name it."""
    if key_file is not None:
        return str(key_file)
    if os.environ.get(KEY_ENV):
        return f"environment variable {KEY_ENV}"
    return str(Path(project_root) / KEY_FILE)


def load_or_create_key(project_root: Path, create: bool = True) -> tuple[bytes, Path | None]:
    """The pseudonym key, and the key file's path if this call had to create it (else None).

    Order: the environment variable SURVEY_PSEUDONYM_KEY, then ``<project_root>/.pseudonym-key``;
    when neither exists, a new key is generated into that file (callers should tell the user
    where it is: without it, the next wave gets different pseudonyms), unless ``create`` is
    False, which makes a missing key an error.
    """
    env = os.environ.get(KEY_ENV)
    if env:
        return parse_key(env, f"environment variable {KEY_ENV}"), None
    return load_or_create_key_file(Path(project_root) / KEY_FILE, create)


def load_or_create_key_file(path: Path, create: bool = True) -> tuple[bytes, Path | None]:
    """The key in an explicit key file, creating it when absent (as ``load_or_create_key``)."""
    if path.exists():
        return read_key_file(path), None
    if not create:
        raise InputError(
            "the pseudonym key file does not exist, but earlier waves were pseudonymised with "
            "a key (its fingerprint is recorded beside them): restore the key file, or pass "
            "--new-key to start new pseudonyms (the waves will no longer link)",
            file=str(path),
        )
    return new_key_file(path), path
