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


@pytest.mark.parametrize("text, lang, topic", [
    ("I want to leave feedback, I feel the quality is great", "en", None),  # "fee" is not in "feedback"
    ("My tracksuit top is lovely", "en", None),  # "track" is not in "tracksuit"
    ("Could you open one more box for me?", "en", None),  # "open on" is not in "open one"
    ("Wszystkie części składają się łatwo", "pl", None),  # "skład" (composition) is not "składają"
    ("Jaki jest skład tej bluzy?", "pl", "product-details"),
    ("shipping?", "en", None),  # a lone generic word shared by topics: tied evidence, honestly unassigned
    ("The parcel is not damaged, I just want to send it back", "en", "returns"),  # negation
    ("zamowienia nadal nie dostalam, gdzie jest moja paczka", "pl", "order-status"),  # no diacritics
    ("Chciałabym anulować zamówienie złożone wczoraj", "pl", "cancel-change-order"),
    ("Wann bekomme ich die Rückerstattung für die Retoure?", "de", "refunds"),  # specific beats generic
    ("Can I change the delivery address of my account?", "en", "delivery-address"),
    # phrase words may stand apart (Slavic and German word order): "płatność … nie przeszła"
    ("Płatność kartą niestety nie przeszła, co teraz?", "pl", "payment-problem"),
    ("Die Zahlung ist leider fehlgeschlagen", "de", "payment-problem"),
    ("Prosím o zrušení mé včerejší objednávky", "cs", "cancel-change-order"),
    # not a support topic: "magazyn"/"Lager" (warehouse) also means stock, but a job application has no topic
    ("Czy szukacie pracowników do magazynu? CV w załączniku.", "pl", None),
    ("Ich möchte mich als Aushilfe im Lager bewerben.", "de", None),
    ("Haben Sie die Stiefel noch auf Lager?", "de", "availability"),
])
def test_matching_means_words(text, lang, topic):
    assert taxonomy.assign(text, lang) == topic, taxonomy.matcher().evidence(text, lang)


def test_cluster_overlapping_a_taxonomy_topic_merges_into_it(tmp_path, monkeypatch):
    """Tickets a thinner vocabulary cannot place form a cluster like the topic's own tickets: counted there."""
    import csv
    import dataclasses
    import random

    rng = random.Random(1)
    rows = []
    for _ in range(400):
        r, o = rng.random(), rng.randrange(10000, 99999)
        if r < 0.15:
            rows.append(f"Could you send me the invoice for order {o}? I need it for the bookkeeping of my "
                        f"{rng.choice(['company', 'firm', 'business'])}.")
        elif r < 0.25:
            rows.append(f"Where can I download a VAT receipt for order {o}? I need it for the bookkeeping of "
                        f"my {rng.choice(['company', 'firm', 'business'])}.")
        elif r < 0.55:
            rows.append(f"Where is my order {o}? It has not arrived yet and tracking shows nothing.")
        else:
            rows.append(f"I would like to return the shoes from order {o}, how do I send them back?")
    export = tmp_path / "t.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Subject", "Description"])
        writer.writerows(["", r] for r in rows)
    invoices = dataclasses.replace(taxonomy.TOPICS["invoices"], terms={"en": ["invoice:4"]})
    thin = {**taxonomy.TOPICS, "invoices": invoices}
    matcher = taxonomy.Matcher(thin.values())
    monkeypatch.setattr(taxonomy, "matcher", lambda: matcher)
    artifact = analyze_tickets(export)
    invoices = next(t for t in artifact.topics if t.id == "invoices")
    expected = sum(1 for r in rows if "invoice" in r or "VAT receipt" in r)
    assert invoices.merged and abs(invoices.count - expected) <= 0.1 * expected
    assert not [t for t in artifact.topics if t.origin == "cluster"]


def test_phrase_stop_words_must_stand_next_to_their_neighbour():
    # "z czego" (what is it made of) must not be found as "z" … "czego" words apart
    text = "Ile punktów dostaję za zakupy i z tego, czego nie wykorzystam, coś przepada?"
    assert "product-details" not in taxonomy.matcher().evidence(text, "pl")
    assert "product-details" in taxonomy.matcher().evidence("A z czego jest ta kurtka?", "pl")
