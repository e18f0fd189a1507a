"""Evaluation of ticket topic mining and FAQ coverage, on the fixtures in fixtures/tickets/.

Prints:
1. topic assignment against labels: the hand-written labelled tickets (fixtures/tickets/labelled.jsonl, all
   seven languages) and the generated sample tickets (the generator's templates: in-distribution, optimistic);
   accuracy, macro F1, per language, and the misses;
2. the similarity threshold sweep for store-specific (cluster) topics: for every mined topic of a ticket
   export against the fixture site in the same language, the best TF-IDF cosine to an FAQ entry, with the
   truth from the site's labels; precision / recall / F1 per threshold and the best plateau (the value
   ``auditor/tickets/coverage.py`` uses as ``SIMILARITY``);
3. gap precision / recall of the ``faq-gaps`` check for every sample export against every fixture site
   (en mirrors the demo store's FAQ; pl and ru answer other topics).

    .venv/bin/python bench/tickets_eval.py [--quiet]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.tickets import taxonomy  # noqa: E402
from auditor.tickets import text as textmod  # noqa: E402
from auditor.tickets.coverage import MIN_SHARE, SIMILARITY, similarities  # noqa: E402
from auditor.tickets.faq import extract_help_content  # noqa: E402
from auditor.tickets.mining import analyze_tickets  # noqa: E402
from auditor.tickets.redact import Redactor  # noqa: E402
from auditor.model import TicketTopic  # noqa: E402
from auditor.runner import run_check  # noqa: E402
import checks.faq_gaps as faq_gaps  # noqa: E402
from fixtures.tickets import make_samples  # noqa: E402
from fixtures.tickets.sites import site_artifacts, site_spec  # noqa: E402

FIXTURES = ROOT / "fixtures" / "tickets"
MIXTURE_FILES = {  # sample export -> its language
    "zendesk_en.csv": "en", "freshdesk_pl.csv": "pl", "generic_ru.csv": "ru", "tickets_uk.jsonl": "uk",
    "gorgias_de.csv": "de", "helpscout_cs.csv": "cs", "support_sk.mbox": "sk", "eml_pl": "pl",
    "inbox_en_bom.csv": "en", "broken_rows_en.csv": "en",
}
STORE_FILES = {"store_topics_en.csv": "en", "store_topics_pl.jsonl": "pl"}
SITES = ("en", "pl", "ru")


def scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return accuracy_score(gold, pred), f1_score(gold, pred, average="macro", zero_division=0)


def assignment(quiet: bool) -> None:
    print("== 1. Topic assignment")
    rows = [json.loads(line) for line in (FIXTURES / "labelled.jsonl").read_text(encoding="utf-8").splitlines()]
    redactor = Redactor()
    gold, pred, by_lang, misses = [], [], defaultdict(lambda: [0, 0]), []
    for row in rows:
        text = redactor.redact(textmod.clean_text(row["text"]), row["lang"])
        got = taxonomy.assign(text) or "none"
        gold.append(row["topic"])
        pred.append(got)
        by_lang[row["lang"]][0] += got == row["topic"]
        by_lang[row["lang"]][1] += 1
        if got != row["topic"]:
            misses.append((row["lang"], row["topic"], got, row["text"]))
    acc, f1 = scores(gold, pred)
    print(f"hand-written labelled tickets: n={len(rows)}  accuracy={acc:.3f}  macro-F1={f1:.3f}")
    print("  per language: " + "  ".join(f"{lang} {ok}/{n}" for lang, (ok, n) in sorted(by_lang.items())))
    if not quiet:
        for lang, want, got, text in misses:
            print(f"  miss [{lang}] {want} -> {got}: {text}")
    # generated tickets (templates of the generator: in-distribution)
    gen = make_samples.Gen(7)
    gold, pred = [], []
    for lang in ("en", "pl", "uk", "ru", "sk", "cs", "de"):
        for ticket in make_samples.tickets_for(gen, lang, 300, quotes=0.3, html=0.2):
            body = textmod.clean_text(ticket["body"])
            text = redactor.redact(f"{textmod.clean_subject(ticket['subject'])}\n{body}", lang)
            gold.append(ticket["topic"])
            pred.append(taxonomy.assign(text) or "none")
    acc, f1 = scores(gold, pred)
    print(f"generated sample tickets (templates, in-distribution): n={len(gold)}  accuracy={acc:.3f}  "
          f"macro-F1={f1:.3f}")


def _proxy(topic: TicketTopic, lang: str) -> TicketTopic:
    """A taxonomy topic seen as the similarity route sees a cluster: its label in the tickets' language, its
    examples."""
    if topic.origin == "cluster":
        return topic
    return topic.model_copy(update={"label": taxonomy.label(topic.id, lang), "terms": []})


def _cluster_truth(topic: TicketTopic, answers: dict[str, bool]) -> bool | None:
    words = {textmod.stem(w) for w in textmod.tokens(" ".join([topic.label, *topic.terms[:3]]))}
    for name, answered in answers.items():
        if {textmod.stem(w) for w in textmod.tokens(name)} & words:
            return answered
    return None


def sweep(mined: dict[str, object], quiet: bool) -> float:
    print("\n== 2. Similarity threshold for store-specific topics (same-language pairs)")
    pairs: list[tuple[float, bool, str]] = []
    for file, lang in [("zendesk_en.csv", "en"), ("freshdesk_pl.csv", "pl"), ("generic_ru.csv", "ru"),
                       *STORE_FILES.items()]:
        spec = site_spec(lang)
        with tempfile.TemporaryDirectory() as tmp:
            artifacts = site_artifacts(lang, tmp)
            entries = [e for e in extract_help_content(artifacts) if len(e.answer) >= 40]
        tickets = mined[file]
        topics = [t for t in tickets.topics if t.share >= MIN_SHARE]
        sims = similarities([_proxy(t, lang) for t in topics], entries)
        for topic, row in zip(topics, sims):
            truth = (topic.id in spec["answers"]) if topic.origin == "taxonomy" else \
                _cluster_truth(topic, spec["answers_clusters"])
            if truth is None:
                continue
            pairs.append((max(row) if row else 0.0, truth, f"{file}:{topic.id}"))
    positives = sum(1 for _, t, _ in pairs if t)
    print(f"labelled topic/site pairs: {len(pairs)} ({positives} answered, {len(pairs) - positives} not)")
    table = []
    for step in range(0, 61):
        threshold = step / 100
        tp = sum(1 for s, t, _ in pairs if s >= threshold and t)
        fp = sum(1 for s, t, _ in pairs if s >= threshold and not t)
        fn = sum(1 for s, t, _ in pairs if s < threshold and t)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table.append((threshold, p, r, f))
    best_f = max(f for *_, f in table)
    plateau = [t for t, _, _, f in table if f == best_f]
    chosen = round(plateau[len(plateau) // 2], 2)
    print("threshold  precision  recall  F1")
    for threshold, p, r, f in table:
        if round(threshold * 100) % 5 == 0 or threshold in (plateau[0], plateau[-1], chosen):
            mark = " <- chosen (middle of the best plateau)" if threshold == chosen else ""
            print(f"   {threshold:.2f}     {p:.2f}      {r:.2f}   {f:.2f}{mark}")
    print(f"best F1 {best_f:.2f} for thresholds {plateau[0]:.2f}..{plateau[-1]:.2f}; chosen {chosen:.2f} "
          f"(coverage.SIMILARITY = {SIMILARITY:.2f})")
    if not quiet:
        for score, truth, name in sorted(pairs):
            print(f"  {score:.3f} {'answered' if truth else 'not answered':13} {name}")
    return chosen


def gaps(mined: dict[str, object], quiet: bool) -> None:
    print("\n== 3. Gap precision / recall (faq-gaps findings vs the designed topics and the site labels)")
    expected_files = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))["files"]
    totals = Counter()
    for site in SITES:
        spec = site_spec(site)
        with tempfile.TemporaryDirectory() as tmp:
            artifacts = site_artifacts(site, tmp)
            for file in [*MIXTURE_FILES, *STORE_FILES]:
                if file in STORE_FILES and STORE_FILES[file] != site:
                    continue  # store-specific topics are matched lexically: same language only
                info = expected_files[file]
                n = sum(info["designed"].values())
                frequent = {t for t, c in info["designed"].items() if c / n >= MIN_SHARE and t != "none"
                            and not t.startswith("store-")}
                expected = frequent - set(spec["answers"])
                store_expected = {name for name, count in info.get("store_topics", {}).items()
                                  if count / n >= MIN_SHARE and not spec["answers_clusters"].get(name, False)}
                artifacts.tickets = mined[file]
                result = run_check(faq_gaps, artifacts)
                found = {f.evidence["topic"] for f in result.findings if f.evidence["origin"] == "taxonomy"}
                clusters = [f for f in result.findings if f.evidence["origin"] == "cluster"]
                tp, fp, fn = len(found & expected), len(found - expected), len(expected - found)
                matched_store = set()
                for finding in clusters:
                    topic = next(t for t in mined[file].topics if t.id == finding.evidence["topic"])
                    name = next((s for s in store_expected if
                                 {textmod.stem(w) for w in textmod.tokens(s)} &
                                 {textmod.stem(w) for w in textmod.tokens(" ".join([topic.label, *topic.terms[:3]]))}),
                                None)
                    if name:
                        matched_store.add(name)
                        tp += 1
                    else:
                        fp += 1
                fn += len(store_expected - matched_store)
                totals.update(tp=tp, fp=fp, fn=fn)
                if not quiet or fp or fn:
                    print(f"  site {site} x {file:22} tp={tp} fp={fp} fn={fn}"
                          + (f"  extra={sorted(found - expected)}" if found - expected else "")
                          + (f"  missed={sorted(expected - found)}" if expected - found else ""))
    p = totals["tp"] / (totals["tp"] + totals["fp"]) if totals["tp"] + totals["fp"] else 1.0
    r = totals["tp"] / (totals["tp"] + totals["fn"]) if totals["tp"] + totals["fn"] else 1.0
    print(f"gaps: tp={totals['tp']} fp={totals['fp']} fn={totals['fn']}  precision={p:.3f}  recall={r:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="figures only, no per-item lines")
    args = parser.parse_args()
    random.seed(0)
    assignment(args.quiet)
    mined = {file: analyze_tickets(FIXTURES / file) for file in [*MIXTURE_FILES, *STORE_FILES]}
    sweep(mined, args.quiet)
    gaps(mined, args.quiet)


if __name__ == "__main__":
    main()
