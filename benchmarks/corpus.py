"""Benchmark text: the seed news texts and the dev corpus, or the project's fixtures.

Shared by the benchmark scripts in this folder. Paths are relative to the repository
root (this file's parent's parent), never to the current directory:

- ``../shared/seeds/*.txt``: page scrapes, mostly one paragraph per line;
- ``../shared/corpus/dev/*/*.md``: articles, front matter stripped, paragraphs
  separated by blank lines;
- when ``../shared`` is absent: ``fixtures/**/*.md`` and ``*.txt`` (not ``fixtures/bad``).

Sizes are UTF-8 bytes; a MB is 10**6 bytes.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
FIXTURES = REPO_ROOT / "fixtures"

_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
_FENCES = ("+++", "---")
#: longer lines than this are not hard-wrapped prose
_WRAPPED_LINE = 200


@dataclass(frozen=True)
class Source:
    """One article body (front matter stripped) and where it came from."""

    path: Path
    body: str

    @property
    def paragraphs(self) -> list[str]:
        """Blank-line separated blocks; a block with a line longer than a wrapped line
        (a page scrape, one paragraph per line) is split at every line break."""
        out: list[str] = []
        for block in _BLANK_LINE.split(self.body):
            lines = block.split("\n")
            if any(len(line) > _WRAPPED_LINE for line in lines):
                out.extend(line.strip() for line in lines)
            else:
                out.append(block.strip())
        return [p for p in out if p]


def strip_front_matter(text: str) -> str:
    """The text after a ``+++`` (TOML) or ``---`` (key: value) front matter block."""
    for fence in _FENCES:
        if text.startswith((fence + "\n", fence + "\r\n")):
            end = text.find("\n" + fence, len(fence))
            if end >= 0:
                after = text.find("\n", end + 1 + len(fence))
                return "" if after < 0 else text[after + 1 :]
    return text


def _read(path: Path) -> Source:
    return Source(path, strip_front_matter(path.read_text(encoding="utf-8")))


def load_sources() -> tuple[list[Source], str]:
    """The benchmark articles and a one-line description of where they came from."""
    if SHARED.is_dir():
        paths = sorted((SHARED / "seeds").glob("*.txt"))
        paths += sorted((SHARED / "corpus" / "dev").glob("*/*.md"))
        if paths:
            label = "../shared/seeds/*.txt + ../shared/corpus/dev/*/*.md"
            return [_read(p) for p in paths], label
    paths = sorted(
        p
        for p in FIXTURES.rglob("*")
        if p.suffix in {".md", ".txt"}
        and p.name != "README.md"
        and "bad" not in p.relative_to(FIXTURES).parts
    )
    sources = []
    for p in paths:
        try:
            sources.append(_read(p))
        except (OSError, UnicodeDecodeError):
            continue
    return sources, "fixtures/**/*.md|txt (../shared not found)"


def utf8_size(texts: Sequence[str]) -> int:
    """Total UTF-8 bytes of ``texts``."""
    return sum(len(t.encode("utf-8")) for t in texts)


def _cycle(items: Sequence[str]) -> Iterator[str]:
    if not items:
        msg = "no benchmark text found"
        raise ValueError(msg)
    while True:
        yield from items


def repeat_to(items: Sequence[str], target_bytes: int) -> list[str]:
    """``items`` cycled in order until their total size reaches ``target_bytes``."""
    out: list[str] = []
    total = 0
    for item in _cycle(items):
        if total >= target_bytes:
            break
        out.append(item)
        total += len(item.encode("utf-8"))
    return out


def joined_to(items: Sequence[str], target_bytes: int) -> str:
    """One text of whole ``items`` (blank-line joined) of about ``target_bytes``."""
    return "\n\n".join(repeat_to(items, target_bytes))


# ------------------------------------------------------------ generated news events
#
# The audit benchmark (``bench_audit.py``) needs many articles about many events
# with known truth. ``EventGenerator`` writes them: every event is 3-5 articles by
# different outlets about one company, product, deal or disaster, with its own
# invented names, currency, dates and figures; every article picks its own facts and
# sentence shapes. In about a third of the events one article carries one planted
# error of a known kind, recorded (path, character span, kind) as ground truth.

#: which planted errors the generator writes, and what each one is
PLANTED_KINDS = {
    "lost-digit": "one digit of the figure dropped (4,730 printed as 430)",
    "transposition": "two neighbouring digits swapped (4,730 printed as 4,370)",
    "scale-slip": "the figure ten times too large or too small",
    "wrong-rate": "a stated equivalent converted at a rate 25-35% off the market",
    "currency-swap": "the figure labelled with another currency",
}
#: share of events that carry one planted error
PLANTED_SHARE = 0.35
#: the first and last publication day (inside the ECB history the default rate
#: provider ships)
FIRST_DAY = dt.date(2019, 1, 7)
LAST_DAY = dt.date(2025, 6, 30)

#: (ISO code, how the articles write an amount: "{} yuan" or "€{}")
_LOCAL = (
    ("CNY", "{} yuan"),
    ("JPY", "{} yen"),
    ("EUR", "€{}"),
    ("EUR", "{} euros"),
    ("GBP", "£{}"),
    ("KRW", "{} won"),
    ("INR", "Rs {}"),
    ("BRL", "{} reais"),
    ("USD", "${}"),
)
#: a label for a currency swap: the ISO code and a label of another currency whose
#: value is far (more than 25%) from it
_SWAP_LABELS = (("JPY", "{} yen"), ("CNY", "{} yuan"), ("GBP", "£{}"), ("INR", "Rs {}"))
_OUTLETS = (
    "Morning Ledger", "Coastal Times", "Market Wire", "Northern Herald",
    "Daily Signal", "Metro Business", "Pacific Review", "Evening Post",
    "Harbour Gazette", "Capital Courier", "Valley Tribune", "Union Dispatch",
)  # fmt: skip
_SYLLABLES = (
    "kor", "tal", "vem", "bra", "quin", "sol", "mar", "dex", "lum", "or", "zel", "pax",
    "ner", "cal", "vis", "hal", "tor", "fen", "rix", "gal", "mol", "ser", "yar", "ost",
    "bel", "dal", "er", "fal", "jun", "kel", "lor", "mav", "nov", "pel", "ros", "sta",
    "ul", "ven", "wes", "tam", "bri", "cas", "dor", "eth", "gor", "hin", "ist", "jor",
    "kam", "lin", "mer", "nax", "pol", "rud", "sim", "tev", "ur", "vol", "zan",
)  # fmt: skip
_COMPANY_ENDS = ("", "", " Group", " Holdings", " Motors", " Energy", " Systems")
_SEGMENTS = (
    "cloud computing", "battery", "chip", "logistics", "retail", "streaming",
    "robotics", "payments", "biotech", "solar",
)  # fmt: skip
_DISASTERS = (("wildfire", "Fire"), ("flood", "Floods"), ("earthquake", "Earthquake"))
_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_MARK = regex.compile(r"\x01(.*?)\x02")


def _round_sig(value: float, sig: int) -> float:
    digits = sig - 1 - math.floor(math.log10(abs(value)))
    return round(value, digits)


def amount(value: float, sig: int = 3) -> str:
    """``value`` as a news figure: 380e9 → "380 billion", 52.43e9 → "52.4 billion"."""
    for scale, word in _SCALES:
        if value >= scale * 0.9995 or scale == 1e6:
            m = _round_sig(value / scale, sig)
            places = max(0, sig - 1 - math.floor(math.log10(abs(m))))
            text = f"{m:.{places}f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            return f"{text} {word}"
    raise AssertionError  # unreachable: the last scale always matches


def count(value: int) -> str:
    """A count as news prints it: 4730 → "4,730"."""
    return f"{value:,}"


@dataclass(frozen=True)
class Planted:
    """One planted error: where it is and what kind."""

    event: int
    path: str
    #: where the wrong figure stands (every time the article prints it)
    spans: tuple[tuple[int, int], ...]
    kind: str
    fact: str
    text: str


@dataclass
class GeneratedCorpus:
    """Generated articles and the ground truth of what was planted in them."""

    documents: list[Any] = field(default_factory=list)
    events: int = 0
    planted: list[Planted] = field(default_factory=list)
    event_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def size_bytes(self) -> int:
        """UTF-8 bytes of all article texts."""
        return sum(len(d.text.encode("utf-8")) for d in self.documents)


def event_of(path: str) -> int:
    """The event number of a generated article's path (``gen/00042-deal/x.md``)."""
    return int(path.split("/")[1].split("-", maxsplit=1)[0])


