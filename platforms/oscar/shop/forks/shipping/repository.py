"""Two flat delivery rates, so the shopper has to choose on a delivery step (Oscar skips the step for one)."""
from decimal import Decimal as D

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods, repository


class Standard(methods.FixedPrice):
    code = "standard"
    name = _("Standard delivery")
    description = "2-4 business days"
    charge_excl_tax = D("4.90")
    charge_incl_tax = D("4.90")


class Express(methods.FixedPrice):
    code = "express"
    name = _("Express delivery")
    description = "1 business day"
    charge_excl_tax = D("9.90")
    charge_incl_tax = D("9.90")


class Repository(repository.Repository):
    methods = (Standard(), Express())
