"""Coverage: which ticket topics the site's FAQ and help pages answer, and which are gaps.

Two ways a topic is answered:

* **taxonomy topics** — every FAQ entry, heading and help page is classified into the same multilingual
  taxonomy the tickets were (its question / heading / page title first; its answer only when the question
  names no topic). A topic is covered when an entry with an adequate answer is about it. This works across
  languages: Polish tickets about "faktura" meet an English FAQ entry about invoices through the topic id.
* **cluster topics** (store-specific, no taxonomy id) — lexical similarity: cosine of TF-IDF vectors over the
  same language-neutral stems clustering uses, between the topic (label, terms, examples) and each entry
  (question twice, then answer). Covered at or above :data:`SIMILARITY`, a threshold measured with
  ``bench/tickets_eval.py`` on labelled topic/FAQ pairs (see its output), not guessed.

A gap is a topic with at least ``min_share`` of the tickets and no adequate answer; gaps are ranked by
ticket volume and each gets a suggested FAQ question in the store's language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor.model import Artifacts, TicketsArtifact, TicketTopic
from auditor.tickets import taxonomy, words
from auditor.tickets import text as textmod
from auditor.tickets.faq import HelpEntry, extract_help_content, help_pages, page_title, slug_words

# Cosine similarity at which a cluster topic counts as answered by an FAQ entry. Measured with
# `bench/tickets_eval.py` (threshold sweep over 62 labelled topic/site pairs in en, pl and ru, 36 answered and
# 26 not: mined cluster topics, and taxonomy topics seen the way the similarity route sees clusters):
# F1 0.89 at 0.15, 0.96 at 0.20 (precision 0.95, recall 0.97; the best), 0.93 at 0.25, 0.91 at 0.30.
SIMILARITY = 0.20
MIN_SHARE = 0.03
MIN_ANSWER_CHARS = 40


@dataclass
class TopicCoverage:
    topic: TicketTopic
    covered: bool
    gap: bool
    question: str  # the FAQ question to add (store language)
    via: str = ""  # taxonomy | similarity
    score: float = 0.0  # similarity of the best entry (cluster topics)
    answer: HelpEntry | None = None
    closest: HelpEntry | None = None  # the most similar entry, answered or not (cluster topics)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.topic.id, "label": self.topic.label, "origin": self.topic.origin, "count": self.topic.count,
            "share": self.topic.share, "estimated": self.topic.estimated, "covered": self.covered, "gap": self.gap,
            "answered_by": ({**self.answer.as_dict(), "via": self.via, "score": round(self.score, 3)}
                            if self.answer else None),
            "suggested_question": self.question if not self.covered else "",
        }


@dataclass
class Coverage:
    rows: list[TopicCoverage]
    store_lang: str
    help_pages: list[dict[str, str]]
    entries: int
    faq_entries: int
    by_topic: dict[str, int] = field(default_factory=dict)  # taxonomy topic -> entries answering it

    @property
    def gaps(self) -> list[TopicCoverage]:
        return [row for row in self.rows if row.gap]


def store_language(artifacts: Artifacts) -> str:
    """The language the store writes in: the most common ``lang`` of its help pages, else of all pages."""
    for pages in (help_pages(artifacts), artifacts.ok_pages()):
        langs = Counter(p.lang for p in pages if p.lang in words.LANGUAGES)
        if langs:
            return langs.most_common(1)[0][0]
    return "en"


def entry_topics(entry: HelpEntry) -> list[str]:
    """The taxonomy topics an FAQ entry / heading / page answers."""
    if entry.source == "page":
        return taxonomy.topics_of(f"{entry.question} {slug_words(entry.url)}", min_ratio=0.3)
    # a plain section heading ("Payment") names a topic only with a telling term, a question may be short
    topics = taxonomy.topics_of(entry.question, min_score=2 if entry.source == "section" else 1)
    if topics:
        return topics
    score_map = taxonomy.scores(f"{entry.question}\n{entry.answer[:600]}")
    top = taxonomy.best(score_map)
    return [top] if top and score_map[top] >= 2 else []


def _topic_doc(topic: TicketTopic) -> str:
    return " ".join([topic.label, topic.label, " ".join(topic.terms), " ".join(topic.examples)])


def _entry_doc(entry: HelpEntry) -> str:
    return f"{entry.question} {entry.question} {entry.answer[:1500]}"


def similarities(topics: list[TicketTopic], entries: list[HelpEntry]) -> list[list[float]]:
    """Cosine similarity of each topic to each entry (TF-IDF over stems, fitted on both)."""
    if not topics or not entries:
        return [[0.0] * len(entries) for _ in topics]
    from sklearn.feature_extraction.text import TfidfVectorizer

    topic_docs = [_topic_doc(t) for t in topics]
    entry_docs = [_entry_doc(e) for e in entries]
    vectorizer = TfidfVectorizer(analyzer=textmod.stems, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(entry_docs + topic_docs)
    except ValueError:
        return [[0.0] * len(entries) for _ in topics]
    entry_m, topic_m = matrix[: len(entries)], matrix[len(entries):]
    return (topic_m @ entry_m.T).toarray().tolist()


def suggested_question(topic: TicketTopic, lang: str) -> str:
    if topic.origin == "taxonomy":
        return taxonomy.question(topic.id, lang)
    template = words.CLUSTER_QUESTION.get(lang) or words.CLUSTER_QUESTION["en"]
    return template.format(label=topic.label)


def assess(artifacts: Artifacts, tickets: TicketsArtifact | None = None, *, min_share: float = MIN_SHARE,
           similarity: float = SIMILARITY, min_answer_chars: int = MIN_ANSWER_CHARS,
           entries: list[HelpEntry] | None = None) -> Coverage:
    """Match every ticket topic to the site's answers (see the module docstring)."""
    tickets = tickets if tickets is not None else artifacts.tickets
    topics = list(tickets.topics) if tickets else []
    if entries is None:
        entries = extract_help_content(artifacts)
    adequate = [e for e in entries if len(e.answer) >= min_answer_chars]
    by_topic: dict[str, list[HelpEntry]] = {}
    for entry in adequate:
        entry.topics = entry_topics(entry)
        for topic_id in entry.topics:
            by_topic.setdefault(topic_id, []).append(entry)
    lang = store_language(artifacts)
    clusters = [t for t in topics if t.origin == "cluster"]
    sims = similarities(clusters, adequate)
    cluster_sims = {t.id: row for t, row in zip(clusters, sims)}
    rows: list[TopicCoverage] = []
    for topic in topics:
        row = TopicCoverage(topic=topic, covered=False, gap=False, question=suggested_question(topic, lang))
        if topic.origin == "taxonomy" and by_topic.get(topic.id):
            answer = min(by_topic[topic.id], key=_answer_rank)
            row.covered, row.via, row.answer = True, "taxonomy", answer
        elif topic.id in cluster_sims and adequate:
            scores = cluster_sims[topic.id]
            index = max(range(len(scores)), key=scores.__getitem__)
            row.score, row.closest = float(scores[index]), adequate[index]
            if row.score >= similarity:
                row.covered, row.via, row.answer = True, "similarity", adequate[index]
        row.gap = not row.covered and topic.share >= min_share
        rows.append(row)
    rows.sort(key=lambda r: (-r.topic.count, r.topic.id))
    pages = [{"url": p.final_url or p.url, "title": page_title(p), "type": p.page_type}
             for p in help_pages(artifacts)]
    faq_entries = sum(1 for e in entries if e.source not in ("section", "page"))
    return Coverage(rows=rows, store_lang=lang, help_pages=pages, entries=len(entries), faq_entries=faq_entries,
                    by_topic={k: len(v) for k, v in by_topic.items()})


def _answer_rank(entry: HelpEntry) -> tuple[int, int]:
    order = {"json-ld": 0, "microdata": 0, "details": 1, "dl": 1, "accordion": 1, "heading": 2, "section": 3,
             "page": 4}
    return order.get(entry.source, 5), -len(entry.answer)
