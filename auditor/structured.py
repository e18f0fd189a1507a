"""Helpers over the structured data extruct gives for a page (JSON-LD, microdata, OpenGraph)."""

from __future__ import annotations

from typing import Any, Iterable


def walk_nodes(node: Any) -> Iterable[dict[str, Any]]:
    """Every object in a nested JSON-like value, depth first (a JSON-LD ``@graph``, offers inside products…)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk_nodes(item)
