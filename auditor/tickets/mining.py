"""Topic mining: the built-in taxonomy first, then clustering of what it does not explain.

Every ticket is scored against the taxonomy (:mod:`auditor.tickets.taxonomy`) as it streams by; counts,
months and a handful of example candidates are aggregated on the fly, so memory does not grow with the
export. Tickets no taxonomy topic explains go to a bounded reservoir sample; at the end that sample is
clustered with scikit-learn (TF-IDF over the stems of each ticket's language, MiniBatchKMeans with k chosen
by silhouette) so store-specific topics ("gift wrapping", "engraving") surface with readable labels (their
customers' own
words) and examples. Only clusters that hold together are reported: their top term must be in at least half
of their tickets. Demand is measured on merged topics, not fragments: a cluster whose tickets look like those
of a taxonomy topic (cosine of the TF-IDF centroids at least :data:`TOPIC_MERGE`, against a sample of the
topic's own tickets) is merged into that topic, before any share threshold is applied; clusters with the same
label are one topic. Only then must a store-specific cluster hold ``min_cluster_share`` of the tickets.

Everything stored (examples, labels, terms) comes from redacted text.
"""

from __future__ import annotations

import heapq
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from threadpoolctl import threadpool_limits

from auditor.analysis import language
from auditor.model import TicketsArtifact, TicketTopic
from auditor.tickets import stemming, taxonomy
from auditor.tickets import text as textmod
from auditor.tickets.importers import Ticket, cpu_workers, read_tickets

Progress = Callable[..., None]

SAMPLE_SIZE = 6000  # unexplained tickets kept for clustering
EXAMPLES = 3
CANDIDATES = 12  # example candidates kept per topic while streaming
MIN_CLUSTER_SHARE = 0.01  # a cluster must hold at least this share of all tickets...
MIN_CLUSTER_SIZE = 8  # ...and at least this many sampled tickets
COHESION = 0.5  # its most telling word must be in at least this share of its tickets
MERGE = 0.3  # clusters whose centroids are at least this similar (cosine) are one topic
TOPIC_MERGE = 0.3  # a cluster at least this similar to a taxonomy topic's tickets is part of that topic
TOPIC_SAMPLE = 200  # tickets kept per taxonomy topic to compare clusters with...
CLEAR = 2  # ...among those whose score for it is at least this (more than one generic word)
K_CANDIDATES = (2, 3, 4, 6, 8, 10, 12, 16, 20, 25, 30)
EXAMPLE_CHARS = 280
WARM_UP = 3000  # tickets read (in worker processes by then) before scikit-learn is imported alongside


