import hashlib
import hmac
import secrets
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.stages.pseudonymise import (
    FINGERPRINT_FILE,
    FINGERPRINT_TEXT,
    KEY_ENV,
    KEY_FILE,
    check_key_strength,
    key_fingerprint,
    load_or_create_key,
    load_or_create_key_file,
    pseudonymise,
    read_key_file,
)

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"

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
    monkeypatch.setenv(KEY_ENV, KEY.hex())
    key, created = load_or_create_key(tmp_path)
    assert key == KEY and created is None


def test_a_passphrase_in_the_environment_is_used_as_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "a long enough passphrase, of 32+ bytes")
    assert load_or_create_key(tmp_path) == (b"a long enough passphrase, of 32+ bytes", None)


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


# ---- a key that cannot silently change ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["00" * 64, "k" * 64, "ab" * 40, "0123" * 16, "short passphrase"],
    ids=["64 NUL bytes", "one letter", "a repeated byte pair", "a repeated pattern", "short"],
)
def test_short_or_guessable_keys_are_refused(text, tmp_path):
    path = tmp_path / "weak.key"
    path.write_text(text)
    with pytest.raises(InputError, match="too short|guessable") as exc:
        load_or_create_key_file(path)
    assert exc.value.file == str(path)


def test_random_keys_and_passphrases_pass_the_strength_check():
    for _ in range(200):
        check_key_strength(secrets.token_bytes(32), "random")
    check_key_strength(b"correct horse battery staple, twice removed", "passphrase")


def test_the_fingerprint_is_a_keyed_hash_of_a_fixed_text_and_reveals_no_key():
    fingerprint = key_fingerprint(KEY)
    assert fingerprint == hmac.new(KEY, FINGERPRINT_TEXT, hashlib.sha256).hexdigest()
    assert KEY.hex() not in fingerprint and key_fingerprint(KEY[::-1]) != fingerprint


@pytest.fixture
def raw(tmp_path) -> Path:
    path = tmp_path / "raw" / "w.csv"
    assert run(["simulate", str(MINI), "--n", "40", "--seed", "1", "--out", str(path)]) == 0
    return path


def clean_wave(raw: Path, wave: str, key: Path, *extra: str) -> int:
    out = raw.parent.parent / "processed" / f"{wave}.parquet"
    return run(["clean", str(raw), "--questionnaire", str(MINI), "--out", str(out),
                "--key-file", str(key), *extra])  # fmt: skip


def test_the_key_fingerprint_is_kept_beside_the_clean_data(raw, tmp_path):
    key = tmp_path / "k.key"
    assert clean_wave(raw, "2021", key) == 0
    recorded = (tmp_path / "processed" / FINGERPRINT_FILE).read_text().strip()
    assert recorded == key_fingerprint(read_key_file(key))
    assert key.read_text().strip() not in recorded


def test_a_lost_key_stops_the_next_wave_instead_of_breaking_the_panel(raw, tmp_path, capsys):
    key = tmp_path / "k.key"
    assert clean_wave(raw, "2021", key) == 0
    first = pd.read_parquet(tmp_path / "processed" / "2021.parquet")["respondent_id"]
    key.unlink()
    capsys.readouterr()
    assert clean_wave(raw, "2023", key) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {key}: the pseudonym key file does not exist")
    assert "--new-key" in err
    assert not key.exists() and not (tmp_path / "processed" / "2023.parquet").exists()
    assert clean_wave(raw, "2023", key, "--new-key") == 0  # said so: a new key, new pseudonyms
    second = pd.read_parquet(tmp_path / "processed" / "2023.parquet")["respondent_id"]
    assert set(first).isdisjoint(second)
    recorded = (tmp_path / "processed" / FINGERPRINT_FILE).read_text().strip()
    assert recorded == key_fingerprint(read_key_file(key))


def test_another_key_is_refused_unless_new_key_is_given(raw, tmp_path, capsys, monkeypatch):
    assert clean_wave(raw, "2021", tmp_path / "k.key") == 0
    other = tmp_path / "other.key"
    other.write_text(secrets.token_hex(32))
    capsys.readouterr()
    assert clean_wave(raw, "2023", other) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {other}: this pseudonym key is not the one the earlier waves")
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setenv(KEY_ENV, secrets.token_hex(32))
    out = tmp_path / "processed" / "2023.parquet"
    argv = ["clean", str(raw), "--questionnaire", str(MINI), "--out", str(out)]
    monkeypatch.chdir(tmp_path)
    assert run(argv) == 2
    assert f"error: environment variable {KEY_ENV}: this pseudonym key" in capsys.readouterr().err
    assert run([*argv, "--new-key"]) == 0
    assert clean_wave(raw, "2025", tmp_path / "k.key") == 2  # the old key is now the other one
