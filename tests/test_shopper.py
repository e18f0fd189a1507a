"""The walker's shopper helpers that need no browser: countries as forms write them, test addresses by country."""

from __future__ import annotations

import pytest

from auditor import checkout
from auditor.shopper import country_code


@pytest.mark.parametrize("text, code", [("Germany", "DE"), ("Deutschland", "DE"), ("Österreich", "AT"),
                                        ("Česká republika", "CZ"), ("Polska", "PL"), ("Slovensko", "SK"),
                                        ("Україна", "UA"), ("Российская Федерация", "RU"),
                                        ("Russian Federation", "RU"), ("PL", "PL"), ("Ireland", "IE"),
                                        ("Atlantis", "")])
def test_country_from_what_the_form_shows(text, code):
    assert country_code(text) == code


def test_the_test_address_follows_the_forms_country_not_the_page_language():
    assert checkout.TestCustomer.for_country("DE", "en").postcode == "10115"
    assert checkout.TestCustomer.for_country("AT", "de").postcode == "1010"
    assert checkout.TestCustomer.for_country("CZ", "en").postcode == "110 00"
    assert checkout.TestCustomer.for_country("XX", "pl").postcode == "00-950"  # unknown: the page language
    assert checkout.TestCustomer.for_country("RU", "en").postcode == "101000"