def analyze_tickets(path: str | Path, text_column: str | None = None, progress: Progress | None = None, *,
                    sample_size: int = SAMPLE_SIZE, min_cluster_share: float = MIN_CLUSTER_SHARE,
                    seed: int = 0, workers: int | None = None) -> TicketsArtifact:
    """Read a ticket export, assign topics, cluster the rest, and return the :class:`TicketsArtifact`.

    ``progress(event, **data)`` (optional) receives ``("stage", name=..., total=None)`` and
    ``("done", pages=<tickets read>, total=None)`` as the crawl's progress events do.
    ``workers``: processes that clean, redact and score the tickets (default: one per core the process may use;
    the result does not depend on it, see :meth:`auditor.tickets.importers.TicketStream.analysed`).
    Raises :class:`auditor.errors.UsageError` when the file cannot be read as a ticket export.
    """
    stream = read_tickets(path, text_column=text_column)
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    months: dict[str, Counter[str]] = defaultdict(Counter)
    candidates: dict[str, list[tuple[tuple[float, ...], int, str]]] = defaultdict(list)
    languages: Counter[str] = Counter()
    reservoir: list[tuple[str, str]] = []
    topic_samples: dict[str, list[str]] = defaultdict(list)
    unexplained = 0
    if progress:
        progress("stage", name="Reading tickets", total=None)
    workers = workers or cpu_workers()
    for index, (ticket, scores) in enumerate(stream.analysed(_scores, workers)):
        if index == WARM_UP and workers > 1:  # the workers are busy: load the clustering libraries meanwhile
            _import_clustering()
        languages[ticket.language or "unknown"] += 1
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
            kept = topic_samples[topic]
            if scores[topic] < CLEAR:
                pass  # compare clusters only with the topic's clear tickets, not with lone generic words
            elif len(kept) < TOPIC_SAMPLE:
                kept.append(ticket.text[:1000])
            elif (slot := rng.randrange(counts[topic])) < TOPIC_SAMPLE:  # reservoir over the topic's tickets
                kept[slot] = ticket.text[:1000]
        if progress and (index + 1) % 10000 == 0:
            progress("done", pages=index + 1, total=None)
    imported = stream.imported
    clusters: list[TicketTopic] = []
    merged: dict[str, list[TicketTopic]] = defaultdict(list)
    if reservoir:
        if progress:
            progress("stage", name="Clustering unexplained tickets", total=None)
        for cluster, into in cluster_topics_of(reservoir, unexplained, imported, min_cluster_share, seed,
                                               topic_samples=topic_samples):
            if into:
                merged[into].append(cluster)
            elif not imported or cluster.count >= min_cluster_share * imported:
                clusters.append(cluster)
    topics: list[TicketTopic] = []
    for topic_id in set(counts) | set(merged):
        parts = merged.get(topic_id, [])
        count = counts[topic_id] + sum(c.count for c in parts)
        by_month = Counter(months[topic_id])
        for part in parts:
            by_month.update(part.by_month)
        examples = _pick_examples(candidates[topic_id]) if candidates.get(topic_id) else []
        for part in parts:
            examples = _distinct([*examples, *part.examples])
        topics.append(TicketTopic(
            id=topic_id, label=taxonomy.label(topic_id), origin="taxonomy", count=count,
            share=round(count / imported, 4) if imported else 0.0,
            terms=[], by_month=dict(sorted(by_month.items())), examples=examples,
            estimated=any(part.estimated for part in parts), merged=[part.label for part in parts],
        ))
    topics += clusters
    clustered = sum(t.count for t in clusters) + sum(c.count for parts in merged.values() for c in parts)
    topics.sort(key=lambda t: (-t.count, t.id))
    return TicketsArtifact(
        source=Path(path).name, format=stream.format, encoding=stream.encoding, total=stream.total,
        imported=imported, broken_rows=stream.broken_rows, empty=stream.empty,
        languages=dict(languages.most_common()), topics=topics, unexplained=max(0, unexplained - clustered),
        columns=dict(stream.columns), redactions=stream.redactions,
    )


def _scores(ticket: Ticket) -> dict[str, float]:
    return taxonomy.scores(ticket.text, ticket.language or None)


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


def _offer_example(heap: list, ticket: Ticket, scores: dict[str, float], topic: str, index: int,
                   rng: random.Random) -> None:
    """Keep the clearest candidates: a wide margin over the runner-up topic, a readable length."""
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - (ranked[1] if len(ranked) > 1 else 0)
    length = len(ticket.body) + len(ticket.subject)
    readable = 1.0 if 40 <= length <= 400 else 0.0
    key = (float(min(margin, 4)), readable, rng.random())
    item = (key, index, ticket)
    if len(heap) < CANDIDATES:
        heapq.heappush(heap, item)
    elif key > heap[0][0]:
        heapq.heapreplace(heap, item)


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


def _import_clustering() -> None:
    import sklearn.cluster  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401
    import sklearn.metrics  # noqa: F401


def _analyzer(text: str) -> list[str]:
    return textmod.stems(text)


