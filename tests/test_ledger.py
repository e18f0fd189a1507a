"""Ledger reading from recorded rows (auditor.ledger): notes, headings, compounds, ranges, boxes, reconciling."""

from __future__ import annotations

import pytest

from auditor.ledger import money_in, parse_rows, reconcile
from auditor.model import CheckoutStep


def rows(*pairs, **extra):
    return [{"label": label, "value": value, **extra} for label, value in pairs]


def kinds(lines):
    return [(line.kind, line.amount) for line in lines]


@pytest.mark.parametrize("label, value", [
    ("incl. VAT", "€2.38"), ("Including €7.97 in taxes", "€7.97"), ("w tym VAT", "11,40 zł"),
    ("inkl. MwSt.", "7,97 €"), ("в т.ч. НДС", "200 ₽"), ("у т.ч. ПДВ", "150 грн"), ("vrátane DPH", "8,33 €"),
    ("včetně DPH", "100,31 Kč"),
])
def test_subordinate_lines_are_notes_never_totals(label, value):
    lines = parse_rows(rows(("Total", "€49.90"), (label, value)), "")
    assert [line.kind for line in lines] == ["total", "note"]


def test_headings_whole_boxes_and_currency_labels_are_not_lines():
    got = parse_rows(rows(("Order summary", "€49.90"), ("Podsumowanie zamówienia", "49,90 zł"),
                          ("Subtotal €45.00 Shipping €4.90 Total", "€49.90"), ("EUR", "€49.90"),
                          ("Subtotal", "€45.00 €49.90"), ("Subtotal", "€45.00")), "")
    assert kinds(got) == [("subtotal", 45.0)]


@pytest.mark.parametrize("label, kind", [("Standardversand", "shipping"), ("Bestellsumme", "total"),
                                         ("Versandkostenpauschale", "shipping"), ("Zustellung", "shipping"),
                                         ("1 položka", "subtotal"), ("3 items", "subtotal"), ("Kwota", "subtotal"),
                                         ("Kwota do zapłaty", "total")])
def test_label_words_inside_compounds_and_item_counts(label, kind):
    assert parse_rows(rows((label, "4,12 €")), "")[0].kind == kind


def test_a_range_is_not_a_price_and_a_dash_is_not_a_minus():
    assert money_in("2-4 days") is None
    assert money_in("2–4 Werktage 4,90 €").amount == 4.9
    assert money_in("- 5,00 €").amount == -5.0
    assert money_in("−€5.00").amount == -5.0
    assert money_in("Doprava: Zásilkovna 79 Kč, doručení za 2–3 pracovní dny").amount == 79.0
    # ... but a sentence is not a line's value
    assert parse_rows(rows(("Včetně DPH", "Doprava: Zásilkovna 79 Kč, doručení za 2–3 pracovní dny")), "") == []


def test_a_chosen_option_restating_a_summary_line_is_not_counted_twice():
    got = parse_rows([{"label": "Paczkomat InPost", "value": "11,99 zł", "choice": True},
                      {"label": "Wysyłka", "value": "11,99 zł"}, {"label": "Łącznie", "value": "60,99 zł"}], "")
    assert kinds(got) == [("shipping", 11.99), ("total", 60.99)]


def _step(*pairs):
    return CheckoutStep(url="https://s.example/c", price_lines=parse_rows(rows(*pairs), ""))


def test_reconcile_tax_included_added_or_unreadable():
    included = reconcile(_step(("Subtotal", "€45.00"), ("Shipping", "€4.90"), ("VAT 19%", "€7.97"),
                               ("Total", "€49.90")).price_lines)
    assert (included.reconciled, included.tax_included) == (True, True)
    added = reconcile(_step(("Zwischensumme", "37,82 €"), ("Standardversand", "4,12 €"),
                            ("zzgl. 19 % MwSt.", "7,97 €"), ("Bestellsumme", "49,91 €")).price_lines)
    assert (added.reconciled, added.tax_included) == (True, False)
    broken = reconcile(_step(("Subtotal", "€45.00"), ("Shipping", "€4.90"), ("Total", "€51.40")).price_lines)
    assert broken.reconciled is False and "49.90" in broken.reason and "51.40" in broken.reason
    assert reconcile(_step(("Subtotal", "€45.00")).price_lines).reconciled is None


