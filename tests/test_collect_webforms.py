"""The form engine bundle shipped with the package: built from the versions the lock pins,
unchanged since it was built, with every package's licence, inside the installed package,
and served under a policy that allows no inline script and no JavaScript eval."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect.security import CSP, ENGINE_CSP
from tests.collect_support import DEFAULT_QUESTIONNAIRE, REPO, client_for

STATIC = REPO / "pipeline" / "stages" / "collect" / "static"
BUNDLE = STATIC / "webforms"
MANIFEST = json.loads((BUNDLE / "manifest.json").read_text(encoding="utf-8"))
LOCK = json.loads((REPO / "webforms" / "package-lock.json").read_text(encoding="utf-8"))


def test_the_bundle_is_built_from_the_versions_the_lock_pins():
    package = json.loads((REPO / "webforms" / "package.json").read_text(encoding="utf-8"))
    for name, pinned in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"{name} is pinned exactly"
        assert MANIFEST["packages"][name]["version"] == pinned
    locked = {
        key.rsplit("node_modules/", 1)[1]: entry["version"]
        for key, entry in LOCK["packages"].items()
        if key and not entry.get("dev")
    }
    assert {name: p["version"] for name, p in MANIFEST["packages"].items()} == locked


def test_every_bundle_file_is_as_built():
    on_disk = {str(path.relative_to(BUNDLE)) for path in BUNDLE.rglob("*") if path.is_file()} - {
        "manifest.json"
    }
    assert on_disk == set(MANIFEST["files"])
    for name, digest in MANIFEST["files"].items():
        assert hashlib.sha256((BUNDLE / name).read_bytes()).hexdigest() == digest, name


def test_every_package_in_the_bundle_ships_its_licence():
    assert MANIFEST["packages"]["@getodk/web-forms"]["license"] == "Apache-2.0"
    for name, entry in MANIFEST["packages"].items():
        assert entry["files"], name
        for licence in entry["files"]:
            text = (BUNDLE / licence).read_text(encoding="utf-8", errors="replace")
            assert len(text) > 100, f"{name}: {licence} is a licence text"
    notice = (BUNDLE / "NOTICE.md").read_text(encoding="utf-8")
    assert "primevue" in notice and "web-tree-sitter" in notice


def test_the_installed_package_contains_the_bundle():
    """setuptools' package-data globs (not recursive) cover every file under static/."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["pipeline.stages.collect"]
    package = STATIC.parent
    covered = {p for pattern in globs for p in package.glob(pattern) if p.is_file()}
    assert {p for p in STATIC.rglob("*") if p.is_file()} <= covered


def test_the_engine_page_loads_scripts_only_from_static_and_allows_no_eval(tmp_path):
    client, _ = client_for(load_questionnaire(DEFAULT_QUESTIONNAIRE), str(tmp_path / "w.sqlite"))
    page = client.get("/webform")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert policy == ENGINE_CSP and page.headers.get_list("content-security-policy") == [policy]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"  # no 'unsafe-eval'
    assert directives["connect-src"] == "'self'" and directives["default-src"] == "'none'"
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page.text, re.S)
    assert scripts == [""], "one external script, nothing inline"
    assert 'src="/static/collect-form.js"' in page.text
    for path in ("/static/collect-form.js", "/static/outbox.js", "/static/webforms/engine.js"):
        response = client.get(path, headers={"accept-encoding": "gzip"})
        assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert client.get("/form").headers["content-security-policy"] == CSP  # the plain form


def test_the_engine_page_fetches_the_form_through_the_access_check(tmp_path):
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    client, _ = client_for(q, str(tmp_path / "w.sqlite"), access="one-time")
    assert client.get("/webform", follow_redirects=False).status_code == 303  # not open
    refused = client.get(f"/forms/{q.form_id}.xml", headers={"authorization": "Bearer FORGED"})
    assert refused.status_code == 403


def test_the_form_opens_in_the_pages_language(tmp_path):
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    client, _ = client_for(q, str(tmp_path / "w.sqlite"))
    page = client.get("/webform?lang=en").text
    assert f'data-form-url="/forms/{q.form_id}.xml?lang=en"' in page
    defaults = {
        lang: re.findall(
            r'<translation lang="([^"]*)" default="true\(\)">',
            client.get(f"/forms/{q.form_id}.xml" + (f"?lang={lang}" if lang else "")).text,
        )
        for lang in (None, "vi", "en", "fr")
    }
    assert defaults == {
        None: ["Vietnamese (vi)"],
        "vi": ["Vietnamese (vi)"],
        "en": ["English (en)"],
        "fr": ["Vietnamese (vi)"],
    }
