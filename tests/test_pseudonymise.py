import hashlib
import hmac

import pytest

from pipeline.core.errors import InputError
from pipeline.stages.pseudonymise import (
    KEY_ENV,
    KEY_FILE,
    load_or_create_key,
    load_or_create_key_file,
    pseudonymise,
)

KEY = bytes(range(32))


def test_pseudonym_is_the_truncated_hmac_sha256_of_the_id():
    expected = hmac.new(KEY, b"R-0001", hashlib.sha256).hexdigest()[:16]
    assert pseudonymise("R-0001", KEY) == "P-" + expected


def test_pseudonyms_are_stable_and_keyed():
    assert pseudonymise("R-0001", KEY) == pseudonymise("R-0001", KEY)
    assert pseudonymise("R-0001", KEY) != pseudonymise("R-0002", KEY)
    assert pseudonymise("R-0001", KEY) != pseudonymise("R-0001", b"another key of 16+ bytes")


def test_id_is_trimmed_and_nfc_before_hashing():
    nfd = "Nguy\u0065\u0302\u0303n"  # ễ as e + combining circumflex + combining tilde
    assert pseudonymise(" " + nfd + " ", KEY) == pseudonymise("Nguyễn", KEY)


def test_key_is_created_once_in_the_project_root_then_reused(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    key, created = load_or_create_key(tmp_path)
    assert created == tmp_path / KEY_FILE
    assert len(key) == 32
    assert (created.stat().st_mode & 0o777) == 0o600
    again, created_again = load_or_create_key(tmp_path)
    assert again == key and created_again is None


def test_environment_variable_wins_over_the_key_file(tmp_path, monkeypatch):
    (tmp_path / KEY_FILE).write_text("00" * 32)
    monkeypatch.setenv(KEY_ENV, "ab" * 32)
    key, created = load_or_create_key(tmp_path)
    assert key == bytes.fromhex("ab" * 32) and created is None


def test_a_passphrase_in_the_environment_is_used_as_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "a long enough passphrase")
    assert load_or_create_key(tmp_path) == (b"a long enough passphrase", None)


def test_short_key_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "short.key"
    path.write_text("abcd")
    with pytest.raises(InputError, match="too short") as exc:
        load_or_create_key_file(path)
    assert exc.value.file == str(path)


def test_explicit_key_file_is_created_when_absent(tmp_path):
    path = tmp_path / "keys" / "survey.key"
    key, created = load_or_create_key_file(path)
    assert created == path
    assert load_or_create_key_file(path) == (key, None)