@pytest.mark.parametrize("goods_label, total_label", [("Cart total", "Order total"), ("Razem", "Wartość zamówienia"),
                                                     ("Warenkorb-Summe", "Gesamtsumme")])
def test_an_earlier_total_raised_by_the_charges_below_it_is_the_goods_subtotal(goods_label, total_label):
    got = parse_rows(rows(("Linen Shirt – M", "39,00 €"), (goods_label, "39,00 €"), ("Standard delivery", "4,90 €"),
                          (total_label, "43,90 €")), "")
    assert kinds(got) == [("item", 39.0), ("subtotal", 39.0), ("shipping", 4.9), ("total", 43.9)]
    assert reconcile(got).reconciled is True


@pytest.mark.parametrize("goods_label, total_label, value", [("Сумма", "Итого", "2 490,00 ₽"),
                                                            ("Сума", "Усього", "960,00 ₴"),
                                                            ("Total", "Amount due", "€39.00")])
def test_the_goods_sum_before_any_charge_is_the_subtotal_when_nothing_is_added_yet(goods_label, total_label, value):
    got = parse_rows(rows((goods_label, value), (total_label, value)), "")  # a basket before delivery is chosen
    assert [k for k, _ in kinds(got)] == ["subtotal", "total"]
    assert reconcile(got).reconciled is True
    charged = parse_rows(rows(("Сумма", "2 490,00 ₽"), ("Фиксированная стоимость доставки", "350,00 ₽"),
                              ("Сбор за обработку заказа", "100,00 ₽"), ("Итого", "2 940,00 ₽")), "")
    assert kinds(charged) == [("subtotal", 2490.0), ("shipping", 350.0), ("fee", 100.0), ("total", 2940.0)]
    assert reconcile(charged).reconciled is True


def test_two_totals_that_charges_do_not_explain_stay_totals():
    got = parse_rows(rows(("Total", "39,00 €"), ("Standard delivery", "4,90 €"), ("Order total", "50,00 €")), "")
    assert [k for k, _ in kinds(got)] == ["total", "shipping", "total"]
    assert reconcile(got).reconciled is False


def test_a_price_with_its_tax_qualifier_is_the_item_and_a_bare_count_is_no_line():
    got = parse_rows(rows(("Price (excl. tax)", "€12.00"), ("Price (incl. tax)", "€12.00"),
                          ("Number of reviews", "0"), ("Preis (exkl. Steuer)", "12,00 €"), ("Cena (netto)", "12,00 €"),
                          ("Shipping", "0")), "")
    assert kinds(got) == [("item", 12.0), ("note", 12.0), ("item", 12.0), ("item", 12.0), ("shipping", 0.0)]


def test_a_net_total_after_the_delivery_charge_stays_a_total():
    got = parse_rows(rows(("Zwischensumme", "37,82 €"), ("Standardversand", "4,12 €"),
                          ("Gesamtsumme (netto)", "41,94 €"),
                          ("zzgl. 19 % MwSt.", "7,97 €"), ("Bestellsumme", "49,91 €")), "")
    assert [k for k, _ in kinds(got)] == ["subtotal", "shipping", "total", "tax", "total"]
    assert reconcile(got).reconciled is True


def test_the_goods_sum_stated_twice_is_one_subtotal():
    got = parse_rows(rows(("Price", "€12.00"), ("Total", "€12.00"), ("Cart total", "€12.00"),
                          ("Standard delivery", "€4.90"), ("Order total", "€16.90")), "")
    assert kinds(got) == [("item", 12.0), ("subtotal", 12.0), ("shipping", 4.9), ("total", 16.9)]


@pytest.mark.parametrize("value, total, note", [
    ("960,00 ₴ (включає 160,00 ₴ ПДВ)", 960.0, 160.0),  # WooCommerce classic: the total cell and its <small>
    ("€54.90 (includes €9.15 VAT)", 54.9, 9.15), ("60,99 zł (w tym 11,40 zł VAT)", 60.99, 11.4),
    ("49,90 € inkl. 7,97 € MwSt.", 49.9, 7.97),
])
def test_a_total_that_states_what_it_includes_is_a_total_and_a_note(value, total, note):
    assert kinds(parse_rows(rows(("Total", value)), "")) == [("total", total), ("note", note)]
    # two prices without an "includes" word between them stay a whole box, not a line
    assert kinds(parse_rows(rows(("Total", "€54.90 €9.15")), "")) == []


