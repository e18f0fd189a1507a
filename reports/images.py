"""Screenshots embedded in report.html as ``data:`` URIs — the only bytes a renderer reads besides the result.

A finding's screenshot is named by the result (evidence ``screenshot``, a checkout step's ``screenshot``, a
page's ``screenshot``), as a path relative to the artifacts folder. :class:`Embedder` reads it only when:

* it is a relative path that stays inside the artifacts folder (no ``..``, no absolute path, no symlink out);
* its bytes are a JPEG, PNG or WebP image (sniffed from the magic bytes, never from the name);
* it is at most :data:`MAX_BYTES` and fewer than :data:`MAX_IMAGES` distinct images were embedded so far.

Otherwise the report names the file and says why it is not shown. No image library is needed: the pixel size
is read from the image header, and cropping (to the element's box when the evidence gives one, else the top of
the page) is done by the SVG ``viewBox`` the template draws the image in.
"""

from __future__ import annotations

import base64
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_IMAGES = 12  # distinct images per report
MAX_BYTES = 400_000  # per image
CROP_RATIO = 0.625  # height / width of the top-of-page crop (16:10)
BOX_MARGIN = 160  # pixels of context around a marked element


@dataclass
class Shot:
    path: str  # as named in the result (shown as text)
    uri: str = ""  # data: URI when embedded
    width: int = 0
    height: int = 0
    reason: str = ""  # why not embedded: missing | unsafe | type | size | limit


def sniff(data: bytes) -> str | None:
    """The image MIME type from the magic bytes."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def dimensions(data: bytes, mime: str) -> tuple[int, int] | None:
    """(width, height) in pixels from the image header, None when it cannot be read."""
    try:
        if mime == "image/png":
            width, height = struct.unpack(">II", data[16:24])
            return (width, height) if width and height else None
        if mime == "image/jpeg":
            i = 2
            while i + 9 < len(data):
                if data[i] != 0xFF:
                    i += 1
                    continue
                marker = data[i + 1]
                if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                    i += 1 if marker == 0xFF else 2
                    continue
                length = struct.unpack(">H", data[i + 2:i + 4])[0]
                if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                    height, width = struct.unpack(">HH", data[i + 5:i + 9])
                    return (width, height) if width and height else None
                i += 2 + length
            return None
        if mime == "image/webp":
            chunk = data[12:16]
            if chunk == b"VP8X":
                width = 1 + int.from_bytes(data[24:27], "little")
                height = 1 + int.from_bytes(data[27:30], "little")
                return width, height
            if chunk == b"VP8 ":
                width, height = struct.unpack("<HH", data[26:30])
                return width & 0x3FFF, height & 0x3FFF
            if chunk == b"VP8L":
                bits = int.from_bytes(data[21:25], "little")
                return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    except (struct.error, IndexError):
        return None
    return None


class Embedder:
    """Reads screenshots from the artifacts folder once each, within the report's image budget."""

    def __init__(self, base_dir: str | Path | None, max_images: int = MAX_IMAGES, max_bytes: int = MAX_BYTES):
        self.base = Path(base_dir).resolve() if base_dir else None
        self.max_images = max_images
        self.max_bytes = max_bytes
        self._cache: dict[str, Shot] = {}
        self.embedded = 0
        self.total_bytes = 0

    def get(self, path: Any) -> Shot | None:
        """The screenshot at ``path`` (relative to the artifacts folder); None when no path is named."""
        if not isinstance(path, str) or not path.strip() or len(path) > 500:
            return None
        if path in self._cache:
            return self._cache[path]
        shot = self._load(path)
        self._cache[path] = shot
        return shot

    def _load(self, rel: str) -> Shot:
        shot = Shot(path=rel)
        if self.base is None:
            shot.reason = "missing"
            return shot
        candidate = Path(rel)
        if candidate.is_absolute() or ".." in candidate.parts or "\x00" in rel:
            shot.reason = "unsafe"
            return shot
        try:
            full = (self.base / candidate).resolve()
        except (OSError, RuntimeError):
            shot.reason = "unsafe"
            return shot
        if not full.is_relative_to(self.base):
            shot.reason = "unsafe"
            return shot
        if not full.is_file():
            shot.reason = "missing"
            return shot
        if full.stat().st_size > self.max_bytes:
            shot.reason = "size"
            return shot
        if self.embedded >= self.max_images:
            shot.reason = "limit"
            return shot
        data = full.read_bytes()[: self.max_bytes + 1]
        mime = sniff(data)
        if mime is None:
            shot.reason = "type"
            return shot
        if len(data) > self.max_bytes:
            shot.reason = "size"
            return shot
        size = dimensions(data, mime)
        if size is None:
            shot.reason = "type"
            return shot
        shot.width, shot.height = size
        shot.uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        self.embedded += 1
        self.total_bytes += len(data)
        return shot


BOX_KEYS = ("box", "bbox", "rect", "bounding_box")  # evidence keys naming an element's box in the screenshot


def box_of(evidence: Any) -> tuple[float, float, float, float] | None:
    """An element's box ``{x, y, width, height}`` (screenshot pixels) from evidence keys ``box``/``bbox``/
    ``rect``, when the artifacts recorded one."""
    if not isinstance(evidence, dict):
        return None
    for key in BOX_KEYS:
        raw = evidence.get(key)
        if isinstance(raw, dict):
            try:
                x, y = float(raw.get("x", 0)), float(raw.get("y", 0))
                w, h = float(raw.get("width", 0)), float(raw.get("height", 0))
            except (TypeError, ValueError):
                return None
            if w > 0 and h > 0 and x >= 0 and y >= 0 and all(v < 100_000 for v in (x, y, w, h)):
                return x, y, w, h
    return None


def view(shot: Shot | None, box: tuple[float, float, float, float] | None = None) -> dict[str, Any] | None:
    """What the template draws: the image in an SVG whose viewBox is the crop, and the marked box."""
    if shot is None:
        return None
    if not shot.uri:
        return {"embedded": False, "path": shot.path, "reason": shot.reason}
    w, h = shot.width, shot.height
    mark = None
    if box is not None:
        bx, by, bw, bh = box
        bx, by = min(bx, w - 1), min(by, h - 1)
        bw, bh = min(bw, w - bx), min(bh, h - by)
        left = max(0.0, bx - BOX_MARGIN)
        top = max(0.0, by - BOX_MARGIN)
        right = min(float(w), bx + bw + BOX_MARGIN)
        bottom = min(float(h), by + bh + BOX_MARGIN)
        crop = (left, top, right - left, bottom - top)
        mark = {"x": bx, "y": by, "w": bw, "h": bh, "stroke": max(3.0, (right - left) / 160)}
    else:
        crop = (0.0, 0.0, float(w), float(min(h, round(w * CROP_RATIO))))
    return {"embedded": True, "path": shot.path, "uri": shot.uri, "width": w, "height": h,
            "crop": " ".join(f"{v:g}" for v in crop), "crop_w": crop[2], "crop_h": crop[3], "mark": mark,
            "cropped": crop[3] < h or crop[2] < w}