def cluster_topics_of(sample: list[tuple[str, str]], unexplained: int, imported: int,
                      min_share: float = MIN_CLUSTER_SHARE, seed: int = 0, *,
                      topic_samples: dict[str, list[str]] | None = None) -> list[tuple[TicketTopic, str | None]]:
    """Cluster a sample of (text, month) of unexplained tickets into labelled topics (see module doc).

    Returns every cluster that holds together with the taxonomy topic it merges into (``None`` for a
    store-specific topic); the share threshold is left to the caller, to apply on merged demand. Fragments
    smaller than ``min_share`` are kept here so that together they can count for the topic they belong to."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(sample)
    scale = unexplained / n if n else 1.0
    min_size = MIN_CLUSTER_SIZE
    # words must be in at least a third of the tickets of a cluster worth reporting (fragments included: half
    # the reportable size), which keeps the vocabulary, and k-means, small on large exports
    share_size = math.ceil(min_share * imported / scale / 2) if imported else min_size
    if n < 2 * min_size:
        return []
    texts = [t for t, _ in sample]
    vectorizer = TfidfVectorizer(analyzer=_analyzer, min_df=max(2, share_size // 3), max_df=0.6,
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
    with threadpool_limits(limits=1):  # small matrices: OpenMP threads cost more than they give on a busy machine
        best = _best_kmeans(matrix, rows, probe_idx, min_size, seed)
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
    topic_ids = sorted(t for t, texts in (topic_samples or {}).items() if texts)
    topic_centres, joint = None, None
    if topic_ids:
        # one vocabulary for both sides (the clustering one only knows the unexplained tickets' words)
        joint = TfidfVectorizer(analyzer=_analyzer, min_df=2, max_df=0.3, sublinear_tf=True, dtype=np.float32)
        topic_docs = [topic_samples[t] for t in topic_ids]  # type: ignore[index]
        try:
            joint.fit(texts + [doc for docs_t in topic_docs for doc in docs_t])
            topic_centres = _unit_rows(np.vstack([np.asarray(joint.transform(d).mean(axis=0)).ravel()
                                                  for d in topic_docs]))
        except ValueError:
            joint = None
    found: dict[frozenset[str], tuple[TicketTopic, str | None]] = {}
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
        label, terms = _label(docs, stems)
        month_counts = Counter(sample[i][1] for i in member_rows if sample[i][1])
        sub = matrix[members]
        centre = np.asarray(sub.mean(axis=0)).ravel()
        closeness = sub @ centre
        examples = _distinct(_shorten(" ".join(docs[int(i)].split()), EXAMPLE_CHARS) for i in np.argsort(-closeness))
        into = None
        if topic_centres is not None and joint is not None:
            centre_j = _unit_rows(np.asarray(joint.transform(docs).mean(axis=0)))[0]
            similarity_t = topic_centres @ centre_j
            best_t = int(np.argmax(similarity_t))
            if similarity_t[best_t] >= TOPIC_MERGE:
                into = topic_ids[best_t]
        topic = TicketTopic(
            id=cluster_id(label), label=label, origin="cluster", count=count,
            share=round(count / imported, 4) if imported else 0.0, terms=terms,
            by_month={m: round(c * scale) for m, c in sorted(month_counts.items())},
            examples=examples, estimated=scale > 1.0,
        )
        lang = Counter(language.guess_language(d) for d in docs[:50]).most_common(1)[0][0] or "en"
        same = _label_key(label, lang)
        telling = _label_key(" ".join(terms[:3]), lang)
        same = next((k for k, (t, _) in found.items()
                     if k == same or telling & _label_key(" ".join(t.terms[:3]), lang)), same)
        if same in found:  # k-means split one topic into phrasings with the same label words: one topic again
            first, first_into = found[same]
            if topic.count > first.count:
                first, topic = topic.model_copy(update={"by_month": first.by_month}), \
                    first.model_copy(update={"by_month": topic.by_month})
            months_sum = Counter(first.by_month)
            months_sum.update(topic.by_month)
            total = first.count + topic.count
            found[same] = (first.model_copy(update={
                "count": total, "share": round(total / imported, 4) if imported else 0.0,
                "by_month": dict(sorted(months_sum.items())),
                "examples": _distinct([*first.examples, *topic.examples])}), first_into or into)
        else:
            found[same] = (topic, into)
    return list(found.values())


def _label_key(label: str, lang: str) -> frozenset[str]:
    """What makes two clusters one topic: the same words in their labels, or a telling word (one of the three
    that set it apart) in common — compared on the first five letters of the stems ("pakowanie na prezent",
    "pakowania prezentów", "papier prezentowy"; a stemmer alone misses some Slavic word formation)."""
    return frozenset(k[:5] for k in textmod.stems(label, lang)) or frozenset([label])


def _unit_rows(matrix: Any) -> Any:
    import numpy as np

    matrix = np.atleast_2d(np.asarray(matrix, dtype=np.float64))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _best_kmeans(matrix: Any, rows: Any, probe_idx: Any, min_size: int, seed: int) -> tuple[float, Any] | None:
    """The k-means model of the best silhouette among :data:`K_CANDIDATES` (``None`` when none separates)."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.metrics import silhouette_score

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
    return best


