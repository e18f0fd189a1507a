"""Hostile ticket exports: pathological JSON nesting is a clear usage error, and cleaning stays linear."""

from __future__ import annotations

import time

import pytest

from auditor.errors import UsageError
from auditor.tickets import read_tickets
from auditor.tickets.text import clean_text
from tests.conftest import run_cli


@pytest.mark.parametrize("name, content", [
    ("arrays.json", "[" * 100_000 + "]" * 100_000),
    ("objects.json", '[{"subject": "x", "body": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}]"),
    ("wrapped.json", '{"tickets": [' + "[" * 100_000 + "]" * 100_000 + "]}"),
    ("lines.jsonl", '{"body": "fine"}\n{"body": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
])
def test_deeply_nested_json_is_a_usage_error_naming_the_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        list(read_tickets(path))
    assert name in str(raised.value) and "nested too deeply" in str(raised.value)


def test_deeply_nested_json_exits_2_from_the_command(tmp_path):
    from fixtures.tickets.sites import site_artifacts

    saved = tmp_path / "saved"
    site_artifacts("en", saved).save(saved)
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = run_cli("tickets", str(path), "--faq-artifacts", str(saved), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "deep.json" in done.stderr and "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_cleaning_is_linear_on_blank_lines_and_line_breaks():
    """The issue's bound: a thousand tickets of 800 blank lines or 1,000 <br> cleaned in under 2 s."""
    tickets = []
    for i in range(500):
        tickets.append(f"Hello,\n{' ' * (i % 3)}" + "\n" * 800 + f"where is my order {i}?\n\nThanks")
        tickets.append("<div>Hi</div>" + "<br>" * 1000 + f"my parcel {i} is late<br/>Regards")
    started = time.perf_counter()
    cleaned = [clean_text(t) for t in tickets]
    assert time.perf_counter() - started < 2.0
    assert "where is my order 7?" in cleaned[14] and "\n\n\n" not in cleaned[14]
    assert "my parcel 7 is late" in cleaned[15]
