"""What the audit could see: the ``coverage`` block of report.json, so an audit never passes silently.

Pages by type, products recognised (and from what evidence), checkout walks started, completed and stuck (at
which step and why), ledgers that did not add up, and the checks that could not judge (with their reason).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from auditor.model import Artifacts, CheckResult


def store_sells(artifacts: Artifacts) -> bool:
    """The site plainly sells: a product page was recognised, or some page shows prices together with a basket
    (a basket link or add-to-basket controls)."""
    for page in artifacts.ok_pages():
        if page.page_type in ("product", "cart", "checkout"):
            return True
        view = page.shopper or {}
        if view.get("prices") and (view.get("basket_link") or view.get("buy_controls") or view.get("buy_in_cards")):
            return True
    return False


def stuck_step(walk: Any) -> str:
    """The kind of step a walk stopped at ('' for a completed walk)."""
    if walk.completed:
        return ""
    return walk.steps[-1].kind if walk.steps else "product"


def coverage(artifacts: Artifacts, checks: list[CheckResult] | None = None) -> dict[str, Any]:
    pages = artifacts.ok_pages()
    by_type = Counter(p.page_type for p in pages)
    products = [p for p in pages if p.page_type == "product"]
    evidence = Counter(
        "structured data" if any(r.startswith("structured data") for r in p.type_reasons)
        else "what a shopper sees" if any("add-to-basket" in r for r in p.type_reasons)
        else "URL or title" for p in products)
    walks = artifacts.checkout
    stuck = [{"product": w.product_url, "step": stuck_step(w), "reason": w.stuck_reason or "unknown",
              "safety_stop": w.guard_stop}
             for w in walks if not w.completed]
    unreadable = [{"product": w.product_url, "step": s.kind, "reason": s.unreadable_reason, "safety_stop": w.guard_stop}
                  for w in walks for s in w.steps if s.unreadable_reason]
    last_steps = [w.steps[-1] for w in walks if w.completed and w.steps]
    not_judged = [{"check": c.id, "status": c.status, "reason": c.summary}
                  for c in checks or [] if c.status in ("needs-review", "not-applicable", "error")]
    sells = store_sells(artifacts)
    # complete: every product-dependent check could see products, a walk (when one ran) reached the last step,
    # and no check had to say needs-review or error (the fleet marks a run incomplete from this)
    complete = ((not sells or bool(products)) and (not walks or any(w.completed for w in walks))
                and not any(n["status"] in ("needs-review", "error") for n in not_judged))
    return {
        "complete": complete,
        "pages": len(pages),
        "pages_by_type": dict(sorted(by_type.items())),
        "sells": sells,
        "products_recognised": len(products),
        "products_by_evidence": dict(sorted(evidence.items())),
        "walks_started": len(walks),
        "walks_completed": sum(1 for w in walks if w.completed),
        "walks_stuck": stuck,
        "ledgers_reconciled": sum(1 for s in last_steps if s.reconciled),
        "ledgers_unreadable": unreadable,
        "checks_not_judged": not_judged,
    }
