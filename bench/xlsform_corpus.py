"""The XLSForm corpus: pass rate per step (import, lint, instruments, pyxform, same form,
same model) over tests/corpus/xlsforms, and seconds per form, as JSON.

Run: .venv/bin/python bench/xlsform_corpus.py [--failures]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.xlsform_roundtrip import corpus_forms, pass_rates, run_form  # noqa: E402


def main() -> None:
    forms = corpus_forms()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        results = [run_form(form, Path(folder)) for form in forms]
    seconds = time.perf_counter() - start
    summary = pass_rates(results) | {"seconds_per_form": round(seconds / len(forms), 3)}
    summary["refused"] = {r.form: r.refusal.split(": ", 1)[-1] for r in results if r.refused}
    summary["not_round_tripped"] = {r.form: r.problems[:3] for r in results if not r.ok}
    if "--failures" not in sys.argv:
        summary.pop("refused")
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
