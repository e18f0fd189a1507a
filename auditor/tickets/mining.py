"""Topic mining: the built-in taxonomy first, then clustering of what it does not explain.

Every ticket is scored against the taxonomy (:mod:`auditor.tickets.taxonomy`) as it streams by; counts,
months and a handful of example candidates are aggregated on the fly, so memory does not grow with the
export. Tickets no taxonomy topic explains go to a bounded reservoir sample; at the end that sample is
clustered with scikit-learn (TF-IDF over language-neutral stems, MiniBatchKMeans with k chosen by silhouette)
so store-specific topics ("gift wrapping", "engraving") surface with readable labels (their customers' own
words) and examples. Only clusters that hold together are reported: their top term must be in at least half
of their tickets, and they must be large enough to matter.

Everything stored (examples, labels, terms) comes from redacted text.
"""

from __future__ import annotations

import heapq
import math
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from auditor.model import TicketTopic, TicketsArtifact
from auditor.tickets import taxonomy
from auditor.tickets import text as textmod
from auditor.tickets.importers import Ticket, read_tickets

Progress = Callable[..., None]

SAMPLE_SIZE = 6000  # unexplained tickets kept for clustering
EXAMPLES = 3
CANDIDATES = 12  # example candidates kept per topic while streaming
MIN_CLUSTER_SHARE = 0.01  # a cluster must hold at least this share of all tickets...
MIN_CLUSTER_SIZE = 8  # ...and at least this many sampled tickets
COHESION = 0.5  # its most telling word must be in at least this share of its tickets
MERGE = 0.3  # clusters whose centroids are at least this similar (cosine) are one topic
K_CANDIDATES = (2, 3, 4, 6, 8, 10, 12, 16, 20, 25, 30)
EXAMPLE_CHARS = 280


def analyze_tickets(path: str | Path, text_column: str | None = None, progress: Progress | None = None, *,
                    sample_size: int = SAMPLE_SIZE, min_cluster_share: float = MIN_CLUSTER_SHARE,
                    seed: int = 0) -> TicketsArtifact:
    """Read a ticket export, assign topics, cluster the rest, and return the :class:`TicketsArtifact`.

    ``progress(event, **data)`` (optional) receives ``("stage", name=..., total=None)`` and
    ``("done", pages=<tickets read>, total=None)`` as the crawl's progress events do.
    Raises :class:`auditor.errors.UsageError` when the file cannot be read as a ticket export.
    """
    stream = read_tickets(path, text_column=text_column)
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    months: dict[str, Counter[str]] = defaultdict(Counter)
    candidates: dict[str, list[tuple[tuple[float, ...], int, str]]] = defaultdict(list)
    languages: Counter[str] = Counter()
    reservoir: list[tuple[str, str]] = []
    unexplained = 0
    if progress:
        progress("stage", name="Reading tickets", total=None)
    for index, ticket in enumerate(stream):
        languages[ticket.language or "unknown"] += 1
        scores = taxonomy.scores(ticket.text)
        topic = taxonomy.best(scores)
        month = ticket.month
        if topic is None:
            unexplained += 1
            item = (ticket.text[:2000], month)
            if len(reservoir) < sample_size:
                reservoir.append(item)
            else:
                slot = rng.randrange(unexplained)
                if slot < sample_size:
                    reservoir[slot] = item
        else:
            counts[topic] += 1
            if month:
                months[topic][month] += 1
            _offer_example(candidates[topic], ticket, scores, topic, index, rng)
        if progress and (index + 1) % 10000 == 0:
            progress("done", pages=index + 1, total=None)
    imported = stream.imported
    topics: list[TicketTopic] = []
    for topic_id, count in counts.items():
        topics.append(TicketTopic(
            id=topic_id, label=taxonomy.label(topic_id), origin="taxonomy", count=count,
            share=round(count / imported, 4) if imported else 0.0,
            terms=[], by_month=dict(sorted(months[topic_id].items())),
            examples=_pick_examples(candidates[topic_id]),
        ))
    clustered = 0
    if reservoir:
        if progress:
            progress("stage", name="Clustering unexplained tickets", total=None)
        cluster_topics = cluster_topics_of(reservoir, unexplained, imported, min_cluster_share, seed)
        topics += cluster_topics
        clustered = sum(t.count for t in cluster_topics)
    topics.sort(key=lambda t: (-t.count, t.id))
    return TicketsArtifact(
        source=Path(path).name, format=stream.format, encoding=stream.encoding, total=stream.total,
        imported=imported, broken_rows=stream.broken_rows, empty=stream.empty,
        languages=dict(languages.most_common()), topics=topics, unexplained=max(0, unexplained - clustered),
        columns=dict(stream.columns), redactions=stream.redactions,
    )


