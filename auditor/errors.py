"""Errors that end a run with a clear one-line message, a hint and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_CANNOT_RUN = 3


class ClearcartError(Exception):
    """An error the CLI prints as one line plus a hint, then exits with ``exit_code``."""

    exit_code = EXIT_CANNOT_RUN

    def __init__(self, message: str, hint: str = "", exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(ClearcartError):
    """Bad input from the user: malformed URL, unreadable file, bad option (exit 2)."""

    exit_code = EXIT_USAGE


class CannotRunError(ClearcartError):
    """The audit could not run: no browser, store unreachable, store blocks us (exit 3)."""

    exit_code = EXIT_CANNOT_RUN
