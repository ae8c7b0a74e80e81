"""Exceptions: the work could not be done. Findings are data, never exceptions.

Every exception subclasses :class:`FactcheckError` and the builtin it resembles, is a
frozen attrs class with fields (so it pickles across a process pool), and reads as one
sentence naming the file or value at fault.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen(auto_exc=True)
class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""

    message: str

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt from its fields: the default (args, then attributes set one by
        # one) cannot set a frozen class's fields, and tblib's exception pickling
        # (installed by dask and distributed) takes that path unless a class has
        # its own reduce
        return (_rebuild, (type(self), attrs.asdict(self, recurse=False)))


def _rebuild(cls: type[FactcheckError], fields: dict[str, object]) -> FactcheckError:
    return cls(**fields)  # type: ignore[arg-type]


@attrs.frozen(auto_exc=True)
class InputError(FactcheckError, ValueError):
    """A document could not be read: names the file and the reason."""

    path: str = ""
    reason: str = ""

    def __str__(self) -> str:
        if self.path:
            return f"{self.path}: {self.reason or self.message}"
        return self.message


@attrs.frozen(auto_exc=True)
class ConfigError(FactcheckError, ValueError):
    """A configuration value is not allowed: names the file, the key and what is."""

    path: str = ""
    key: str = ""

    def __str__(self) -> str:
        where = ":".join(p for p in (self.path, self.key) if p)
        return f"{where}: {self.message}" if where else self.message


@attrs.frozen(auto_exc=True)
class UnitError(FactcheckError, ValueError):
    """A unit is unknown, or two units do not share a dimension."""


@attrs.frozen(auto_exc=True)
class RateUnavailableError(FactcheckError, LookupError):
    """No provider had a rate for the pair at the date."""

    base: str = ""
    quote: str = ""
    day: str = ""
    tried: tuple[str, ...] = ()
    #: why the last provider could not answer, without the pair and date
    reason: str = ""

    def __str__(self) -> str:
        return self.message


class FactcheckWarning(UserWarning):
    """Something a user should know that did not stop the work: a damaged rate cache
    that was rebuilt, an online rate service out of reach whose answers came from
    the offline history instead. The command line prints it as ``factcheck:
    warning: ...``; in Python it is an ordinary warning (``warnings`` filters)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean X?)' suffix for the nearest choice, or ''."""
    import difflib  # noqa: PLC0415  (only on the error path)

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""