# ---------------------------------------------------------------------------------------------- examples


def _example_text(ticket: Ticket) -> str:
    body = " ".join(ticket.body.split())
    subject = ticket.subject.strip()
    text = f"{subject} — {body}" if subject and body and not body.lower().startswith(subject.lower()) \
        else (body or subject)
    return _shorten(text, EXAMPLE_CHARS)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,.;:—-") + "…"


def _offer_example(heap: list, ticket: Ticket, scores: dict[str, int], topic: str, index: int,
                   rng: random.Random) -> None:
    """Keep the clearest candidates: a wide margin over the runner-up topic, a readable length."""
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - (ranked[1] if len(ranked) > 1 else 0)
    length = len(ticket.body) + len(ticket.subject)
    readable = 1.0 if 40 <= length <= 400 else 0.0
    key = (float(min(margin, 4)), readable, rng.random())
    item = (key, index, ticket)
    if len(heap) < CANDIDATES:
        heapq.heappush(heap, item)  # type: ignore[arg-type]
    elif key > heap[0][0]:
        heapq.heapreplace(heap, item)  # type: ignore[arg-type]


def _distinct(texts: Iterable[str]) -> list[str]:
    """The first EXAMPLES of ``texts`` that are not near-copies of an earlier one (same letters and digits)."""
    chosen: list[str] = []
    seen: set[str] = set()
    for text in texts:
        fingerprint = re.sub(r"\W+", "", text.lower())[:80]
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        chosen.append(text)
        if len(chosen) == EXAMPLES:
            break
    return chosen


def _pick_examples(heap: list) -> list[str]:
    ranked = sorted(heap, key=lambda item: (item[0], -item[1]), reverse=True)
    return _distinct(_example_text(ticket) for _, _, ticket in ranked)


# ---------------------------------------------------------------------------------------------- clustering


def _analyzer(text: str) -> list[str]:
    return textmod.stems(text)


