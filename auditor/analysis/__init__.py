"""The analysis layer: what the checks know about pages and the store, computed once per audit.

The browser only records (:mod:`auditor.crawl`: the page's HTML with element ids, where rendered elements were);
everything is decided here, in Python, and shared by every check:

* :mod:`~auditor.analysis.document`: a page's saved HTML parsed once (lxml), its own content, a product's own
  content, their text, its product nodes, its language, which element was rendered and where (``box``);
* :mod:`~auditor.analysis.locate`: which element is the phone or e-mail link, the buy button, the price, the
  reduction; a finding takes the box of the element it was decided on;
* :mod:`~auditor.analysis.product`: product name, kind and size selector;
* :mod:`~auditor.analysis.html`: the one HTML parser and HTML-to-text;
* :mod:`~auditor.analysis.structured`: the one structured-data reader;
* :mod:`~auditor.analysis.text`: store words in seven languages, sentences, durations, readability;
* :mod:`~auditor.analysis.language`: the one language detector for pages;
* :mod:`~auditor.analysis.store`: per-store facts (language, currency, EU or not);
* :mod:`~auditor.analysis.site`: pages as a site of links (click paths, shallowest pages).

No check parses HTML or imports another check.
"""
