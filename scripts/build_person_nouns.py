"""Regenerate ``bot/matching/wordlists/person_nouns.txt`` from Princeton WordNet 3.0.

Why WordNet: a question's words about people ("my aunt", "the vendor", "our analysts", "a
room of teachers") are talk around the term it asks about, never another sense of it; the
hand list of audiences (``bot/matching/trust/talk.py``'s ``PEOPLE``, still used where an
explanation is addressed to someone) names a few dozen, and every new question set brought more.
WordNet files each noun sense under a lexicographer file; ``noun.person`` is the class of
nouns that name people, kept by linguists, not by us.

Usage (Debian's ``wordnet-base`` package installs the database; only this script needs it):

    apt-get install wordnet-base
    .venv/bin/python scripts/build_person_nouns.py [/usr/share/wordnet]

Which nouns: single lower-case words whose first (most frequent) sense is a person and at
least half of whose senses are; used as a noun at least as often as a verb or an adjective
(SemCor's counts in WordNet: "pilot", "judge", "senior" are mostly something else); common
enough for wordfreq's small English list (the lexicon's own floor); and not a role that
software gives a name to (below).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wordfreq import zipf_frequency

PERSON = 18  # lexicographer file number of noun.person (WordNet's lexnames)
MIN_ZIPF = 3.0  # bot.matching.lexicon.MIN_ZIPF
OUT = Path(__file__).resolve().parent.parent / "bot" / "matching" / "wordlists" / "person_nouns.txt"
# People in WordNet, parts of programs (or of ML methods) in our field, or tools: "the
# server", "a worker", "mixture of experts", "teacher and student models", "actor-critic",
# "a LoRA adapter", "the data loader", "a calculator tool".


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


COMPUTING_ROLES = _words(
    """
    server client host driver worker user master slave reader writer speaker monitor
    controller runner handler listener subscriber publisher consumer producer sender
    receiver caller operator interpreter compiler translator critic actor expert learner
    agent assistant teacher student generator discriminator encoder decoder scheduler
    owner admin administrator moderator member guest follower leader peer node
    adapter browser loader proxy selector slider avatar cyborg calculator locator observer
    planner provider qualifier scorer shifter changer cutter packer saver finder fixer maker
    conveyor coaster closer passer mover ringer rounder rover shaker spoiler bearer blocker
    booster buster collector dispatcher distributor grader hanger sharper trainer tracker
    dropout sentinel watchdog doc git roc prophet sentry postman temp nan neighbor neighbour
    pro
    """
)
# People whose trade names the other sense a question means ("my nurse says my temperature is
# high", "the mechanic says the transformer is shot"): WordNet 3.0's synsets
# health_professional.n.01 and skilled_worker.n.01, and everyone below them.
TRADES = frozenset({"10165109", "10605985"})
# Groups of people organised for work ("a bus company", "our payroll team", "a mid-size org"):
# WordNet 3.0's synset organization.n.01 and everything below it. A phrase naming where an
# answer would serve ("what can llms do for a bus company") is talk around the term.
ORGANIZATION = "08008335"
GROUP_SENSES = 2  # an organisation in its first or second sense ("hospital": a building first)
# Titles of people at work (and a family word) that WordNet 3.0 (2006) lacks or files under
# another sense (its "intern" is a doctor in training, its "mum" a flower).
WORKPLACE = _words(
    "vp vps svp evp cto ctos coo cmo cio ciso pm pms sre sres swe swes dev devs intern interns eng"
    " engs mum mums"
)
# Organisations at work that WordNet 3.0 lacks ("startup" is only the act of starting there).
WORKPLACE_GROUPS = _words("org orgs dept depts startup startups")
HEADER = """\
# Nouns that name people, from Princeton WordNet 3.0 (noun.person), made by
# scripts/build_person_nouns.py: do not edit by hand. A question's words about people are talk
# around the term it asks about (bot/matching/trust/context.py); a word marked "trade" names
# people whose trade may name another sense of it ("my nurse says my temperature is high"); a
# word marked "group" names people organised for work ("company", "team": organization.n.01).
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or database. Title to
# copyright in this software, database and any associated documentation shall at all times
# remain with Princeton University and LICENSEE agrees to preserve same.
# (The full licence: https://wordnet.princeton.edu/license-and-commercial-use)
"""


def _tagged(path: Path) -> dict[str, int]:
    """Each lemma of an index file -> how many of its uses SemCor tagged (its tagsense_cnt)."""
    found = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line and not line.startswith("  "):
            parts = line.split()
            found[parts[0]] = int(parts[4 + int(parts[3]) + 1])
    return found


def _within(offset: str, parents: dict[str, list[str]], kinds: frozenset[str]) -> bool:
    """Whether a synset is one of ``kinds`` or below one, by its hypernyms."""
    seen: set[str] = set()
    todo = [offset]
    while todo:
        at = todo.pop()
        if at in kinds:
            return True
        if at not in seen:
            seen.add(at)
            todo.extend(parents.get(at, ()))
    return False


def person_nouns(wordnet: Path) -> dict[str, str]:
    """The nouns, each with its class: "person", "trade" for the people of ``TRADES``, or
    "group" for the organisations of ``ORGANIZATION``."""
    lexfile: dict[str, int] = {}
    written: dict[str, set[str]] = {}  # a synset offset -> its words as written
    parents: dict[str, list[str]] = {}  # a synset offset -> its hypernyms
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line or line.startswith("  "):
            continue
        parts = line.split()
        lexfile[parts[0]] = int(parts[1])
        count = int(parts[3], 16)
        written[parts[0]] = set(parts[4 : 4 + 2 * count : 2])
        at = 4 + 2 * count
        pointers = [parts[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(parts[at]))]
        parents[parts[0]] = [p[1] for p in pointers if p[0] in {"@", "@i"}]
    verbs, adjectives = _tagged(wordnet / "index.verb"), _tagged(wordnet / "index.adj")
    found: dict[str, str] = dict.fromkeys(WORKPLACE, "person")
    groups: dict[str, str] = dict.fromkeys(WORKPLACE_GROUPS, "group")
    for line in (wordnet / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line or line.startswith("  "):
            continue
        parts = line.split()
        lemma, pointers = parts[0], int(parts[3])
        offsets = parts[4 + pointers + 2 :]
        files = [lexfile[o] for o in offsets]
        # Chat drops the hyphen of "co-worker"; the synset writes it with one.
        word = lemma.replace("-", "") if lemma.count("-") == 1 else lemma
        if not word.isalpha() or word in COMPUTING_ROLES:
            continue
        # Also a verb or an adjective: a noun only if SemCor saw it used as one at least as
        # often ("boss", "intern" are people; "pilot", "judge", "senior" mostly are not).
        noun_uses = int(parts[4 + pointers + 1])
        other_uses = max(verbs.get(lemma, -1), adjectives.get(lemma, -1))
        if other_uses > noun_uses or (other_uses >= 0 and noun_uses == 0 and other_uses > 0):
            continue
        if zipf_frequency(word, "en", wordlist="small") < MIN_ZIPF:
            continue
        if files[0] == PERSON and 2 * files.count(PERSON) >= len(files):
            forms = written[offsets[0]]
            if lemma not in forms and lemma.upper() not in forms:  # a name: "David" (not "CEO")
                continue
            found.setdefault(word, "trade" if _within(offsets[0], parents, TRADES) else "person")
        elif any(
            lemma in written[o] and _within(o, parents, frozenset({ORGANIZATION}))
            for o in offsets[:GROUP_SENSES]
        ):
            # Written in lower case: not an abbreviation or a name ("AA", "NASA").
            groups.setdefault(word, "group")
    for word, kind in groups.items():
        found.setdefault(word, kind)
    return dict(sorted(found.items()))


def main(argv: list[str]) -> int:
    wordnet = Path(argv[1] if len(argv) > 1 else "/usr/share/wordnet")
    if not (wordnet / "index.noun").is_file():
        print(f"{wordnet}: no WordNet database (apt-get install wordnet-base)", file=sys.stderr)
        return 1
    nouns = person_nouns(wordnet)
    lines = [word if kind == "person" else f"{word} {kind}" for word, kind in nouns.items()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(nouns)} nouns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
