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


class StopSignal:
    """Which signal stopped the run (SIGINT or SIGTERM), set by the handlers; the CLI names it on exit."""

    signal: int | None = None


STOP = StopSignal()


class Terminated(KeyboardInterrupt):
    """The run was stopped by SIGTERM (a CI job cancelled, ``timeout``): handled as Ctrl-C is (what was gathered
    is kept, the browser is closed), exit 143."""


def output_error(exc: OSError, path: object = None) -> UsageError:
    """A write that failed (read-only folder, full disk) as a usage error that names the path (exit 2)."""
    where = path or exc.filename or "the output folder"
    reason = exc.strerror or type(exc).__name__
    return UsageError(f"cannot write {where}: {reason}",
                      "choose a writable --out folder with free space (--out DIR)")