def _corrupt(
    rng: random.Random, figure: str, kind: str, *, higher: bool = False
) -> str | None:
    """``figure`` (digits, separators, a scale word) with a digit lost or two
    neighbouring digits swapped; None when the change would be too small to tell
    (under 10%) or impossible, or (``higher``) would not raise the figure."""
    number = regex.search(r"\d[\d,]*(?:\.\d+)?", figure)
    if number is None:
        return None
    digits = [i for i, ch in enumerate(number.group()) if ch.isdigit()]
    for _ in range(6):
        text = list(number.group())
        if kind == "lost-digit" and len(digits) >= 2:
            del text[rng.choice(digits[1:])]
        elif kind == "transposition" and len(digits) >= 2:
            i = rng.randrange(len(digits) - 1)
            a, b = digits[i], digits[i + 1]
            text[a], text[b] = text[b], text[a]
        else:
            return None
        raw = "".join(text).replace(",", "")
        if not raw or raw.startswith(("0", ".")) or raw.endswith("."):
            continue
        old, new = float(number.group().replace(",", "")), float(raw)
        if new and abs(new / old - 1) > 0.1 and (new > old or not higher):
            new_text = f"{int(new):,}" if "," in number.group() else raw
            return figure[: number.start()] + new_text + figure[number.end() :]
    return None