def cluster_id(label: str) -> str:
    slug = re.sub(r"[^\w]+", "-", label.lower()).strip("-")
    return f"cluster-{slug[:60]}"


def _label(docs: list[str], stems: list[str]) -> tuple[str, list[str]]:
    """A readable label in the customers' words and language: the phrase of two or three words (possibly
    joined by one short word: "pakowanie na prezent", "loyalty points") that contains one of the cluster's
    three most telling stems and that most of its tickets share (a phrase in a subject line counts twice: subjects name
    the topic, bodies add products and circumstances), written the way they most often write it; else the most
    common spelling of that stem. Stop words of every language (:func:`auditor.tickets.text.stopwords`:
    "czym", "mogę", "dieses", "use", "check") never start or end a label. Plus up to six terms (the most
    common spelling of each telling stem)."""
    stop = textmod.stopwords()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    phrases: Counter[tuple[str, ...]] = Counter()
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    telling = set(stems[:3])
    for doc in docs:
        lang = language.guess_language(doc) or "en"
        subject_words = len(_RAW_TOKEN.findall(doc.split("\n", 1)[0])) if "\n" in doc else 0
        raw = _RAW_TOKEN.findall(doc.lower())
        keys = [stemming.key(tok, lang) for tok in raw]
        seen: set[tuple[str, ...]] = set()
        for i, tok in enumerate(raw):
            if tok in stop or len(tok) < 2:
                continue
            surfaces[keys[i]][tok] += 1
            for length in (2, 3):
                j = i + length
                if j > len(raw):
                    break
                window = raw[i:j]
                if window[-1] in stop or len(window[-1]) < 2:
                    continue
                inner_stops = [w for w in window[1:-1] if w in stop]
                if any(len(w) > 3 for w in inner_stops):
                    continue
                key = tuple(keys[i:j])
                if telling and not telling.intersection(key):
                    continue
                if key not in seen:
                    seen.add(key)
                    phrases[key] += 2 if j <= subject_words else 1  # a subject line names the topic
                spellings[key][" ".join(window)] += 1
    terms = [surfaces[s].most_common(1)[0][0] for s in stems if surfaces.get(s)][:6]
    threshold = 0.3 * len(docs)  # (subject phrases count twice)
    ranked = [(key, count) for key, count in phrases.most_common() if count >= threshold]
    if ranked:
        key, count = ranked[0]
        # a three-word phrase that nearly every ticket of its two-word core has is the better label
        longer = [(k, c) for k, c in ranked if len(k) == 3 and c >= 0.8 * count and
                  (k[:2] == key or k[1:] == key)]
        if len(key) == 2 and longer:
            key = longer[0][0]
        return spellings[key].most_common(1)[0][0], terms
    return (terms[0] if terms else "other"), terms


_RAW_TOKEN = re.compile(r"[^\W\d_]+")
