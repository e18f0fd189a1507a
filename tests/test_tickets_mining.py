"""Taxonomy assignment per language, clustering of store-specific topics, the mined artifact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.tickets import analyze_tickets, taxonomy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text,topic", [
    ("Where is my order? It still hasn't arrived.", "order-status"),
    ("Gdzie jest moja paczka? Nadal nie dotarła.", "order-status"),
    ("Де моє замовлення? Досі не прийшло.", "order-status"),
    ("Proszę o fakturę VAT na firmę", "invoices"),
    ("Нужен счёт-фактура для бухгалтерии", "invoices"),
    ("Potřebuji fakturu na firmu", "invoices"),
    ("Ich brauche eine Rechnung", "invoices"),
    ("Kod rabatowy nie działa", "discount-codes"),
    ("Промокод не працює", "discount-codes"),
    ("Mein Gutscheincode funktioniert nicht", "discount-codes"),
    ("Прошу отменить заказ", "cancel-change-order"),
    ("Chcem zrušiť objednávku", "cancel-change-order"),
    ("The shoes arrived damaged", "damaged-wrong-item"),
    ("Přišlo poškozené zboží", "damaged-wrong-item"),
    ("Kiedy dostanę zwrot pieniędzy?", "refunds"),
    ("Когда вернутся деньги за возврат?", "refunds"),
    ("Jak zwrócić buty?", "returns"),
    ("Ile kosztuje dostawa?", "delivery-cost"),
    ("Wie lange dauert die Lieferung?", "delivery-time"),
    ("Kauf auf Rechnung möglich?", "payment-methods"),
    ("Який розмір обрати?", "size-fit"),
    ("Akú veľkosť si mám vybrať?", "size-fit"),
    ("I love your shop", None),
])
def test_taxonomy_assignment_in_every_language(text, topic):
    assert taxonomy.assign(text) == topic


def test_taxonomy_is_complete_in_every_language():
    for topic in taxonomy.TOPICS.values():
        for lang in ("en", "pl", "uk", "ru", "sk", "cs", "de"):
            assert topic.terms.get(lang), (topic.id, lang)
            assert topic.labels.get(lang) and topic.questions.get(lang), (topic.id, lang)


def test_mined_artifact_counts_shares_months_examples():
    artifact = analyze_tickets(FIXTURES / "freshdesk_pl.csv")
    assert artifact.imported == 300 and artifact.format == "freshdesk-csv" and artifact.encoding == "cp1250"
    by_id = {t.id: t for t in artifact.topics}
    designed = EXPECTED["files"]["freshdesk_pl.csv"]["designed"]
    for topic_id in EXPECTED["demo_gaps"] + EXPECTED["demo_covered"]:
        assert abs(by_id[topic_id].count - designed[topic_id]) <= 0.2 * designed[topic_id], topic_id
        assert by_id[topic_id].share == pytest.approx(by_id[topic_id].count / 300, abs=1e-3)
        assert len(by_id[topic_id].examples) == 3
        assert sum(by_id[topic_id].by_month.values()) == by_id[topic_id].count
        assert set(by_id[topic_id].by_month) <= {f"2024-0{m}" for m in range(1, 7)}
    assert [t.count for t in artifact.topics] == sorted((t.count for t in artifact.topics), reverse=True)
    assert artifact.languages.get("pl") == 300


@pytest.mark.parametrize("name,lang,expect", [
    ("store_topics_en.csv", "en", {"gift": "gift wrapping", "loyalty": "loyalty points", "engraving": None}),
    ("store_topics_pl.jsonl", "pl", {"prezent": None, "lojalnościowe": "punkty lojalnościowe", "grawer": None}),
])
def test_clustering_surfaces_store_specific_topics_with_readable_labels(name, lang, expect):
    artifact = analyze_tickets(FIXTURES / name)
    clusters = [t for t in artifact.topics if t.origin == "cluster"]
    assert len(clusters) == 3, [(c.label, c.count) for c in clusters]
    designed = EXPECTED["files"][name]["store_topics"]
    for word, label in expect.items():
        matching = [c for c in clusters if word in c.label or word in c.terms[:3]]
        assert len(matching) == 1, (word, [(c.label, c.terms) for c in clusters])
        cluster = matching[0]
        if label:
            assert cluster.label == label
        assert cluster.id.startswith("cluster-") and len(cluster.examples) == 3
        assert all(word in e.lower() or any(t in e.lower() for t in cluster.terms[:3]) for e in cluster.examples)
        assert cluster.count >= 0.2 * max(designed.values()) and cluster.share >= 0.02
    # the generic taxonomy topics are still there, and nothing else became a cluster
    assert {t.id for t in artifact.topics if t.origin == "taxonomy"} >= set(EXPECTED["demo_gaps"])


def test_sample_exports_without_store_topics_make_no_cluster():
    artifact = analyze_tickets(FIXTURES / "zendesk_en.csv")
    assert [t for t in artifact.topics if t.origin == "cluster"] == []
    assert artifact.unexplained <= 0.06 * artifact.imported