def cluster_topics_of(sample: list[tuple[str, str]], unexplained: int, imported: int,
                      min_share: float = MIN_CLUSTER_SHARE, seed: int = 0) -> list[TicketTopic]:
    """Cluster a sample of (text, month) of unexplained tickets into labelled topics (see module doc)."""
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import silhouette_score

    n = len(sample)
    scale = unexplained / n if n else 1.0
    min_size = max(MIN_CLUSTER_SIZE, math.ceil(min_share * imported / scale)) if imported else MIN_CLUSTER_SIZE
    if n < 2 * min_size:
        return []
    texts = [t for t, _ in sample]
    vectorizer = TfidfVectorizer(analyzer=_analyzer, min_df=max(2, min_size // 3), max_df=0.6,
                                 sublinear_tf=True, max_features=20000, dtype=np.float32)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no term survives (all stop words)
        return []
    nonempty = np.asarray(matrix.getnnz(axis=1) > 0)
    if nonempty.sum() < 2 * min_size:
        return []
    rows = np.flatnonzero(nonempty)
    matrix = matrix[rows]
    vocabulary = np.array(vectorizer.get_feature_names_out())
    rng = np.random.default_rng(seed)
    probe = rows.size if rows.size <= 2000 else 2000
    probe_idx = np.sort(rng.choice(rows.size, size=probe, replace=False))
    best: tuple[float, Any] | None = None
    for k in K_CANDIDATES:
        if k >= rows.size / max(3, min_size / 2):
            break
        model = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=2048,
                                max_no_improvement=10).fit(matrix)
        labels = model.labels_
        if len(set(labels[probe_idx])) < 2:
            continue
        score = silhouette_score(matrix[probe_idx], labels[probe_idx], metric="cosine")
        if best is None or score > best[0]:
            best = (score, model)
    if best is None:
        return []
    model = best[1]
    labels = model.labels_
    # merge clusters whose centroids point the same way (k-means splits a topic into its phrasings)
    centroids = np.asarray(model.cluster_centers_, dtype=np.float64)
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = centroids / np.where(norms == 0, 1, norms)
    parent = list(range(model.n_clusters))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    similarity = centroids @ centroids.T
    for a in range(model.n_clusters):
        for b in range(a + 1, model.n_clusters):
            if similarity[a, b] >= MERGE:
                parent[root(a)] = root(b)
    merged = np.array([root(int(c)) for c in labels])
    binary = (matrix > 0).tocsc().astype(np.float32)
    df_all = np.asarray(binary.sum(axis=0)).ravel()
    topics: list[TicketTopic] = []
    for group in sorted(set(merged.tolist())):
        members = np.flatnonzero(merged == group)
        if members.size < min_size:
            continue
        df_in = np.asarray(binary[members].sum(axis=0)).ravel()
        inside = df_in / members.size
        outside = (df_all - df_in) / max(1, rows.size - members.size)
        score = inside - outside
        order = np.argsort(-score)[:8]
        if inside[order[0]] < COHESION:
            continue  # no word most of its tickets share: not a topic
        stems = [str(vocabulary[i]) for i in order if score[i] > 0]
        member_rows = rows[members]
        docs = [texts[i] for i in member_rows]
        count = round(members.size * scale)
        if imported and count < min_share * imported:
            continue
        label, terms = _label(docs, stems)
        month_counts = Counter(sample[i][1] for i in member_rows if sample[i][1])
        sub = matrix[members]
        centre = np.asarray(sub.mean(axis=0)).ravel()
        closeness = sub @ centre
        examples = _distinct(_shorten(" ".join(docs[int(i)].split()), EXAMPLE_CHARS) for i in np.argsort(-closeness))
        topics.append(TicketTopic(
            id=cluster_id(label), label=label, origin="cluster", count=count,
            share=round(count / imported, 4) if imported else 0.0, terms=terms,
            by_month={m: round(c * scale) for m, c in sorted(month_counts.items())},
            examples=examples, estimated=scale > 1.0,
        ))
    return topics


def cluster_id(label: str) -> str:
    slug = re.sub(r"[^\w]+", "-", label.lower()).strip("-")
    return f"cluster-{slug[:60]}"


def _label(docs: list[str], stems: list[str]) -> tuple[str, list[str]]:
    """A readable label in the customers' words: the phrase of two telling words (possibly joined by a short
    word: "pakowanie na prezent") most of the cluster's tickets share, else its most telling word; plus up to
    six terms (the most common spelling of each telling stem)."""
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    phrases: Counter[str] = Counter()
    top = set(stems[:6])
    stop = textmod.stopwords()
    for doc in docs:
        raw = _RAW_TOKEN.findall(doc.lower())
        found: set[str] = set()
        for tok in raw:
            if tok not in stop:
                surfaces[textmod.stem(tok)][tok] += 1
        for i, a in enumerate(raw):
            if a in stop or textmod.stem(a) not in top:
                continue
            for j in (i + 1, i + 2):
                if j >= len(raw):
                    break
                b = raw[j]
                if j == i + 2 and raw[i + 1] not in stop:
                    break
                if b not in stop and textmod.stem(b) in top and textmod.stem(b) != textmod.stem(a):
                    found.add(" ".join(raw[i:j + 1]))
                    break
                if b not in stop:
                    break
        phrases.update(found)
    terms = [surfaces[s].most_common(1)[0][0] for s in stems if surfaces.get(s)][:6]
    lead = stems[0] if stems else ""
    with_lead = [(p, f) for p, f in phrases.most_common() if lead in {textmod.stem(w) for w in p.split()}]
    if with_lead and with_lead[0][1] >= 0.3 * len(docs):
        return with_lead[0][0], terms
    return (terms[0] if terms else "other"), terms


_RAW_TOKEN = re.compile(r"[^\W\d_]+")
