"""How long `survey collect serve` spends checking a large cascading select when it starts.

The server evaluates every rule once at start (answers.FormRules.checked), a choice filter
over all its options in one evaluation. Its peer in the same run: the same filter evaluated
option by option, as a submission's answer is checked. Prints both and their ratio.

    .venv/bin/python bench/bench_collect_start.py [OPTIONS]
"""

from __future__ import annotations

import sys
import time

import yaml

from pipeline.model.questionnaire import parse_questionnaire
from pipeline.stages.collect.answers import FormRules

PROVINCES = 60


def form(n_options: int) -> str:
    provinces = "\n".join(
        f'      - {{code: {i}, label: {{vi: "Tỉnh {i}", en: "Province {i}"}}}}'
        for i in range(1, PROVINCES + 1)
    )
    communes = "\n".join(
        f'      - {{code: {1000 + i}, label: {{vi: "Xã {i}", en: "Commune {i}"}}, '
        f'extra: {{province: "{i % PROVINCES + 1}"}}}}'
        for i in range(n_options)
    )
    return f"""form_id: communes
version: "1"
wave: "2024"
title: {{vi: Xã, en: Communes}}
languages: {{vi: Tiếng Việt (vi), en: English (en)}}
choice_lists:
  province:
    options:
{provinces}
  commune:
    options:
{communes}
sections:
  - name: A
    title: {{vi: A, en: A}}
    questions:
      - {{name: province, type: single, choices: province, label: {{vi: Tỉnh, en: Province}}}}
      - name: commune
        type: single
        choices: commune
        choice_filter: "province = ${{province}}"
        label: {{vi: Xã, en: Commune}}
"""


def main(n_options: int) -> None:
    q = parse_questionnaire(yaml.safe_load(form(n_options)), "communes.yaml")
    started = time.perf_counter()
    FormRules.checked(q)
    at_once = time.perf_counter() - started

    rules = FormRules(q)
    question = q.question("commune")
    frame = rules.expression_frame({})
    started = time.perf_counter()
    for option in q.choice_list(question).options:
        rules.holds(rules.option_filter(question, option.code), frame)
    one_by_one = time.perf_counter() - started

    print(f"choice filter over {n_options} options, checked at start:")
    print(f"  all options in one evaluation: {at_once * 1000:9.1f} ms")
    print(f"  option by option (the peer):   {one_by_one * 1000:9.1f} ms")
    print(f"  ratio: {one_by_one / at_once:.0f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