@pytest.mark.parametrize("label, value", [("Koszt dostawy od", "12,99 zł"), ("Shipping", "from €4.90"),
                                          ("Versand ab", "4,90 €"), ("Доставка від", "70 ₴"), ("Doprava od", "2,99 €")])
def test_a_from_price_is_an_estimate_kept_as_a_note_not_a_charge(label, value):
    got = parse_rows(rows(("Wartość zamówienia", "229,00 zł"), (label, value)), "")
    assert [line.kind for line in got] == ["total", "note"]
    assert [line.kind for line in parse_rows(rows(("Versand", "4,90 €")), "")] == ["shipping"]


def test_a_price_followed_by_the_name_it_buys_is_a_line_a_sentence_is_not():
    got = parse_rows(rows(("Doprava:", "2,99 € Packeta – výdajné miesto"), ("Platba:", "1,20 € Dobierka"),
                          ("Doprava", "Zásilkovna 79 Kč, doručení za 2–3 pracovní dny"),
                          ("Doprava", "4,49 € Kuriér GLS, doručenie do 1–2 pracovných dní")), "")
    assert [(line.label, line.amount) for line in got] == [("Doprava", 2.99), ("Platba", 1.2)]


@pytest.mark.parametrize("sub, shipping, total, values", [
    ("Sub total", "Shipping", "Order total", ("£12.00", "£4.90", "£16.90")),
    ("Suma częściowa", "Dostawa", "Do zapłaty", ("12,00 zł", "4,90 zł", "16,90 zł")),
    ("Проміжна сума", "Доставка", "Разом", ("12,00 грн", "4,90 грн", "16,90 грн")),
    ("Промежуточная сумма", "Доставка", "Итого", ("12,00 ₽", "4,90 ₽", "16,90 ₽")),
    ("Čiastková suma", "Doprava", "Spolu", ("12,00 €", "4,90 €", "16,90 €")),
    ("Dílčí součet", "Doprava", "Celkem", ("12,00 Kč", "4,90 Kč", "16,90 Kč")),
    ("Teilsumme", "Versand", "Gesamtsumme", ("12,00 €", "4,90 €", "16,90 €")),
])
def test_a_partial_sum_is_never_the_total_in_every_language(sub, shipping, total, values):
    got = parse_rows(rows((sub, values[0]), (shipping, values[1]), (total, values[2])), "")
    assert kinds(got) == [("subtotal", 12.0), ("shipping", 4.9), ("total", 16.9)]
    assert reconcile(got).reconciled is True


@pytest.mark.parametrize("label", ["Sub total", "Sub-total", "Sub Total", "Zwischensumme", "Zwischen-Summe",
                                   "Suma częściowa", "Suma cząstkowa", "Проміжний підсумок", "Промежуточный итог",
                                   "Medzisúčet", "Mezisoučet"])
def test_sub_total_spellings_alone_are_subtotals(label):
    # the Oscar-shaped basket: a "Sub total" line with no total after it is still no total
    assert kinds(parse_rows(rows((label, "€12.00")), "")) == [("subtotal", 12.0)]


@pytest.mark.parametrize("tax", ["Tax", "VAT", "DPH", "НДС", "ПДВ", "MwSt.", "VAT 23%"])
def test_a_three_letter_tax_label_is_a_line_not_a_currency_header(tax):
    # EverShop's summary: "Shipping (Standard delivery) €4.90 · Tax €3.21 · Total €20.11"; a column header that
    # is only a currency code stays out
    got = parse_rows(rows(("EUR", "€99.00"), ("1 Ceramic Mug", "€12.00"), ("Shipping (Standard delivery)", "€4.90"),
                          (tax, "€3.21"), ("Total", "€20.11")), "EUR")
    assert kinds(got) == [("item", 12.0), ("shipping", 4.9), ("tax", 3.21), ("total", 20.11)]
    assert reconcile(got).reconciled is True and reconcile(got).tax_included is False
