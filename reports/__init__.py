"""Report renderers. They read only an :class:`~auditor.model.AuditResult` — never artifact files, never the
network — with one exception: report.html embeds the screenshots the result names, read from the artifacts
folder (``assets_dir``) as image bytes only (see :mod:`reports.images`).

``write_reports(result, out_dir, formats, lang=..., assets_dir=...)`` writes, per format:

* ``json``  → ``report.json``: the stable contract (see :mod:`reports.json_report`);
* ``html``  → ``report.html``: self-contained page for people, in ``lang`` (``en``, ``pl``, ``uk``, ``de``; see
  :mod:`reports.html` and :mod:`reports.i18n`);
* ``md``    → ``summary.md``: short Markdown for a CI job summary (see :mod:`reports.markdown`);
* ``junit`` → ``junit.xml``: one test case per check (see :mod:`reports.junit`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from auditor.model import AuditResult
from reports.html import render_html
from reports.i18n import LANGUAGES, check_language
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

__all__ = ["FORMATS", "FILENAMES", "LANGUAGES", "render_html", "render_json", "render_junit", "render_markdown",
           "write_reports"]


def write_reports(result: AuditResult, out_dir: Path, formats: Iterable[str] = FORMATS, *, lang: str = "en",
                  assets_dir: str | Path | None = None) -> dict[str, Path]:
    """Render each format and write it into ``out_dir`` (created if missing); returns {format: path}.

    ``lang`` is the language of report.html; ``assets_dir`` the artifacts folder its screenshots are read from
    (None: no screenshots).

    Every file is written to a temporary name and renamed, so a reader never sees half a report.
    """
    from auditor.errors import UsageError

    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in RENDERERS]
    if unknown:
        raise UsageError(f"unknown report format '{','.join(unknown)}'", f"choose from: {', '.join(FORMATS)}")
    lang = check_language(lang)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in chosen:
        text = render_html(result, lang=lang, assets_dir=assets_dir) if name == "html" else RENDERERS[name](result)
        path = out_dir / FILENAMES[name]
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        # errors="replace": a lone surrogate in store text must not lose the whole report
        tmp.write_text(text, encoding="utf-8", errors="replace", newline="\n")
        tmp.replace(path)
        written[name] = path
    return written
