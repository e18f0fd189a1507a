"""textstat without NLTK until NLTK is needed.

textstat imports NLTK when it is imported, for one thing only: English syllables from NLTK's cmudict. Importing
NLTK costs about a second of CPU (it pulls in scipy and scikit-learn), a quarter of a whole `clearcart check`.
:func:`load` imports textstat with ``nltk`` bound to a stand-in module that imports the real NLTK on its first
attribute use (Python's module ``__getattr__``), so the cost is paid only when cmudict is used, which
:mod:`auditor.analysis.text` does only when :func:`cmudict_installed` (a check never downloads it).
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from functools import lru_cache
from typing import Any

# NLTK's default data folders (nltk.data.path), looked up without importing NLTK
_DATA_DIRS = ("~/nltk_data", "/usr/share/nltk_data", "/usr/local/share/nltk_data", "/usr/lib/nltk_data",
              "/usr/local/lib/nltk_data")


class _DeferredNLTK(types.ModuleType):
    """Stands in for ``nltk`` in ``sys.modules`` until one of its attributes is used."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get("nltk") is self:
            del sys.modules["nltk"]
        real = importlib.import_module("nltk")
        return getattr(real, name)


def load() -> Any:
    """The textstat module (imported once), with NLTK deferred as described above."""
    if "textstat" not in sys.modules and "nltk" not in sys.modules:
        sys.modules["nltk"] = _DeferredNLTK("nltk")
    import textstat

    return textstat


@lru_cache(maxsize=1)
def cmudict_installed() -> bool:
    """NLTK's cmudict is in one of NLTK's default data folders (or one named by ``NLTK_DATA``)."""
    roots = [*os.environ.get("NLTK_DATA", "").split(os.pathsep), *map(os.path.expanduser, _DATA_DIRS),
             *(os.path.join(sys.prefix, sub) for sub in ("nltk_data", "share/nltk_data", "lib/nltk_data"))]
    return any(root and (os.path.isdir(os.path.join(root, "corpora", "cmudict"))
                         or os.path.isfile(os.path.join(root, "corpora", "cmudict.zip"))) for root in roots)
