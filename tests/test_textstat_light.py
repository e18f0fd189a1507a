"""textstat is imported without NLTK (a second of CPU) until NLTK is used; then the real NLTK is there."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from auditor.analysis import text
read = text.readability("Returns are free. Send the parcel back within 30 days of delivery. " * 5, "en")
assert read is not None and read.words > 0, read
assert "scipy" not in sys.modules and "sklearn" not in sys.modules, "NLTK was imported"
import nltk
assert nltk.data.find  # its first attribute use imports the real NLTK
assert type(sys.modules["nltk"]).__name__ == "module" and hasattr(sys.modules["nltk"], "corpus")
print("ok")
"""


def test_readability_does_not_import_nltk_until_it_is_used():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
