"""A flat handling fee that first appears in the checkout totals once a delivery address is known.

Oscar's basket page also asks the applicator for surcharges (without an address): the fee stays out of it, as
a shop that adds its fee late would do. This is what the hidden-costs check must flag.
"""
from decimal import Decimal as D

from oscar.apps.checkout import applicator
from oscar.apps.checkout.surcharges import FlatCharge


class HandlingFee(FlatCharge):
    name = "Handling fee"
    code = "handling-fee"


class SurchargeApplicator(applicator.SurchargeApplicator):
    def get_surcharges(self, basket, **kwargs):
        return (HandlingFee(excl_tax=D("1.50"), incl_tax=D("1.50")),)

    def is_applicable(self, surcharge, basket=None, **kwargs):
        return bool((self.context or {}).get("shipping_address"))
