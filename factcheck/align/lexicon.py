"""The word lists of claim frames (``lexicon.toml`` beside this module), loaded once."""

from __future__ import annotations

import functools
import sys
from importlib import resources

import attrs
import regex

from factcheck.align.context import stem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]


def _phrase_pattern(words: list[str]) -> regex.Pattern[str]:
    """One pattern for a list of words and phrases, longest first, whole words."""
    alts = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    body = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in alts)
    return regex.compile(rf"(?<![\w-])(?:{body})(?![\w-])", regex.IGNORECASE)


@attrs.frozen
class Lexicon:
    """Cue words of attributes, roles, stages, bases and holders (see lexicon.toml)."""

    #: every attribute cue, lower case → its class
    attribute_of: dict[str, str]
    attributes: regex.Pattern[str]
    running: frozenset[str]
    #: running counts that also fall (people still missing, still displaced)
    may_fall: frozenset[str]
    #: attribute classes told several ways (a deal's value as its price): against
    #: another class, no verdict
    loose: frozenset[str]
    #: states a counted thing is in ("without power"), which the clause names and
    #: which decide over the counted noun ("2 million homes were without power")
    states: frozenset[str]
    #: the cues of ``states`` alone
    state_cues: regex.Pattern[str]
    #: figures set anew at each release (a policy rate, a monthly print)
    releases: frozenset[str]
    period: frozenset[str]
    #: classes measured in money (a count is never revenue: "sales of 1.8 million
    #: vehicles" count vehicles)
    money: frozenset[str]
    #: classes of people or things counted (never money, never a quantity)
    counted: frozenset[str]
    #: classes measured only in one dimension (an area is never a count)
    dimension_of: dict[str, str]
    #: idioms that hold a cue but name no attribute ("in the order of")
    idioms: regex.Pattern[str]
    change_before: regex.Pattern[str]
    change_after: regex.Pattern[str]
    not_a_change: regex.Pattern[str]
    floor: regex.Pattern[str]
    revised_down: regex.Pattern[str]
    increment: regex.Pattern[str]
    comparison_before: regex.Pattern[str]
    limit: regex.Pattern[str]
    part_before: regex.Pattern[str]
    part_after: regex.Pattern[str]
    stage_of: dict[str, str]
    stages: regex.Pattern[str]
    basis_of: dict[str, str]
    bases: regex.Pattern[str]
    reporting: frozenset[str]
    legal_forms: frozenset[str]
    base_variant: frozenset[str]
    #: product variant marks, as written and stemmed (holder keys keep names whole)
    variants: frozenset[str]
    anaphors: frozenset[str]
    aux: frozenset[str]
    verbs: frozenset[str]
    base_verbs: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    function_words: frozenset[str]
    generic: frozenset[str]
    subunits: frozenset[str]
    modifiers: frozenset[str]
    agentive: frozenset[str]
    key_drop: frozenset[str]
    kind_heads: frozenset[str]
    events: frozenset[str]
    place_nouns: frozenset[str]
    people: frozenset[str]
    person_titles: frozenset[str]
    vote_words: frozenset[str]
    name_glue: frozenset[str]
    #: a country's adjective → the country, both stemmed ("irish": "ireland")
    place_of_adjective: dict[str, str]

    def fits(self, attribute: str, kind: str, unit: str | None) -> bool:
        """Whether a claim of this kind and unit can measure the attribute: money
        classes need money, counted classes a count (or a percentage), a class with
        a dimension a quantity of it."""
        if attribute in self.money and kind != "money":
            return False
        if attribute in self.counted and kind in ("money", "quantity"):
            return False
        need = self.dimension_of.get(attribute)
        if need is None:
            return True
        from factcheck.align.frames import dimension  # noqa: PLC0415

        return kind == "quantity" and unit is not None and dimension(unit) == need

    def attribute(self, cue: str) -> str:
        """The class of an attribute cue as matched."""
        return self.attribute_of[" ".join(cue.lower().split())]


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, parsed on first use."""
    raw = tomllib.loads(
        resources.files("factcheck.align").joinpath("lexicon.toml").read_text("utf-8")
    )
    attribute_of: dict[str, str] = {}
    running, period, money, counted = set(), set(), set(), set()
    may_fall: set[str] = set()
    loose: set[str] = set()
    states: set[str] = set()
    releases: set[str] = set()
    dimension_of: dict[str, str] = {}
    for name, entry in raw["attributes"].items():
        for cue in entry["cues"]:
            attribute_of.setdefault(cue.lower(), name)
        if entry.get("running"):
            running.add(name)
        if entry.get("may_fall"):
            may_fall.add(name)
        if entry.get("loose"):
            loose.add(name)
        if entry.get("state"):
            states.add(name)
        if entry.get("release"):
            releases.add(name)
        if entry.get("money"):
            money.add(name)
        if entry.get("counted"):
            counted.add(name)
        if entry.get("period"):
            period.add(name)
        if entry.get("dimension"):
            dimension_of[name] = entry["dimension"]
    stage_of = {w.lower(): s for s, ws in raw["stages"].items() for w in ws}
    basis_of = {w.lower(): b for b, ws in raw["bases"].items() for w in ws}
    roles = raw["roles"]
    holders = raw["holders"]
    return Lexicon(
        attribute_of=attribute_of,
        attributes=_phrase_pattern(list(attribute_of)),
        running=frozenset(running),
        may_fall=frozenset(may_fall),
        loose=frozenset(loose),
        states=frozenset(states),
        state_cues=_phrase_pattern(
            [cue for cue, name in attribute_of.items() if name in states]
        ),
        releases=frozenset(releases),
        period=frozenset(period),
        money=frozenset(money),
        counted=frozenset(counted),
        dimension_of=dimension_of,
        idioms=_phrase_pattern(raw["idioms"]["phrases"]),
        change_before=_phrase_pattern(roles["change_before"]),
        change_after=_phrase_pattern(roles["change_after"]),
        not_a_change=_phrase_pattern(roles["not_a_change"]),
        floor=_phrase_pattern(roles["floor"]),
        revised_down=_phrase_pattern(roles["revised_down"]),
        increment=_phrase_pattern(roles["increment"]),
        comparison_before=_phrase_pattern(roles["comparison_before"]),
        limit=_phrase_pattern(roles["limit_near"]),
        part_before=_phrase_pattern(roles["part_before"]),
        part_after=_phrase_pattern(roles["part_after"]),
        stage_of=stage_of,
        stages=_phrase_pattern(list(stage_of)),
        basis_of=basis_of,
        bases=_phrase_pattern(list(basis_of)),
        reporting=frozenset(w.lower() for w in raw["verbs"]["reporting"]),
        legal_forms=frozenset(w.lower() for w in holders["legal_forms"]),
        base_variant=frozenset(w.lower() for w in holders["base_variant"]),
        variants=frozenset(
            f(w.lower()) for w in holders["variants"] for f in (str, stem)
        ),
        anaphors=frozenset(w.lower() for w in holders["anaphors"]),
        **{
            key: frozenset(words)
            for key, words in raw["grammar"].items()
            if key not in ("verbs", "events")
        },
        # holder keys are stemmed ("floods": "flood")
        events=frozenset(f(w) for w in raw["grammar"]["events"] for f in (str, stem)),
        verbs=frozenset(raw["grammar"]["verbs"]) | frozenset(raw["grammar"]["aux"]),
        place_of_adjective={
            stem(a): stem(c.lower()) for a, c in raw["demonyms"].items()
        },
    )