class EventGenerator:
    """Seeded, deterministic news events; ``corpus(n)`` is the first ``n`` articles of
    one sequence, so the sizes are prefixes of each other."""

    def __init__(self, seed: int) -> None:
        from factcheck.config import Config
        from factcheck.pipeline import provider_from

        self.rng = random.Random(seed)
        self.provider = provider_from(Config())
        self.used_names: set[str] = set()

    def usd_rate(self, code: str, day: dt.date) -> float:
        """USD per unit of ``code`` on ``day`` (the default rate provider, offline)."""
        if code == "USD":
            return 1.0
        return float(self.provider.rate(code, "USD", day).rate)

    def name(self, words: int = 1) -> str:
        """A name of syllables never used before in this corpus (no digits: "Company
        17" would add a claim)."""
        rng = self.rng
        while True:
            parts = [
                "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
                for _ in range(words)
            ]
            out = " ".join(p.title() for p in parts)
            if out not in self.used_names:
                self.used_names.add(out)
                return out

    def corpus(self, n: int) -> GeneratedCorpus:
        """The first ``n`` articles of this generator's sequence."""
        out = GeneratedCorpus()
        kinds = ("results", "pledge", "fine", "deal", "product", "disaster")
        while len(out.documents) < n:
            kind = self.rng.choice(kinds)
            event = _Event(self, out.events, kind)
            docs, planted = event.write()
            out.documents.extend(docs)
            out.planted.extend(planted)
            out.event_kinds[kind] = out.event_kinds.get(kind, 0) + 1
            out.events += 1
        kept = {d.path for d in out.documents[:n]}
        del out.documents[n:]
        out.planted = [p for p in out.planted if p.path in kept]
        return out


def _money_text(value: float, fmt: str) -> str:
    """A money figure in the format of its currency: "31.7 billion yuan", "€1,250"."""
    if value >= 1e6:
        return fmt.format(amount(value))
    return fmt.format(f"{round(_round_sig(value, 3)):,}")


