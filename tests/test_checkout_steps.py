"""A checkout step's progress indicator, decided in Python from the nodes the step reader records, whatever the
store's class names (unit cases in the seven languages; the platform fixtures cover it in a real browser)."""

from __future__ import annotations

import pytest

from auditor.checkout import progress_shown


def _list(items: list[str], tag: str = "OL") -> list[dict]:
    nodes = [{"p": -1, "tag": "MAIN", "text": "", "visible": True},
             {"p": 0, "tag": tag, "text": " ".join(items), "visible": True}]
    return nodes + [{"p": 1, "tag": "LI", "text": t, "visible": True} for t in items]


@pytest.mark.parametrize("items", [
    ["Nákupný košík", "Doprava a platba", "Informácie o vás"],  # sk (Shoptet)
    ["Košík", "Doprava a platba", "Dodací údaje", "Shrnutí"],  # cs
    ["Koszyk", "Dane i dostawa", "Płatność", "Podsumowanie"],  # pl
    ["Warenkorb", "Adresse", "Versand", "Zahlung", "Übersicht"],  # de
    ["Cart", "Information", "Shipping", "Payment"],  # en
    ["Кошик", "Доставка", "Оплата", "Підтвердження"],  # uk
    ["Корзина", "Доставка", "Оплата", "Подтверждение"],  # ru
])
def test_a_list_of_checkout_stages_is_a_progress_indicator(items):
    assert progress_shown(_list(items))


@pytest.mark.parametrize("items", [
    ["Home", "Shop", "Delivery", "Payment", "Contact"],  # a main menu
    ["Doprava a platba", "Reklamácie", "Kontakt"],  # an information menu
    ["Delivery", "Payment", "Returns", "Size guide"],
    ["Cart", "Shipping"],  # too short to be a stepper
])
def test_menus_are_not_progress_indicators(items):
    assert not progress_shown(_list(items, "UL"))


def test_hidden_lists_and_long_items_do_not_count():
    nodes = _list(["Košík", "Doprava", "Platba", "Súhrn"])
    nodes[1]["visible"] = False
    assert not progress_shown(nodes)
    assert not progress_shown(_list(["Košík", "Doprava a platba: " + "x" * 60, "Platba", "Súhrn"]))


@pytest.mark.parametrize("word", ["Шаг", "Krok", "Step", "Schritt", "Крок"])
def test_three_numbered_step_headings_are_a_progress_indicator(word):
    headings = [{"p": -1, "tag": "H4", "text": f"{word} {i}: x", "visible": True} for i in range(1, 4)]
    assert progress_shown(headings)
    assert not progress_shown(headings[:2])
