"""The fleet file (stores.toml / CSV): parsing, per-store options over defaults, clear errors before any audit."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from auditor.errors import UsageError
from auditor.fleet.local import run_local
from auditor.fleet.stores import host_of, load_stores, options_of
from tests.conftest import run_cli


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_store_options_override_defaults_and_paths_are_relative_to_the_file(tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "a.csv").write_text("Subject,Description\nWhere is my parcel?,Where is my parcel?\n",
                                                encoding="utf-8")
    path = write(tmp_path, "stores.toml", '''
[defaults]
max-pages = 30
fail-on = "medium"
checkout-products = 0

[[store]]
url = "https://shop-a.example/"
name = "Shop A"
max-pages = 10
report-lang = "pl"
tickets = "exports/a.csv"
[[store.ignore]]
check = "click-depth"
reason = "outlet pages are reached from the newsletter"

[[store]]
url = "shop-b.example:8080"
''')
    a, b = load_stores(path)
    assert (a.name, a.host, a.tickets) == ("Shop A", "shop-a.example", str(tmp_path / "exports" / "a.csv"))
    assert b.url == "https://shop-b.example:8080/" and b.name == b.host == "shop-b.example:8080"
    options_a, options_b = options_of(a), options_of(b)
    assert (options_a.settings.max_pages, options_b.settings.max_pages) == (10, 30)
    assert options_a.fail_on == options_b.fail_on == "medium"
    assert options_a.checkout_products == 0
    assert options_a.config.scan["report-lang"] == "pl"
    assert [r.check for r in options_a.config.ignore] == ["click-depth"] and not options_b.config.ignore
    assert options_a.tickets == tmp_path / "exports" / "a.csv" and options_b.tickets is None
    json.dumps(a.as_dict())  # a job crosses process and broker boundaries as JSON


@pytest.mark.parametrize("text, message", [
    ('[[store]]\nurl = "https://a.example/"\nmax_pages = 3\n', "unknown key(s) max_pages"),
    ('[[store]]\nname = "no url"\n', "a store needs a url"),
    ('[[store]]\nurl = "ftp://a.example/"\n', "is not a store URL"),
    ('[[store]]\nurl = "https://a.example/"\n[[store]]\nurl = "https://a.example/"\n', "listed twice"),
    ('[defaults]\nfail-on = "loud"\n[[store]]\nurl = "https://a.example/"\n', "fail-on = 'loud'"),
    ('[[store]]\nurl = "https://a.example/"\nreport-lang = "xx"\n', "report-lang"),
    ('[[store]]\nurl = "https://a.example/"\n[[store.ignore]]\ncheck = "click-depth"\n', "has no reason"),
    ('[[store]]\nurl = "https://a.example/"\ntickets = "missing.csv"\n', "missing.csv"),
    ('[stores]\nurl = 1\n', "unknown section(s) stores"),
    ('[defaults]\n', "lists no store"),
    ('[[store]\n', "not valid TOML"),
])
def test_mistakes_are_usage_errors_naming_the_store(tmp_path, text, message):
    with pytest.raises(UsageError) as raised:
        load_stores(write(tmp_path, "stores.toml", text))
    assert message in raised.value.message


def test_csv_with_or_without_a_header(tmp_path):
    with_header = load_stores(write(tmp_path, "a.csv", "name,url\nShop A,https://a.example/\n,b.example\n"))
    assert [(s.name, s.url) for s in with_header] == [("Shop A", "https://a.example/"), ("b.example", "https://b.example/")]
    plain = load_stores(write(tmp_path, "b.csv", "https://a.example/shop\nhttp://127.0.0.1:8000/\n"))
    assert [s.host for s in plain] == ["a.example", "127.0.0.1:8000"]
    with pytest.raises(UsageError, match="line 2"):
        load_stores(write(tmp_path, "c.csv", "url\nnot a url\n"))


def test_host_key_ignores_www_and_case_but_keeps_the_port():
    assert host_of("https://WWW.Shop.example/a") == host_of("https://shop.example/b") == "shop.example"
    assert host_of("http://127.0.0.1:8001/") != host_of("http://127.0.0.1:8002/")


def test_cli_bad_fleet_file_is_one_line_exit_2(tmp_path):
    done = run_cli("fleet", str(tmp_path / "nope.toml"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.startswith("clearcart: error: fleet file") and "Traceback" not in done.stderr
    bad = write(tmp_path, "s.toml", '[[store]]\nurl = "https://a.example/"\nmax-pages = "many"\n')
    done = run_cli("fleet", str(bad), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and "scan.max-pages must be int" in done.stderr
    assert not (tmp_path / "out").exists()  # nothing started


def record_interval(job: dict, attempt: int) -> dict:
    """A stand-in audit for the scheduler test (module level: it runs in a pool process)."""
    started = time.time()
    time.sleep(1.0)
    if job["store"]["url"].endswith("flaky/") and attempt == 1:
        raise RuntimeError("flaky")
    return {"url": job["store"]["url"], "host": job["store"]["host"], "start": started, "end": time.time(),
            "attempt": attempt, "status": "complete"}


def test_local_pool_runs_one_audit_per_host_at_a_time_and_retries(tmp_path, monkeypatch):
    jobs = [{"store": {"url": url, "host": host_of(url)}} for url in
            ("http://a.example/1/", "http://a.example/2/", "http://a.example/3/", "http://b.example/",
             "http://c.example/flaky/")]
    results: list[dict] = []
    monkeypatch.setattr("auditor.fleet.local.record_failure", lambda *a: pytest.fail("nothing should fail"))
    run_local(jobs, workers=3, retries=1, on_result=results.append, target=record_interval)
    assert sorted(r["url"] for r in results) == sorted(j["store"]["url"] for j in jobs)
    same_host = sorted((r for r in results if r["host"] == "a.example"), key=lambda r: r["start"])
    for before, after in zip(same_host, same_host[1:]):
        assert after["start"] >= before["end"], "two audits of one host overlapped"
    assert any(x["start"] < y["end"] and y["start"] < x["end"] for x in results for y in results
               if x["host"] != y["host"]), "different hosts never ran alongside"
    assert next(r for r in results if "flaky" in r["url"])["attempt"] == 2


def test_migrations_build_exactly_the_models_schema_and_run_twice(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from auditor.fleet.storage import Base, Storage

    storage = Storage(str(tmp_path / "fleet.db"))
    storage.migrate()
    storage.migrate()  # already at head: nothing to do
    assert storage.revision() == storage.head()
    with storage.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    storage.dispose()
