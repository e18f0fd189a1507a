"""The checks clearcart runs, in report order. An explicit list: add a module here to add a check."""

from __future__ import annotations

from types import ModuleType

from checks import (
    audit_coverage,
    checkout_friction,
    click_depth,
    contact_options,
    delivery_info,
    faq_gaps,
    hidden_costs,
    product_info,
    return_policy,
    size_chart,
)

CHECKS: list[ModuleType] = [
    audit_coverage,
    hidden_costs,
    checkout_friction,
    size_chart,
    return_policy,
    delivery_info,
    product_info,
    click_depth,
    contact_options,
    faq_gaps,
]


def by_id(check_id: str) -> ModuleType | None:
    for module in CHECKS:
        if module.ID == check_id:
            return module
    return None


def ids() -> list[str]:
    return [module.ID for module in CHECKS]
