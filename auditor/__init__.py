"""clearcart engine: browser, crawl, checkout walk, ticket import, artifacts, check runner, CLI."""

__version__ = "0.1.0"
