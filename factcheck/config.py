"""Configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``,
found by walking up from the working directory. Data only (TOML), never executed.

```toml
[tool.factcheck]
window_days = 7          # rate window, days each side of the publication date
tolerance = 0.005        # relative slack on currency conversions
approx_tolerance = 0.05  # widening for "about", "roughly", ...
providers = ["ecb", "peg"]  # "table:rates.csv", "ecb", "peg", "online"
fail_on = "error"        # error | warning | info | never
format = "text"
exclude = ["drafts/old/**"]
sources = ["articles/"]  # what drafts are checked against (audit PATH... = drafts)
jobs = 2                 # worker processes for the command line; "auto": the cores

[tool.factcheck.rules]
FC401 = "off"            # or "error" | "warning" | "info"
FC202 = "warning"

[tool.factcheck.aliases]
"Moonshot AI" = ["Moonshot"]
```

``author = "Harbour Fact Desk"`` names the organization that publishes the
``--format claimreview`` export; ``cache_size = 256`` bounds the audit cache (MiB;
0 turns it off).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import attrs

from factcheck.errors import ConfigError, FactcheckWarning, did_you_mean
from factcheck.model import SEVERITIES, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

FailOn = Literal["error", "warning", "info", "never"]
FAIL_ON: tuple[FailOn, ...] = ("error", "warning", "info", "never")
FORMATS = ("text", "json", "sarif", "github", "html", "claimreview")
#: the audit cache's default size bound, MiB: the extractions of about 50,000 news
#: articles (``factcheck.cache``)
DEFAULT_CACHE_MIB = 256

_KEYS = {
    "window_days": "a whole number of days (0 or more)",
    "tolerance": "a fraction from 0 to 1, e.g. 0.005",
    "approx_tolerance": "a fraction from 0 to 1, e.g. 0.05",
    "providers": 'a list of "ecb", "peg", "online", "table:PATH"',
    "fail_on": "one of error, warning, info, never",
    "format": f"one of {', '.join(FORMATS)}",
    "include": "a list of glob patterns",
    "sources": "a list of paths (relative to this file's folder)",
    "exclude": "a list of glob patterns",
    "rules": "a table of rule code = off | error | warning | info",
    "aliases": "a table of entity = [other names]",
    "author": "the name of the organization publishing ClaimReview exports",
    "cache_size": "a whole number of MiB (0 turns the cache off)",
    "jobs": 'a whole number of worker processes (1 or more), or "auto"',
}


@attrs.frozen(kw_only=True)
class Config:
    """Settings for a run. Defaults are the documented ones; a file overrides them,
    and command-line flags override the file."""

    path: str | None = None
    window_days: int = 7
    tolerance: float = 0.005
    approx_tolerance: float = 0.05
    #: "peg": the fixed pegs the ECB does not quote (the riyal, the dirham)
    providers: tuple[str, ...] = ("ecb", "peg")
    fail_on: FailOn = "error"
    format: str = "text"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: the published articles drafts are checked against (paths relative to the
    #: configuration file's folder); ``audit PATH...`` then audits PATH... as drafts
    sources: tuple[str, ...] = ()
    rules: Mapping[str, Severity | Literal["off"]] = attrs.field(factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: the organization named as author of ``--format claimreview`` reviews
    author: str | None = None
    #: the size bound of the audit cache, in MiB (``factcheck.cache``); 0: no cache
    cache_size: int = attrs.field(
        default=DEFAULT_CACHE_MIB, validator=attrs.validators.ge(0)
    )
    #: worker processes ``factcheck audit`` uses when ``--jobs`` is not given
    #: (None, "auto" in the file: the machine's cores; ``extract`` reads no
    #: configuration); the Python API takes ``jobs=`` and defaults to 1
    jobs: int | None = None


def _read_toml(path: Path) -> dict[str, object]:
    """A TOML file's table.

    Raises:
        ConfigError: unreadable, not UTF-8, or not TOML; names the file.
    """
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"cannot read: {exc.strerror or exc}"
        raise ConfigError(msg, path=where) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        msg = (
            f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}, line {line}); TOML files are UTF-8"
        )
        raise ConfigError(msg, path=where) from None
    try:
        data: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"not valid TOML: {exc}"
        raise ConfigError(msg, path=where) from None
    except RecursionError:
        msg = "not valid TOML: nested too deeply"
        raise ConfigError(msg, path=where) from None
    return data


def source_paths(config: Config) -> list[str]:
    """The configured ``sources``, each relative to the configuration file's folder
    (shown relative to the working directory when it lies below it)."""
    if not config.sources:
        return []
    root = Path(config.path).parent if config.path else Path()
    if not root.is_dir():
        root = Path()
    here = Path.cwd()
    out = []
    for source in config.sources:
        path = (root / source).absolute()
        out.append(
            str(path.relative_to(here)) if path.is_relative_to(here) else str(path)
        )
    return out


def discover(start: Path | None = None) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with ``[tool.factcheck]``,
    from ``start`` (default: the working directory) up to the root.

    Raises:
        ConfigError: a ``pyproject.toml`` on the way cannot be read as TOML, so
            whether it configures factcheck cannot be told; names the file.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file():
            data = _read_toml(project)
            tool = data.get("tool")
            if isinstance(tool, Mapping) and "factcheck" in tool:
                return project
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """Read and validate a configuration file (or the discovered one, or defaults).

    Raises:
        ConfigError: unreadable file, unknown key, or a value not allowed; the message
            names the file, the key and what is allowed.
    """
    if path is None and search:
        path = discover()
    if path is None:
        return Config()
    where = str(path)
    data = _read_toml(Path(path))
    if Path(path).name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("factcheck", {}) if isinstance(tool, Mapping) else {}
        if not isinstance(table, Mapping):
            msg = "[tool.factcheck] is not a table"
            raise ConfigError(msg, path=where, key="tool.factcheck")
    else:
        table = data
    return parse_config(table, path=where)


#: keys a release retired: still read (with a warning), never an error, so an old
#: configuration keeps working
RETIRED_KEYS = {
    "align_threshold": "claims are aligned by their frames, not by a context "
    "similarity threshold: see the guide, 'Which claims are compared'",
}


def parse_config(table: Mapping[str, object], *, path: str = "<config>") -> Config:
    """Validate a configuration table (see :func:`load_config`)."""
    values: dict[str, object] = {"path": path}
    for key, raw in table.items():
        if key in RETIRED_KEYS:
            import warnings  # noqa: PLC0415

            warnings.warn(
                f"{path}: {key} no longer applies ({RETIRED_KEYS[key]}); remove it",
                FactcheckWarning,
                stacklevel=2,
            )
            continue
        if key not in _KEYS:
            msg = f"unknown key{did_you_mean(key, _KEYS)}; allowed: {', '.join(_KEYS)}"
            raise ConfigError(
                msg,
                path=path,
                key=key,
            )
        values[key] = _value(key, raw, path)
    return Config(**values)  # type: ignore[arg-type]


def _bad(key: str, raw: object, path: str) -> ConfigError:
    return ConfigError(
        f"{raw!r} is not allowed: expected {_KEYS[key]}", path=path, key=key
    )


def _value(key: str, raw: object, path: str) -> object:
    if key in ("window_days", "cache_size"):
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
            raise _bad(key, raw, path)
        return raw
    if key == "jobs":
        if raw == "auto":
            return None
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
            raise _bad(key, raw, path)
        return raw
    if key in ("tolerance", "approx_tolerance"):
        if (
            not isinstance(raw, int | float)
            or isinstance(raw, bool)
            or not 0 <= raw < 1
        ):
            raise _bad(key, raw, path)
        return float(raw)
    if key == "fail_on":
        if raw not in FAIL_ON:
            raise _bad(key, raw, path)
        return raw
    if key == "format":
        if raw not in FORMATS:
            raise _bad(key, raw, path)
        return raw
    if key in ("providers", "include", "exclude", "sources"):
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise _bad(key, raw, path)
        if key == "providers":
            for item in raw:
                if item not in ("ecb", "peg", "online") and not item.startswith(
                    "table:"
                ):
                    raise _bad(key, raw, path)
        return tuple(raw)
    if key == "author":
        if not isinstance(raw, str) or not raw.strip():
            raise _bad(key, raw, path)
        return raw.strip()
    if key == "rules":
        return _rules(raw, path)
    return _aliases(raw, path)


def _rules(raw: object, path: str) -> dict[str, Severity | Literal["off"]]:
    if not isinstance(raw, Mapping):
        msg = "rules"
        raise _bad(msg, raw, path)
    from factcheck.rules.registry import lookup  # noqa: PLC0415

    out: dict[str, Severity | Literal["off"]] = {}
    for code, level in raw.items():
        try:
            spec = lookup(str(code))
        except ConfigError as exc:
            raise ConfigError(exc.message, path=path, key=f"rules.{code}") from None
        if level not in (*SEVERITIES, "off"):
            msg = f"{level!r} is not allowed: expected off, error, warning or info"
            raise ConfigError(
                msg,
                path=path,
                key=f"rules.{code}",
            )
        out[spec.code] = level
    return out


def _aliases(raw: object, path: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        msg = "aliases"
        raise _bad(msg, raw, path)
    out: dict[str, tuple[str, ...]] = {}
    for name, others in raw.items():
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            msg = f"{others!r} is not allowed: expected a list of names"
            raise ConfigError(
                msg,
                path=path,
                key=f"aliases.{name}",
            )
        out[str(name)] = tuple(others)
    return out
