"""scripts/build_person_nouns.py on a miniature WordNet in WordNet's own file formats."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]

# data.noun: offset, lexicographer file (18 = noun.person, 06 = noun.artifact), "n", word
# count (hex), then word and lex id pairs, then pointers and a gloss.
DATA_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by Princeton
00000001 18 n 01 aunt 0 000 | the sister of your father or mother
00000002 06 n 01 guitar 0 000 | a stringed instrument
00000003 18 n 01 pilot 0 000 | someone who flies an aircraft
00000004 18 n 01 server 0 000 | a person who serves
00000005 18 n 01 David 0 000 | a king of Israel
00000006 18 n 01 co-worker 0 000 | an associate you work with
00000007 18 n 02 chief_executive_officer 0 CEO 0 000 | the head of a company
00000008 18 n 01 boss 0 000 | a person who exercises control
00000009 06 n 01 boss 1 000 | a circular rounded projection
00000010 18 n 01 teller 0 000 | an employee of a bank
00000011 06 n 01 teller 1 000 | a machine that counts
00000012 06 n 01 teller 2 000 | a device
00000013 18 n 01 nurse 0 001 @ 10165109 n 0000 | one who cares for the sick
10165109 18 n 01 health_professional 0 000 | a person who provides health care
08008335 14 n 01 organization 0 000 | a group of people who work together
00000014 14 n 01 company 0 001 @ 08008335 n 0000 | an institution created to conduct business
00000015 06 n 01 hospital 0 000 | a building where patients receive treatment
00000016 14 n 01 hospital 1 001 @ 08008335 n 0000 | a medical institution
00000017 14 n 01 crowd 0 000 | a large number of things or people
00000018 14 n 01 NASA 0 001 @ 08008335 n 0000 | an agency
"""
# index.noun: lemma, "n", synset count, pointer count, pointers, sense count, tagged
# sense count, then the synset offsets, most frequent sense first.
INDEX_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by Princeton
aunt n 1 0 1 5 00000001
guitar n 1 0 1 4 00000002
pilot n 1 0 1 1 00000003
server n 1 0 1 1 00000004
david n 1 0 1 1 00000005
co-worker n 1 0 1 1 00000006
ceo n 1 0 1 1 00000007
boss n 2 0 2 3 00000008 00000009
teller n 3 0 3 1 00000010 00000011 00000012
nurse n 1 1 @ 1 2 00000013
company n 1 1 @ 1 4 00000014
hospital n 2 1 @ 2 3 00000015 00000016
crowd n 1 0 1 2 00000017
nasa n 1 1 @ 1 1 00000018
"""
INDEX_VERB = "pilot v 1 0 1 2 00000100\nboss v 1 0 1 0 00000101\n"
INDEX_ADJ = ""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_person_nouns", ROOT / "scripts" / "build_person_nouns.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_people_nouns_are_picked_by_their_senses_and_uses(tmp_path: Path) -> None:
    for name, text in (
        ("data.noun", DATA_NOUN),
        ("index.noun", INDEX_NOUN),
        ("index.verb", INDEX_VERB),
        ("index.adj", INDEX_ADJ),
    ):
        (tmp_path / name).write_text(text, encoding="latin-1")
    script = _script()
    classes = script.person_nouns(tmp_path)
    found = {w for w, kind in classes.items() if kind == "person"} - script.WORKPLACE
    # aunt: a person; coworker: the hyphen dropped as chat drops it; ceo: written as an
    # abbreviation, not a name; boss: a verb SemCor never saw used as one.
    # Left out: a thing (guitar), mostly a verb (pilot), a role software names (server), a
    # name (David), a person in one sense of three (teller).
    assert found == {"aunt", "coworker", "ceo", "boss"}
    # A health professional's trade may name another sense ("my nurse says my temperature is
    # high"): kept apart.
    assert classes["nurse"] == "trade"
    # Organisations: in the first sense (company) or the second (a hospital is a building
    # first); not a group of any kind (crowd), not an abbreviation written in capitals (NASA).
    groups = {w for w, kind in classes.items() if kind == "group"} - script.WORKPLACE_GROUPS
    assert groups == {"company", "hospital"}


def test_the_committed_list_is_the_scripts_output_shape() -> None:
    text = (ROOT / "bot" / "matching" / "wordlists" / "person_nouns.txt").read_text("utf-8")
    assert "Princeton University" in text  # the licence travels with the data
    rows = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    words = [row[0] for row in rows]
    assert words == sorted(set(words)) and len(words) > 500
    assert all(w.isalpha() and w.islower() for w in words)
    assert all(row[1:] in ([], ["trade"], ["group"]) for row in rows)
    assert _script().COMPUTING_ROLES.isdisjoint(words)
