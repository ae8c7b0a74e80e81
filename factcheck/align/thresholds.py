"""Every weight and threshold of alignment, in one place, each with the phenomenon it
serves. A decision's confidence is the sum of the weights of the evidence found
(:mod:`factcheck.align.decide`); errors and warnings need ``CONFIDENT``, a weaker
match gives at most an info-level "possible conflict"."""

from __future__ import annotations

#: Both claims print the same specific amount ("380 billion yuan"), or restate one:
#: outlets copying one figure from one statement. Enough on its own.
SAME_ANCHOR = 3.0
#: ... and it outweighs two attribute words that differ ("a 39% stake" and "39% of
#: its revenue") only if the amount is rare enough that two stories rarely print it
#: by chance: a percentage shows this many significant digits ("47.83%"; "39%" is
#: one of a hundred round shares every kind of story prints)
DISTINCT_PERCENT_DIGITS = 3
#: A stated amount (not a percentage) with this many significant digits ("1,068
#: trillion dong", "2,527 loans") is retold, not printed again by chance: a follow-up
#: months later (an appeal's verdict, an anniversary) that restates it states the
#: same fact even when neither report names whose it is (two different holders still
#: veto the match)
RETOLD_DIGITS = 4
#: Both name the same holder ("the standard SU7" and "the SU7"): whose number it is.
SAME_HOLDER = 1.5
#: Neither names a holder, and both documents are about the same names (a cluster
#: of reports of one event): the figure is the story's, but which part of it is
#: unknown.
SAME_TOPIC = 0.5
#: One holder's words contain the other's ("Alibaba" and "Alibaba's cloud unit"):
#: maybe the same, maybe a part of it.
PARTIAL_HOLDER = 0.5
#: Both measure the same attribute class ("fine" and "penalty"; "orders" and
#: "pre-orders").
SAME_ATTRIBUTE = 1.5
#: Both count the same noun, with no attribute word ("22 thermal incidents").
SAME_NOUN = 1.0
#: Both are quantities of one dimension with no attribute word: weak, lengths are
#: everywhere in a story.
SAME_DIMENSION = 0.25
#: Both state the same time point, period or window explicitly ("on Tuesday",
#: "in its first 24 hours").
SAME_TIME = 0.5
#: Two reports of one story (the same names), on different days, count one running
#: toll with no holder but the story's event ("the earthquake killed seven", "the
#: death toll climbed to 12"): two moments of the story's toll. Which of the
#: story's counts each is stays inferred, so the match stays below PROBABLE: a
#: later count below an earlier "at least" gives no warning (on eleven sets of
#: events never read, such falls were wrong five times and right once). A fall
#: between two counts that each name the tally itself ("the death toll has risen to
#: 176", "the official death toll stands at 136") is no part of the story but its
#: whole: it keeps its match (on nineteen sets of events it found two planted
#: slips and raised no false alarm). (Reports of one day get no such weight: a toll
#: may rise within a day.)
STORY_TOLL = 0.75
#: Two reports of one story (no holder named but the story's), each stating exactly
#: one figure of an attribute ("a crowd of 88,966" and "more than 89,000 fans
#: attended"; "a margin of 1,269,501 votes" and "won by more than 1.3 million"):
#: a story gives its one attendance, its one margin, once, so the two are probably
#: that figure. Probable at most (a warning): which part of the story it is stays
#: inferred. A report stating two figures of the attribute (two matches' crowds,
#: two companies' stores) gets no such weight.
STORY_FIGURE = 0.75
#: ... and only when the two are of one unit and nearly agree: a retelling rounds
#: ("more than 89,000" for 88,966) or slips a digit (5.82% and 5.28%) but stays
#: within this share of the value; lone figures further apart are more often two
#: facts the story gives once each (a programme's total and one year's part, two
#: fines, a tariff and the rate before it)
STORY_FIGURE_NEAR = 0.1
#: Two changes follow levels that state one specific amount ("602.3 billion yuan,
#: up 24%" and "602.32 billion yuan, up 42.04 percent"): the growth of one result.
SAME_LEVEL = 1.0
#: Two percentages restate changes that state one specific amount ("dropped 96.66
#: points, or 4.86 percent" and "slid 96.66 points, or 3.86 percent"): the same
#: move, told in percent twice. As strong as the level two changes follow.
SAME_CHANGE = 1.0
#: Two different values of one unit print the same digits, a decimal moved (26.2
#: and 2.62 billion) or two digits swapped (4.5% and 5.4%): a figure copied wrong,
#: rarely two facts. Added to a match that is at least possible with it.
DIGIT_SLIP = 1.0
#: ... and between two reports that give one named attribute ("crew members",
#: "attendance", "vaccine doses"), a slip says which of the story's figures each is:
#: it weighs this much and makes a match probable (a warning) even when the holder
#: each report reads is unknown
DIGIT_SLIP_SAME_ATTRIBUTE = 1.5
#: ... a decimal moved this many times over: one place, or a scale word (million for
#: billion); a hundredfold is more often a share beside a count
SLIP_SCALES = (10.0, 1000.0)
#: ... and two reports of one story (shared names, one news cycle) that print a
#: figure of at least ``SLIP_STAGE_DIGITS`` significant digits two ways ("$60.5
#: million" and "$50.6 million" posting fees; "Rs 43,084 crore" and "Rs 43,804
#: crore") have copied one figure wrong, since two facts of one story rarely
#: share three digits by chance. Nearly as strong as one stated amount printed
#: twice (``SAME_ANCHOR``): with shared words or an attribute it makes a probable
#: match (a warning at most) even when the holders each report reads are unknown;
#: holders named apart still keep the two figures apart
DIGIT_SLIP_LONG = 2.5
#: ... counted between reports that share at least this many main names (one
#: story): one shared capitalized word ("Rival") is how unrelated stories of an
#: archive meet
SLIP_STORY_NAMES = 2
#: Two reports of one story (``SLIP_STORY_NAMES``) whose quantities in two units a
#: wrong recipe turns into each other ("57-kilometre" and "91.7 miles", the factor
#: applied the wrong way round; "40.3C" and "72.5 degrees Fahrenheit", scaled
#: without the offset: :mod:`factcheck.normalize.slips`) have converted one figure
#: wrong: as strong as a long digit slip, and as it does, it makes a match probable
#: (a warning at most) even when the holders each report reads are unknown
CONVERSION_SLIP = 2.5
#: ... counted only for values of at least this many significant digits ("4" and
#: "40" share a digit by chance)
SLIP_DIGITS = 2
#: a slip of at least this many significant digits between two reports of one news
#: cycle is compared whatever stage each gives it ("Rs 43,084 crore" bid, "Rs 43,804
#: crore" spent): two-digit figures ("4.5%" forecast, "5.4%" result) share their
#: digits by chance too often
SLIP_STAGE_DIGITS = 3
#: two exact figures of at least this many significant digits that differ in one
#: digit ("88,966" and "88,996" spectators) print one figure with a digit mistyped:
#: two facts of one story rarely share all but one of four digits. Read only where
#: the frames already say the same attribute or holder, never across stages (a
#: count revised from 5,339,053 to 5,339,153 differs in one digit too)
CHANGED_DIGIT_DIGITS = 4
#: Two weak pairs between the same two reports whose figures are exchanged ("45
#: dead and 47 missing" against "47 people had died and 45 were still missing",
#: "Third Way 65 and the Left 26" against "Third Way won 26 seats and the Left
#: 65", Curry's and Federer's earnings): two exact coincidences at once are a
#: figure swapped between two holders or attributes, rarely four facts. Added to
#: each pair's confidence; the pair is never made more than probable (a warning at
#: most).
SWAPPED = 1.0
#: A count printed to this many significant digits ("280.04 million", "9,328") is
#: no coincidence: two reports giving a share of it give shares of one amount. (A
#: rounder count, "22 fires", may be two facts.)
SPECIFIC_COUNT_DIGITS = 4
#: How much the words around the claims count: the IDF-weighted overlap of their
#: clauses (0 to about 1.5) times this. A headline restating its body shares most
#: of its words.
CONTEXT_WEIGHT = 1.0
#: Two claims of one document: the same outlet rarely gives one fact two values on
#: purpose, so a restatement (a headline and its body) needs less.
SAME_DOCUMENT = 0.5
#: ... but not two amounts this many times apart in one unit, unless they print the
#: same digits: an outlet's misprint stays near its figure (a rounding, two digits
#: swapped) or keeps its digits (a decimal moved), while one report giving one
#: holder two figures many times apart gives a part and its whole (a candidate's
#: 572,606 votes in Lagos, 8.8 million nationwide): an info at most. The same
#: bar holds for two figures of one report joined only through other reports'
#: figures (FC103 on a fact group: no decision of their own says they are one)
SAME_DOCUMENT_FAR = 3.0
#: Two claims of one document with no holder named are one fact only when their
#: clauses say the same thing ("the same sentence restated"): this much overlap.
RESTATED_SIMILARITY = 0.6
#: ... and at least this many shared words: one shared verb ("grew", "burned") in two
#: short clauses scores a high overlap without restating anything (also what a
#: ``DIGIT_SLIP_LONG`` pair's clauses must share: "revenue" alone is how two
#: companies' results meet)
RESTATED_WORDS = 2
#: ... except for a figure of at least this many significant digits printed two
#: ways in one story ("It sits on 2,635 hectares" and "Site: 2,653 hectares"): four
#: digits in another order meet by chance too rarely to need the clauses' words
SLIP_WORDLESS_DIGITS = 4
#: A headline restates its story's lead figure: a figure of the headline and one of
#: the body with the same attribute are one fact unless their frames differ.
HEADLINE = 0.75
#: Reports further apart than a news cycle rarely state the same fact.
NEWS_CYCLE_DAYS = 60
#: A figure set anew at each release (a policy rate at each meeting, a monthly
#: inflation print; `release = true` in the lexicon) is covered for a few days;
#: reports further apart than this, with no time in common, may give two releases
#: (February's 400-basis-point hike to 22.75% and March's 200 to 24.75%, a month's
#: CPI print and the next's 10 days later on another index): an info at most. A
#: week, as ONE_MOMENT_DAYS: outlets retell one release within days of it.
RELEASE_CYCLE_DAYS = 7
#: Outlets retelling one announcement publish within a week of it: one amount
#: printed by two reports about different names is that announcement only this close
#: together (weeks apart, an archive's unrelated stories print the same "2.2
#: trillion won" by chance).
ONE_MOMENT_DAYS = 7
#: A figure dated to a year at least this many years before both reports'
#: publication is recalled history ("swept to power in 2002 with 62% of the vote" in
#: a 2007 report), whatever its role; an undated figure of the reports is their
#: present. (One year back is a year's result reported the year after: "revenue of
#: $5bn in 2023" in a 2024 report may be its undated "revenue of $5bn".)
RECALLED_YEARS = 2
SEPARATE_CYCLES = -1.0
#: A decision at or above this is confident: it may give an error or a warning.
CONFIDENT = 3.0
#: At or above this, a decision whose holder is named on both sides and the same is
#: probable: a warning at most ("Renewables supplied 41% of the grid's power last
#: year" against 38%: same holder, time and role, and no amount in common).
PROBABLE = 2.75
#: A decision whose holder is only inferred (no holder named on one side, the
#: story's subject standing in, or holders that overlap) is probable only at this
#: bar, the one a confident match needs: an inferred holder is weaker evidence, never
#: a reason to ask for less. Same story, same attribute and shared clause words fall
#: short of it; with more (a change of one level, one figure printed two ways) they
#: reach it. Below it, as in a story whose report gives several figures of
#: the attribute with no holder (one region's toll, two regions' together), it is an
#: info at most. (At PROBABLE, on four sets of events the audit had not seen, such
#: warnings outside running tallies were wrong on 2 facts, Chechnya's turnout taken
#: for Russia's, and right on none; on the development corpus right on 1.) A long
#: digit slip (``DIGIT_SLIP_LONG``) is held to ``PROBABLE`` instead: three digits of
#: one story's figure in another order say which figure it is, whoever holds it.
PROBABLE_INFERRED = CONFIDENT
#: At or above this (and below the bars above) it may give an info "possible
#: conflict".
POSSIBLE = 2.0
#: A word shared by more claims than this (in one measure) is too common to find
#: pairs by; blocks this large are skipped (the audit stays near-linear).
MAX_BLOCK = 150
#: How many of a document's most frequent names stand for its topic when a claim
#: names no holder of its own.
TOPIC_NAMES = 3
