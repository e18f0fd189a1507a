"""Coverage: which ticket topics the site's FAQ and help pages answer, and which are gaps.

Two ways a topic is answered:

* **taxonomy topics** — every FAQ entry, heading and help page is classified into the same multilingual
  taxonomy the tickets were (its question / heading / page title first; its answer only when the question
  names no topic). A topic is covered when an entry with an adequate answer is about it. This works across
  languages: Polish tickets about "faktura" meet an English FAQ entry about invoices through the topic id.
* **cluster topics** (store-specific, no taxonomy id) — lexical similarity: cosine of TF-IDF vectors over the
  same per-language stems clustering uses, between the topic (label, terms, examples) and each entry
  (question twice, then answer). Covered at or above :data:`SIMILARITY`, a threshold measured with
  ``bench/tickets_eval.py`` on labelled topic/FAQ pairs (see its output), not guessed.

An entry answers the topics its question is about *and* its answer speaks to (a question naming a topic with
only a generic word needs the answer to be about it too): an entry "What delivery options do you offer?"
answers delivery options, not delivery cost, even if its answer mentions a price.

Every topic gets one of four states, each with the FAQ entry it was compared with and the score:

* ``answered`` — an entry answers it (taxonomy route: the entry's taxonomy score for the topic; cluster
  route: the cosine similarity);
* ``near-miss`` — an entry mentions the topic (in its answer, or as a minor topic of its question) but no
  entry answers it: the shopper who searches finds the word, not the answer. Counted as not answered, and
  explained as such;
* ``gap`` — nothing answers or mentions it; the closest entry by lexical similarity is shown with its score;
* below ``min_share`` of the tickets, a topic is neither a gap nor a near-miss finding (``rare``).

A topic with at least ``min_share`` of the tickets that is not answered is a finding; findings are ranked by
ticket volume and each gets a suggested FAQ question in the store's language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor import lexicon
from auditor.model import Artifacts, TicketsArtifact, TicketTopic
from auditor.tickets import taxonomy
from auditor.tickets import text as textmod
from auditor.tickets.faq import HelpEntry, extract_help_content, help_pages, page_title, slug_words

# Cosine similarity at which a cluster topic counts as answered by an FAQ entry. Measured with
# `bench/tickets_eval.py` (threshold sweep over 61 labelled topic/site pairs in en, pl and ru, 35 answered and
# 26 not: mined cluster topics, and taxonomy topics seen the way the similarity route sees clusters):
# F1 0.88 at 0.15, 0.95 at 0.20 (precision 0.90, recall 1.00), 0.96 at 0.22 (precision 0.94, recall 0.97; the
# best), 0.96 at 0.25 (precision 1.00, recall 0.91), 0.87 at 0.30. The previous measurement (other vocabulary)
# also put the best at 0.20-0.22; 0.22 is where both agree.
SIMILARITY = 0.22
MIN_SHARE = 0.03
# An answer mentions a topic (a near-miss when nothing answers it) when its text carries a specific term of the
# topic or several of its words (taxonomy score >= 3), not when one generic word of it appears: "the refund goes
# back to your account" mentions refunds, not account login.
MENTION = 3
MIN_ANSWER_CHARS = 40


@dataclass
class TopicCoverage:
    topic: TicketTopic
    covered: bool
    gap: bool
    question: str  # the FAQ question to add (store language)
    via: str = ""  # how the compared entry was found: taxonomy | mention | similarity
    score: float = 0.0  # the compared entry's score (taxonomy score, or cosine similarity)
    answer: HelpEntry | None = None
    closest: HelpEntry | None = None  # the entry the decision compared the topic with (answered or not)
    state: str = "gap"  # answered | near-miss | gap (see the module docstring)

    def as_dict(self) -> dict[str, Any]:
        compared = self.answer or self.closest
        return {
            "id": self.topic.id, "label": self.topic.label, "origin": self.topic.origin, "count": self.topic.count,
            "share": self.topic.share, "estimated": self.topic.estimated, "covered": self.covered, "gap": self.gap,
            "state": self.state, "merged": list(self.topic.merged),
            "answered_by": ({**self.answer.as_dict(), "via": self.via, "score": round(self.score, 3)}
                            if self.answer else None),
            "compared_with": ({**compared.as_dict(), "via": self.via, "score": round(self.score, 3)}
                              if compared else None),
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
        langs = Counter(p.lang for p in pages if p.lang in lexicon.LANGUAGES)
        if langs:
            return langs.most_common(1)[0][0]
    return "en"


def entry_scores(entry: HelpEntry) -> tuple[dict[str, float], dict[str, float]]:
    """Taxonomy scores of an entry's question (with the URL's words for a page) and of its answer."""
    question = f"{entry.question} {slug_words(entry.url)}" if entry.source == "page" else entry.question
    lang = entry.lang if entry.lang in lexicon.LANGUAGES else None
    return taxonomy.scores(question, lang), taxonomy.scores(entry.answer[:1500], lang)


def entry_topics(entry: HelpEntry) -> list[str]:
    """The taxonomy topics an FAQ entry / heading / page answers: those its question is about (a plain
    section heading needs a telling term), kept only when the question names them with a specific term or the
    answer is about them too; else, for a question naming no topic, the answer's clear topic (not for whole
    pages: their text includes the navigation, so only their title and URL count)."""
    q_scores, a_scores = entry_scores(entry)
    ratio = 0.3 if entry.source == "page" else 0.5
    min_score = 2 if entry.source == "section" else 1
    if q_scores:
        top = max(q_scores.values())
        chosen = [t for t, v in q_scores.items() if v >= max(min_score, top * ratio)
                  and (v >= 2 or a_scores.get(t, 0) >= 1)]
        if chosen:
            return sorted(chosen, key=lambda t: -q_scores[t])
        if top >= min_score:
            return []
    if entry.source == "page":  # a whole page's text (navigation included) says little: its title decides
        return []
    top_a = taxonomy.best(a_scores)
    return [top_a] if top_a and a_scores[top_a] >= 3 else []


def entry_mentions(entry: HelpEntry) -> dict[str, float]:
    """Topics an entry speaks of without answering them (near-misses): a clear mention in its answer (a
    taxonomy score of at least :data:`MENTION`), or a minor topic of its question."""
    q_scores, a_scores = entry_scores(entry)
    answered = set(entry.topics)
    mentions = {t: v for t, v in a_scores.items() if v >= MENTION and t not in answered}
    for t, v in q_scores.items():
        if t not in answered:
            mentions[t] = max(mentions.get(t, 0.0), v)
    return mentions


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
    template = lexicon.CLUSTER_QUESTION.get(lang) or lexicon.CLUSTER_QUESTION["en"]
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
    mentioned: dict[str, list[tuple[float, HelpEntry]]] = {}
    for entry in adequate:
        for topic_id, value in entry_mentions(entry).items():
            mentioned.setdefault(topic_id, []).append((value, entry))
    # every topic is compared with the entries lexically too (the closest entry of a gap is shown), taxonomy
    # topics by their label in the store's language and their examples
    sims = similarities([_as_seen(t, lang) for t in topics], adequate)
    rows: list[TopicCoverage] = []
    for topic, scores in zip(topics, sims):
        row = TopicCoverage(topic=topic, covered=False, gap=False, question=suggested_question(topic, lang))
        if topic.origin == "taxonomy" and by_topic.get(topic.id):
            answer = min(by_topic[topic.id], key=_answer_rank)
            row.covered, row.via, row.answer, row.state = True, "taxonomy", answer, "answered"
            row.score = max(entry_scores(answer)[0].get(topic.id, 0.0), entry_scores(answer)[1].get(topic.id, 0.0))
        elif topic.origin == "taxonomy" and mentioned.get(topic.id):
            value, entry = max(mentioned[topic.id], key=lambda item: item[0])
            row.via, row.closest, row.score, row.state = "mention", entry, value, "near-miss"
        elif adequate:
            index = max(range(len(scores)), key=scores.__getitem__)
            row.score, row.closest, row.via = float(scores[index]), adequate[index], "similarity"
            if topic.origin == "cluster" and row.score >= similarity:
                row.covered, row.answer, row.state = True, adequate[index], "answered"
        row.gap = not row.covered and topic.share >= min_share
        rows.append(row)
    rows.sort(key=lambda r: (-r.topic.count, r.topic.id))
    pages = [{"url": p.final_url or p.url, "title": page_title(p), "type": p.page_type}
             for p in help_pages(artifacts)]
    faq_entries = sum(1 for e in entries if e.source not in ("section", "page"))
    return Coverage(rows=rows, store_lang=lang, help_pages=pages, entries=len(entries), faq_entries=faq_entries,
                    by_topic={k: len(v) for k, v in by_topic.items()})


def _as_seen(topic: TicketTopic, lang: str) -> TicketTopic:
    """A taxonomy topic seen the way the similarity route sees a cluster: its label in the store's language."""
    if topic.origin == "cluster":
        return topic
    return topic.model_copy(update={"label": taxonomy.label(topic.id, lang), "terms": []})


def _answer_rank(entry: HelpEntry) -> tuple[int, int]:
    order = {"json-ld": 0, "microdata": 0, "details": 1, "dl": 1, "accordion": 1, "heading": 2, "section": 3,
             "page": 4}
    return order.get(entry.source, 5), -len(entry.answer)
