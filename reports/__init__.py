"""Report renderers. They read only an :class:`~auditor.model.AuditResult`: never artifact files, never the
network.

``write_reports(result, out_dir, formats)`` writes, per format:

* ``json``  → ``report.json``: the stable contract (see :mod:`reports.json_report`);
* ``html``  → ``report.html``: self-contained page for people (see :mod:`reports.html`);
* ``md``    → ``summary.md``: short Markdown for a CI job summary (see :mod:`reports.markdown`);
* ``junit`` → ``junit.xml``: one test case per check (see :mod:`reports.junit`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from auditor.model import AuditResult
from reports.html import render_html
from reports.json_report import render_json
from reports.junit import render_junit
from reports.markdown import render_markdown

FORMATS: tuple[str, ...] = ("json", "html", "md", "junit")
FILENAMES: dict[str, str] = {"json": "report.json", "html": "report.html", "md": "summary.md", "junit": "junit.xml"}
RENDERERS: dict[str, Callable[[AuditResult], str]] = {
    "json": render_json,
    "html": render_html,
    "md": render_markdown,
    "junit": render_junit,
}

__all__ = ["FORMATS", "FILENAMES", "render_html", "render_json", "render_junit", "render_markdown", "write_reports"]


def write_reports(result: AuditResult, out_dir: Path, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Render each format and write it into ``out_dir`` (created if missing); returns {format: path}.

    Every file is written to a temporary name and renamed, so a reader never sees half a report.
    """
    from auditor.errors import UsageError

    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in RENDERERS]
    if unknown:
        raise UsageError(f"unknown report format '{','.join(unknown)}'", f"choose from: {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in chosen:
        text = RENDERERS[name](result)
        path = out_dir / FILENAMES[name]
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        # errors="replace": a lone surrogate in store text must not lose the whole report
        tmp.write_text(text, encoding="utf-8", errors="replace", newline="\n")
        tmp.replace(path)
        written[name] = path
    return written