#: the sentences of each event kind: a {name} is a fact's figure (or a word of the
#: event); every sentence states its figures with a holder, an attribute and often a
#: time, the way news does
_TEMPLATES: dict[str, tuple[str, ...]] = {
    "results": (
        "{C} {reported} revenue of {revenue} for the {Q} quarter of {Y}.",
        "{C}'s revenue rose {growth}% to {revenue} in the {Q} quarter.",
        "In the {Q} quarter, {C} booked revenue of {revenue}, while {R} booked "
        "{rival_revenue}.",
        "{C} made a net profit of {profit} in the {Q} quarter.",
        "Net profit at {C} came to {profit}, the company said on {weekday}.",
        "Of the {revenue} in revenue, {segment} came from its {seg} unit.",
        "{C}'s {seg} unit brought in revenue of {segment}.",
        "Rival {R} {reported} revenue of {rival_revenue} for the same quarter.",
        "{C} and {R} {reported} revenue of {revenue} and {rival_revenue} "
        "respectively for the {Q} quarter.",
        "The {seg} unit made up {share}% of {C}'s revenue in the {Q} quarter.",
    ),
    "pledge": (
        "{C} will invest {invest} over the next {years} years, it said on {weekday}.",
        "{C} pledged {invest} to expand its {seg} business.",
        "Of the {invest} {C} committed, {part} will go to {seg} research.",
        "The plan includes an investment of {part} in {seg} research.",
        "{C} said {jobs} jobs would be created by the plan.",
    ),
    "fine": (
        "{Reg} fined {C} {fine} on {weekday}.",
        "{C} was ordered to pay a fine of {fine}.",
        "The {fine} penalty follows {complaints} {complaints_word} from customers.",
        "Regulators received {complaints} {complaints_word} about {C}.",
    ),
    "deal": (
        "{C} agreed to buy a {stake}% stake in {T} for {price}.",
        "The deal values {T} at {valuation}.",
        "{C} will pay {price} for the {stake}% stake.",
        "{T} was valued at {valuation} in the deal.",
    ),
    "product": (
        "The {P} starts at {price}, {C} said on {weekday}.",
        "{C} priced the {P} at {price}.",
        "{C} received {orders} orders for the {P} in its first {first}.",
        "Orders for the {P} reached {orders} within {within} of its launch.",
    ),
    "disaster": (
        "At least {deaths} people have died in the {N}, officials said on {weekday}.",
        "The death toll from the {N} rose to {deaths} on {weekday}.",
        "{injured} people were injured in the {N}, according to {Land} officials.",
        "The {N} has burned {area} acres in {Land} Province.",
        "The {N} destroyed {homes} homes in {Land} Province.",
    ),
}
_FILLERS = (
    "{C} is based in {city}.",
    "Analysts had expected the news for weeks.",
    "{boss}, who has led {C} since {since}, declined to comment further.",
    "The announcement was made in {city}.",
    "Officials said more details would follow.",
)
_PLACEHOLDER = regex.compile(r"\{(\w+)\}")
#: a launch's first-orders window, as "in its first ..." and "within ... of its
#: launch" (one per event)
_WINDOWS = (
    ("24 hours", "24 hours"),
    ("48 hours", "48 hours"),
    ("three days", "three days"),
    ("week", "a week"),
    ("day", "a day"),
)
_QUARTERS = ("first", "second", "third", "fourth")


@dataclass
class _Fact:
    """One figure of an event: its true value (per report day for a running count)."""

    values: list[float]
    money: bool = False
    percent: bool = False
    running: bool = False

    def value(self, day: int) -> float:
        return self.values[min(day, len(self.values) - 1)]


