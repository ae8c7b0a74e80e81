"""What stands around a claim: the words and names that alignment weighs as shared
context (beside the claim frames), read from the claim's own stretch of its
sentence."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

import attrs
import regex

from factcheck.extractor.context import MONTHS as EXTRACTOR_MONTHS
from factcheck.model import Claim, Document, pickled_as_tuple

TOKEN = regex.compile(r"\p{L}[\w'’-]*[\p{L}\d]|\p{L}")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "are",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "than",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "until",
        "up",
        "down",
        "out",
        "off",
        "more",
        "less",
        "most",
        "least",
        "very",
        "also",
        "just",
        "only",
        "not",
        "no",
        "nor",
        "so",
        "such",
        "per",
        "via",
        "both",
        "each",
        "other",
        "another",
        "any",
        "all",
        "some",
        "same",
        "own",
        "their",
        "them",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "said",
        "says",
        "say",
        "according",
        "reported",
        "report",
        "reports",
        "reporting",
        "told",
        "tells",
        "new",
        "year",
        "years",
        "percent",
        "per",
        "cent",
        "billion",
        "million",
        "trillion",
        "thousand",
        "crore",
        "lakh",
        "there",
        "here",
        "then",
        "now",
        "still",
        "yet",
        "even",
        "though",
        "although",
        "because",
        "if",
        "whether",
        "however",
        "further",
        "total",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "estimated",
        "some",
        "like",
        "including",
        "among",
        "between",
        "within",
        "without",
        "across",
        "against",
        "during",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "last",
        "next",
    ]
)
CURRENCY_WORDS = frozenset(
    [
        "yuan",
        "renminbi",
        "rmb",
        "dollar",
        "dollars",
        "usd",
        "us",
        "euro",
        "euros",
        "eur",
        "pound",
        "pounds",
        "sterling",
        "gbp",
        "yen",
        "jpy",
        "won",
        "krw",
        "rupee",
        "rupees",
        "inr",
        "rs",
        "cny",
        "hk",
        "hkd",
        "reais",
        "real",
        "brl",
        "franc",
        "francs",
    ]
)
#: months (from the extractor, which skips dates) and weekdays: words of a date,
#: not of a subject
MONTHS = EXTRACTOR_MONTHS | frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_STRONG_BOUNDARY = regex.compile(r"[;:]")
_WINDOW = 10  # context tokens each side of a claim


@attrs.frozen(kw_only=True)
class ClaimRef:
    """A claim and the document it stands in."""

    document: Document
    claim: Claim
    doc_index: int
    #: unique within an audit: (document number, claim id). Stored, not rebuilt on
    #: each read: the aligner keys millions of pairs by it
    key: tuple[int, str] = attrs.field(init=False, eq=False, repr=False)

    @key.default
    def _key(self) -> tuple[int, str]:
        return (self.doc_index, self.claim.id)


@pickled_as_tuple
@attrs.frozen(kw_only=True)
class Context:
    """What stands around a claim: the words alignment compares."""

    words: frozenset[str]
    entities: frozenset[str]
    #: entities of the sentence, or of the one before, for a claim with none nearby
    #: ("it is considered one of the most cost-effective missions")
    topic: frozenset[str] = frozenset()

    @property
    def subjects(self) -> frozenset[str]:
        """The entities the claim is about: its own, else its sentence's topic."""
        return self.entities or self.topic


@attrs.frozen(kw_only=True)
class Match:
    """Two claims judged to state the same fact, with the evidence."""

    a: ClaimRef
    b: ClaimRef
    score: float
    evidence: tuple[str, ...]


#: Latin letters that Unicode does not decompose into a base letter and a mark, as
#: outlets write them without ("Łódź" and "Lodz", "Tromsø" and "Tromso")
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss"}
)


