"""The one reader of a page's structured data (extruct's JSON-LD, microdata and OpenGraph): schema.org types,
product nodes, text values, OpenGraph properties."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def walk_nodes(node: Any) -> Iterable[dict[str, Any]]:
    """Every object in a nested JSON-like value, depth first (a JSON-LD ``@graph``, offers inside products…)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk_nodes(item)


def node_types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", node.get("type"))
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


PRODUCT_TYPES = {"product", "productgroup", "individualproduct", "productmodel"}


def product_nodes(structured: dict[str, Any]) -> list[dict[str, Any]]:
    """Product nodes from JSON-LD and microdata (extruct, uniform)."""
    out = []
    for syntax in ("json-ld", "microdata"):
        for node in walk_nodes(structured.get(syntax, [])):
            if node_types(node) & PRODUCT_TYPES:
                out.append(node)
    return out


def text_values(value: Any) -> list[str]:
    """Strings of a schema.org value (a string, a list, or nodes with a name)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return text_values(value.get("name") or value.get("@value") or "")
    if isinstance(value, list):
        return [s for v in value for s in text_values(v)]
    return []


def opengraph(structured: dict[str, Any]) -> dict[str, str]:
    """OpenGraph properties in either extruct shape (uniform dicts or ``properties`` pairs)."""
    out: dict[str, str] = {}
    for og in structured.get("opengraph", []) or []:
        if not isinstance(og, dict):
            continue
        for pair in og.get("properties", []) or []:
            if isinstance(pair, (list, tuple)) and len(pair) == 2:
                out.setdefault(str(pair[0]), str(pair[1]))
        for key, value in og.items():
            if isinstance(key, str) and ":" in key and isinstance(value, (str, int, float)):
                out.setdefault(key, str(value))
    return out
