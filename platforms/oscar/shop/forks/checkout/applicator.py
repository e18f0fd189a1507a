"""A flat handling fee that first appears in the checkout totals (never on product or basket pages)."""
from decimal import Decimal as D

from oscar.apps.checkout import applicator
from oscar.apps.checkout.surcharges import FlatCharge


class HandlingFee(FlatCharge):
    name = "Handling fee"
    code = "handling-fee"


class SurchargeApplicator(applicator.SurchargeApplicator):
    def get_surcharges(self, basket, **kwargs):
        return (HandlingFee(excl_tax=D("1.50"), incl_tax=D("1.50")),)
