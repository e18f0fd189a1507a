"""FAQ and help content extraction from saved HTML and structured data."""

from __future__ import annotations

from auditor.model import Artifacts, PageArtifact
from auditor.tickets.coverage import entry_mentions, entry_topics
from auditor.tickets.faq import HelpEntry, extract_help_content, html_entries, looks_like_question

HTML = """<html lang="en"><head><title>Help</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
 {"@type":"Question","name":"How much does delivery cost?","acceptedAnswer":{"@type":"Answer",
  "text":"<p>Delivery costs <b>£3.95</b>, free over £50.</p>"}}]}</script></head>
<body><header><nav><h2>Where is the menu?</h2></nav></header><main>
<details><summary>Can I return my order?</summary><p>Yes, within 30 days with the prepaid label.</p></details>
<dl><dt>Jak otrzymać fakturę?</dt><dd>Zaznacz fakturę w koszyku i podaj NIP.</dd></dl>
<div class="faq-item"><button class="accordion-button" aria-controls="p1">Как отследить заказ?</button>
<div id="p1" class="accordion-body">Трек-номер придёт по SMS.</div></div>
<div class="faq"><div class="faq-question">Kann ich mit PayPal bezahlen?</div><div class="faq-answer">Ja, mit PayPal
und Kreditkarte.</div></div>
<h2>Wie lange dauert die Lieferung?</h2><p>Zwei bis drei Werktage.</p><p>Express: ein Tag.</p>
<h2>About us</h2><p>We are a family business.</p>
</main></body></html>"""


def test_every_faq_form_is_extracted():
    entries = {e.question: e for e in html_entries(HTML, "https://shop.example/help", "en")}
    assert entries["How much does delivery cost?"].source == "json-ld"
    assert entries["How much does delivery cost?"].answer == "Delivery costs £3.95, free over £50."
    assert entries["Can I return my order?"].source == "details"
    assert "30 days" in entries["Can I return my order?"].answer
    assert entries["Jak otrzymać fakturę?"].source == "dl"
    assert entries["Как отследить заказ?"].source == "accordion"
    assert entries["Как отследить заказ?"].answer == "Трек-номер придёт по SMS."
    assert entries["Kann ich mit PayPal bezahlen?"].answer.startswith("Ja, mit PayPal")
    assert entries["Wie lange dauert die Lieferung?"].source == "heading"
    assert entries["Wie lange dauert die Lieferung?"].answer == "Zwei bis drei Werktage. Express: ein Tag."
    assert "About us" not in entries  # not a question, not a help page
    assert "Where is the menu?" not in entries  # navigation is not content


def test_help_page_sections_and_page_entries(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(
        "<html><body><h1>Size guide</h1><p>Our shoes are true to size; choose the larger of two sizes.</p>"
        "<h2>How to measure</h2><p>Measure your foot from heel to toe in centimetres.</p></body></html>")
    page = PageArtifact(url="https://s.example/size-guide", final_url="https://s.example/size-guide", status=200,
                        title="Size guide", headings=["Size guide", "How to measure"], page_type="other",
                        text="Size guide Our shoes are true to size; choose the larger of two sizes.",
                        html_file="pages/a.html", lang="en")
    artifacts = Artifacts(start_url="https://s.example/", pages=[page])
    artifacts.base_dir = str(tmp_path)
    entries = extract_help_content(artifacts)
    page_entry = next(e for e in entries if e.source == "page")
    assert entry_topics(page_entry) == ["size-fit"]
    assert any(e.question == "How to measure" for e in entries)


def test_question_phrasing_in_our_languages():
    for text in ("Jak zwrócić towar", "Як повернути товар", "Kedy príde zásielka", "Wann kommt mein Paket",
                 "Delivery?", "Сколько стоит доставка"):
        assert looks_like_question(text), text
    assert not looks_like_question("About us") and not looks_like_question("Dostawa")


def test_faq_entries_classify_into_the_taxonomy_across_languages():
    entries = {e.question: e for e in html_entries(HTML, "https://shop.example/help", "en")}
    assert entry_topics(entries["How much does delivery cost?"]) == ["delivery-cost"]
    assert entry_topics(entries["Jak otrzymać fakturę?"]) == ["invoices"]
    assert entry_topics(entries["Как отследить заказ?"]) == ["order-status"]
    assert entry_topics(entries["Kann ich mit PayPal bezahlen?"]) == ["payment-methods"]



def test_questions_in_an_open_shadow_root_the_crawl_saved_are_read():
    """A help page built from web components: the crawl saves each open shadow root as declarative shadow DOM
    (a template in its host); its accordion is the page's content, not an inert template."""
    html = """<html lang="de"><body><main><faq-list><template shadowrootmode="open">
    <details><summary>Wie lange dauert der Versand?</summary><p>2–3 Werktage mit DHL.</p></details>
    </template></faq-list></main></body></html>"""
    entries = {e.question: e for e in html_entries(html, "https://shop.example/hilfe", "de")}
    assert entries["Wie lange dauert der Versand?"].answer == "2–3 Werktage mit DHL."

def test_a_generic_word_in_an_answer_is_not_a_near_miss():
    # the refund entry says "account" (the bank account the money goes to): it does not speak of logging in
    entry = HelpEntry(question="When will I get my refund?", source="details", url="https://shop.example/faq",
                      answer="Refunds are paid back to your account within 5 working days after we receive the "
                             "parcel.", lang="en")
    entry.topics = entry_topics(entry)
    assert entry.topics == ["refunds"]
    assert "account-login" not in entry_mentions(entry)
    # an answer that does speak of another topic with a specific term mentions it (a near-miss for that topic)
    other = HelpEntry(question="How do I return an item?", source="details", url="https://shop.example/faq",
                      answer="Send it back with the prepaid label. Delivery cost is not refunded and the size "
                             "chart helps you choose next time.", lang="en")
    other.topics = entry_topics(other)
    assert "size-fit" in entry_mentions(other)