class _Event:
    """One news event: its facts, words and articles."""

    def __init__(self, gen: EventGenerator, number: int, kind: str) -> None:
        self.gen, self.rng, self.number, self.kind = gen, gen.rng, number, kind
        rng = self.rng
        span = (LAST_DAY - FIRST_DAY).days
        self.first = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        self.code, self.fmt = rng.choice(_LOCAL)
        rate = gen.usd_rate(self.code, self.first)
        land = gen.name()
        boss = f"{gen.name()} {gen.name()}"
        self.words: dict[str, str] = {
            "C": gen.name() + rng.choice(_COMPANY_ENDS),
            "R": gen.name() + rng.choice(_COMPANY_ENDS),
            "T": gen.name(),
            "P": f"{gen.name()} {rng.choice(('Air', 'Pro', 'Max', 'Lite', 'One'))}",
            "Land": land,
            "Reg": f"{land}'s competition authority",
            "city": gen.name(),
            "boss": boss,
            "since": str(self.first.year - rng.randint(2, 12)),
            "seg": rng.choice(_SEGMENTS),
            "Q": _QUARTERS[(self.first.month - 1) // 3 - 1]
            if self.first.month > 3
            else "fourth",
            "Y": str(self.first.year if self.first.month > 3 else self.first.year - 1),
            "years": rng.choice(("two", "three", "five")),
            # wording varies per event, not only per article: one outlet's phrase
            # is not every event's (a window of "24 hours" in every launch story
            # made one amount common to a thousand unrelated reports)
            "reported": rng.choice(("reported", "posted", "announced")),
            "complaints_word": rng.choice(("complaints", "grievances", "objections")),
        }
        self.words["first"], self.words["within"] = rng.choice(_WINDOWS)
        if kind == "disaster":
            what, label = rng.choice(_DISASTERS)
            self.words["N"] = f"{gen.name()} {label}"
            self.fire = what == "wildfire"

        def money(low: float, high: float) -> _Fact:
            usd = math.exp(rng.uniform(math.log(low), math.log(high)))
            return _Fact([_round_sig(usd / rate, 3)], money=True)

        def running(low: int, high: int) -> _Fact:
            start = rng.randint(low, high)
            return _Fact(
                [start, start + rng.randint(1, start // 3 + 2), 0], running=True
            )

        facts: dict[str, _Fact] = {}
        if kind == "results":
            facts["revenue"] = money(1e9, 200e9)
            facts["profit"] = _Fact(
                [_round_sig(facts["revenue"].values[0] * rng.uniform(0.04, 0.2), 3)],
                money=True,
            )
            facts["segment"] = _Fact(
                [_round_sig(facts["revenue"].values[0] * rng.uniform(0.1, 0.4), 3)],
                money=True,
            )
            facts["rival_revenue"] = money(1e9, 200e9)
            # the unit's share of revenue, as the two figures make it
            facts["share"] = _Fact(
                [round(100 * facts["segment"].values[0] / facts["revenue"].values[0])],
                percent=True,
            )
            facts["growth"] = _Fact([rng.randint(3, 60)], percent=True)
        elif kind == "pledge":
            facts["invest"] = money(0.5e9, 100e9)
            facts["part"] = _Fact(
                [_round_sig(facts["invest"].values[0] * rng.uniform(0.15, 0.5), 2)],
                money=True,
            )
            facts["jobs"] = _Fact([_round_sig(rng.randint(500, 90_000), 2)])
        elif kind == "fine":
            facts["fine"] = money(5e6, 5e9)
            facts["complaints"] = _Fact([rng.randint(120, 40_000)])
        elif kind == "deal":
            facts["price"] = money(50e6, 20e9)
            stake = rng.randint(10, 60)
            facts["stake"] = _Fact([stake], percent=True)
            facts["valuation"] = _Fact(
                [_round_sig(facts["price"].values[0] * 100 / stake, 3)], money=True
            )
        elif kind == "product":
            facts["price"] = money(150, 80_000)
            facts["orders"] = _Fact([rng.randint(1_200, 400_000)])
        else:
            facts["deaths"] = running(3, 400)
            facts["injured"] = running(20, 9_000)
            facts["area"] = _Fact([_round_sig(rng.randint(2_000, 400_000), 3)])
            facts["homes"] = _Fact([rng.randint(40, 20_000)])
        for f in facts.values():
            if f.running:  # a third report day, higher again
                f.values[2] = f.values[1] + rng.randint(0, int(f.values[1]) // 4 + 1)
        self.facts = facts

    def templates(self) -> list[str]:
        out = list(_TEMPLATES[self.kind])
        if self.kind == "disaster":
            out = [t for t in out if self.fire or "{area}" not in t]
        return out

    def write(self) -> tuple[list[Any], list[Planted]]:
        """The event's articles and what was planted in them."""
        from factcheck import Document

        rng = self.rng
        k = rng.randint(3, 5)
        # report days: a running count is a series over them; other facts stay
        days = sorted(rng.choice((0, 0, 1, 1, 2)) for _ in range(k))
        if self.kind == "disaster" and days.count(days[0]) < 2:
            days[1] = days[0]  # two reports of one day, so a wrong toll can be told
        outlets = rng.sample(_OUTLETS, k)
        templates = self.templates()
        chosen: list[list[str]] = []
        for _ in range(k):
            picked = rng.sample(templates, rng.randint(2, min(4, len(templates))))
            chosen.append([templates[0], *(t for t in picked if t != templates[0])])
        # where an error can be planted: a figure another article of the same
        # report day (any day, for a fact that does not run) also states
        stated = [
            {f for t in ts for f in _PLACEHOLDER.findall(t) if f in self.facts}
            for ts in chosen
        ]
        options = [
            (i, f)
            for i in range(k)
            for f in sorted(stated[i])
            if not self.facts[f].percent
            and any(
                f in stated[j] and (not self.facts[f].running or days[j] == days[i])
                for j in range(k)
                if j != i
            )
        ]
        plant: tuple[int, str, str] | None = None
        if options and rng.random() < PLANTED_SHARE:
            i, f = rng.choice(options)
            kinds = ["lost-digit", "transposition", "scale-slip"]
            if self.facts[f].running:
                # a toll is printed "at least N": a lower figure on the same day is
                # no contradiction, so only errors that raise it are planted there
                kinds.remove("lost-digit")
            if self.facts[f].money:
                kinds += ["wrong-rate", "currency-swap"]
                if self.code == "USD":
                    kinds.remove("wrong-rate")
            plant = (i, f, rng.choice(kinds))
        docs, planted = [], []
        for i in range(k):
            day = self.first + dt.timedelta(days=days[i])
            figures = {
                f: self.figure(
                    f, days[i], day, plant[2] if plant and plant[:2] == (i, f) else None
                )
                for f in sorted(stated[i])  # sets of str iterate in hash order
            }
            words = {**self.words, "weekday": _WEEKDAYS[day.weekday()]}
            sentences = [t.format_map({**words, **figures}) for t in chosen[i]]
            for filler in rng.sample(_FILLERS, rng.randint(1, 2)):
                sentences.insert(
                    rng.randint(1, len(sentences)), filler.format_map(words)
                )
            title = f"# {self.headline()}\n\n"
            body = title + "\n\n".join(sentences) + "\n"
            slug = regex.sub(r"\W+", "-", outlets[i].lower()).strip("-")
            path = f"gen/{self.number:05d}-{self.kind}/{slug}.md"
            spans: list[tuple[int, int]] = []
            while (mark := _MARK.search(body)) is not None:
                text = mark.group(1)
                spans.append((mark.start(), mark.start() + len(text)))
                body = body[: mark.start()] + text + body[mark.end() :]
            if spans and plant is not None:
                start, end = spans[0]
                planted.append(
                    Planted(
                        event=self.number,
                        path=path,
                        spans=tuple(spans),
                        kind=plant[2],
                        fact=plant[1],
                        text=body[start:end],
                    )
                )
            docs.append(
                Document(path=path, text=body, outlet=outlets[i], published=day)
            )
        return docs, planted

    def headline(self) -> str:
        w = self.words
        return {
            "results": f"{w['C']} reports quarterly results",
            "pledge": f"{w['C']} unveils {w['seg']} plan",
            "fine": f"{w['C']} fined by regulator",
            "deal": f"{w['C']} buys into {w['T']}",
            "product": f"{w['C']} launches the {w['P']}",
            "disaster": f"{w.get('N', 'Disaster')} in {w['Land']} Province",
        }[self.kind]

    def figure(self, fact: str, report: int, day: dt.date, error: str | None) -> str:
        """A fact's figure as one article prints it, with the planted ``error``
        wrapped in \\x01 \\x02 (where it is)."""
        rng, f = self.rng, self.facts[fact]
        value = f.value(report)
        if f.percent:
            return str(int(value))
        if not f.money:
            text = count(int(value))
            if error == "scale-slip":
                return f"\x01{count(int(value) * 10)}\x02"
            if error is not None:
                bad = _corrupt(rng, text, error, higher=f.running)
                return f"\x01{bad}\x02" if bad else f"\x01{count(int(value) * 10)}\x02"
            return text
        fmt = self.fmt
        local = value
        if error == "scale-slip":
            local = value * rng.choice((10, 0.1))
        if error == "currency-swap":
            fmt = next(lab for c, lab in _SWAP_LABELS if c != self.code)
        local_text = _money_text(local, fmt)
        if error in {"lost-digit", "transposition"}:
            local_text = _corrupt(rng, local_text, error) or _money_text(
                value * 10, fmt
            )
        if error in {"scale-slip", "currency-swap", "lost-digit", "transposition"}:
            local_text = f"\x01{local_text}\x02"
        if self.code == "USD" or (error != "wrong-rate" and rng.random() < 0.4):
            return local_text
        usd = value * self.gen.usd_rate(self.code, day)
        if error == "wrong-rate":
            usd *= rng.choice((0.7, 0.75, 1.3, 1.35))
        eq = _money_text(usd, rng.choice(("${}", "US${}", "about ${}")))
        if error == "wrong-rate":
            eq = f"\x01{eq}\x02"
        return f"{local_text} ({eq})"