@functools.lru_cache(maxsize=4096)
def _folded(word: str) -> str:
    """A lower-case word without its diacritics ("petrópolis" is "petropolis")."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
        if not unicodedata.combining(c)
    )


def stem(word: str) -> str:
    """A crude English stem, enough to match "taxes" with "tax", "fines" with "fine".

    Diacritics fold away: outlets spell one name with and without them
    ("Petrópolis" and "Petropolis", "São Paulo" and "Sao Paulo", "Oğan" and "Ogan").

    >>> [stem(w) for w in ["taxes", "fines", "incidents", "companies", "business"]]
    ['tax', 'fine', 'incident', 'company', 'business']
    >>> [stem(w) for w in ["Petrópolis", "São", "Zürich's", "Oğan", "Łódź"]]
    ['petropolis', 'sao', 'zurich', 'ogan', 'lodz']
    """
    w = word.lower().replace("’", "'").removesuffix("'s")
    if not w.isascii():
        w = _folded(w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")):
        return w[:-1]
    return w


def place_of(word: str) -> str:
    """A place's adjective folded into the place: the lexicon's country adjectives
    ("moroccan" is "morocco", "irish" "ireland"), and names whose adjective adds
    "-n" ("australian" is "australia", "kenyan" "kenya", "indian" "india"); any
    other word as it is. Stories name their place either way ("the Australian
    bushfires", "the bushfires burning across Australia").

    >>> [place_of(w) for w in ["australian", "kenyan", "moroccan", "irish", "alibaba"]]
    ['australia', 'kenya', 'morocco', 'ireland', 'alibaba']
    """
    folded = _place_of_adjective().get(word)
    if folded is not None:
        return folded
    if len(word) > 5 and word.endswith("an") and word[-3] in "aiy":
        return word[:-1]
    return word


@functools.cache
def _place_of_adjective() -> dict[str, str]:
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return lexicon().place_of_adjective


def measure_key(claim: Claim) -> str:
    """What a claim measures, for grouping: money, percent or points, a physical
    unit, or a count (what is counted weighs in the similarity)."""
    if claim.kind == "money":
        return "money"
    if claim.kind == "percent":
        return f"percent:{claim.unit}"
    if claim.kind == "quantity":
        return f"quantity:{claim.unit}"
    if claim.kind == "count" and 0 < abs(claim.value) < 1:
        # "two-thirds of the vote", "half of the staff": a share in words, never a
        # count of voters or staff
        return "fraction"
    return "count"  # what is counted is compared as words (the noun), not as a key


_BOUNDARY = regex.compile(
    r"[;:]|,?\s+(?:and|while|whereas|but|plus|versus|vs\.?|against|compared with)\s+|,\s+"
)


def local_bounds(
    claim: Claim, s0: int, s1: int, spans: Sequence[tuple[int, int]], text: str
) -> tuple[int, int]:
    """The stretch of the sentence that belongs to this claim: from the last clause
    boundary after the previous claim, to the last clause boundary before the next."""
    prev_end = max(
        (e for s, e in spans if e <= claim.span.start and e > s0), default=s0
    )
    next_start = min(
        (s for s, e in spans if s >= claim.span.end and s < s1), default=s1
    )
    # between two claims, a ";" or ":" is the larger break: "took 41.3%; the
    # Conservative, 33.8%" splits at the semicolon, not at the comma after the name
    start = prev_end
    strong = list(_STRONG_BOUNDARY.finditer(text, prev_end, claim.span.start))
    cuts = strong if strong or prev_end == s0 else None
    if cuts is None:
        cuts = list(_BOUNDARY.finditer(text, prev_end, claim.span.start))
    if cuts:
        start = cuts[-1].end()
    end = next_start
    if next_start < s1:
        first = _STRONG_BOUNDARY.search(text, claim.span.end, next_start)
        if first is not None:
            end = first.start()
        else:
            cuts = list(_BOUNDARY.finditer(text, claim.span.end, next_start))
            if cuts:
                end = cuts[-1].start()
    else:
        first = _STRONG_BOUNDARY.search(text, claim.span.end, s1)
        if first is not None:
            end = first.start()
    cause = CAUSE.search(text, claim.span.end, end)
    if cause is not None:
        end = cause.start()
    return start, end


#: the reason given after a figure opens a phrase of its own: "rose $2.2 billion to
#: $56.8 billion on the back of higher global prices", "thanks to strong exports"
CAUSE = regex.compile(
    r"\s(?i:on\s+the\s+back\s+of|thanks\s+to|due\s+to|because\s+of|owing\s+to"
    r"|driven\s+by|helped\s+by)\s"
    # ", as rising energy costs inflated the bill": a clause of cause with its own
    # subject (not ", as of May", ", as well as", ", as much as")
    # " when its headquarters and other buildings collapsed": the clause of an
    # event, with its own subject
    r"|\s(?i:when)\s"
    r"|,\s+as\s+(?!(?i:of|well|much|many|far|long|soon|high|low|little|few|part"
    r"|such|a\s+result|expected|planned|forecast|reported|announced)\b)"
)


def context_of(ref: ClaimRef, claim_spans: Sequence[tuple[int, int]]) -> Context:
    """The words and entities around one claim.

    Words are those of the claim's own stretch of its sentence (see
    :func:`local_bounds`): in "Hyundai is recalling 1.64 million vehicles and Kia
    1.73 million", Kia belongs to the second figure only."""
    claim = ref.claim
    text = ref.document.prose
    if claim.sentence is not None:
        s0, s1 = claim.sentence.start, claim.sentence.end
    else:
        s0, s1 = claim.span.start, claim.span.end
    start, end = local_bounds(claim, s0, s1, claim_spans, text)
    before = list(TOKEN.finditer(text, start, claim.span.start))[-_WINDOW:]
    after = list(TOKEN.finditer(text, claim.span.end, end))[:_WINDOW]
    words: set[str] = set()
    entities: set[str] = set()
    for m in (*before, *after):
        if _inside_claim(m.start(), m.end(), claim_spans):
            continue
        tok = m.group()
        low = tok.lower()
        if low in STOPWORDS or low in CURRENCY_WORDS or low in MONTHS or len(low) < 3:
            continue
        words.add(stem(low))
        if "-" in low:  # "inheritance-related" also says "inheritance"
            words.update(
                stem(p) for p in low.split("-") if len(p) > 2 and p not in STOPWORDS
            )
        if tok[0].isupper() and (
            is_name(tok) or not after_sentence_end(text, m.start())
        ):
            entities.add(stem(low))
    # the clause's subject ("Cloud revenue rose 13% to 31.7 billion yuan") is
    # context for every figure that follows it, not only for the first
    first = min((a for a, b in claim_spans if s0 <= a < s1), default=claim.span.start)
    if first < start and not _STRONG_BOUNDARY.search(text, first, claim.span.start):
        head_start = max(
            (m.end() for m in _STRONG_BOUNDARY.finditer(text, s0, first)), default=s0
        )
        for m in TOKEN.finditer(text, head_start, first):
            low = m.group().lower()
            if low not in STOPWORDS and low not in CURRENCY_WORDS and len(low) > 2:
                words.add(stem(low))
    topic: frozenset[str] = frozenset()
    if not entities:
        topic = _entities_between(text, s0, s1, claim_spans)
        if not topic and s0 > 0:
            prev = text.rfind(".", 0, max(0, s0 - 2))
            topic = _entities_between(text, prev + 1, s0, claim_spans)
    return Context(
        words=frozenset(words),
        entities=frozenset(entities),
        topic=topic,
    )


def _entities_between(
    text: str, start: int, end: int, claim_spans: Sequence[tuple[int, int]]
) -> frozenset[str]:
    found = set()
    for m in TOKEN.finditer(text, start, end):
        tok = m.group()
        low = tok.lower()
        if (
            tok[0].isupper()
            and low not in STOPWORDS
            and low not in MONTHS
            and low not in CURRENCY_WORDS
            and len(low) > 2
            and (is_name(tok) or not after_sentence_end(text, m.start()))
            and not _inside_claim(m.start(), m.end(), claim_spans)
        ):
            found.add(stem(low))
    return frozenset(found)


def _inside_claim(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def is_name(token: str) -> bool:
    """A token that is a name wherever it stands: "Chandrayaan-2", "NHTSA", "iPhone"."""
    return any(c.isdigit() for c in token) or (
        len(token) > 1 and (token.isupper() or any(c.isupper() for c in token[1:]))
    )


def after_sentence_end(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t\"“'(":
        i -= 1
    return i < 0 or text[i] in ".!?\n"
