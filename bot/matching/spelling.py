"""British spellings as American ones, before stemming: "summarising" and "summarizing" are
one word to the coverage check, which Porter 2 alone stems apart ("summaris", "summar").

Applied alike to the knowledge and to questions, so a rule that rewrites a word with no
American twin ("promise" -> "promize") changes nothing but the key both sides meet at; only a
rule that made two different words meet would harm, hence the length floors (no "four" ->
"for", no "rise" -> "rize").
"""

from __future__ import annotations

import re

# -ise/-yse verbs and their forms: organise, organisation, organiser; analyse.
_ISE = re.compile(r"^(\w{3,}?)([iy])s(e|es|ed|ing|ation|ations|er|ers|able)$")
# -our nouns: colour, behaviour, favourite, honourable (not four, hour, tour, your).
_OUR = re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ful|less|ist|ists)?$")
_TRE = re.compile(r"^(\w{3,})tre(s|d)?$")  # centre, theatre (not metre: too short)
_OGUE = re.compile(r"^(\w{3,})ogue(s)?$")  # catalogue, dialogue, analogue
_WORDS = {
    "licence": "license",
    "licences": "licenses",
    "defence": "defense",
    "offence": "offense",
    "programme": "program",
    "programmes": "programs",
}


def american(word: str) -> str:
    """``word`` in American spelling when a rule above knows its British one, else as is."""
    found = _WORDS.get(word)
    if found is not None:
        return found
    if (m := _ISE.match(word)) is not None:
        return f"{m.group(1)}{m.group(2)}z{m.group(3)}"
    if (m := _OUR.match(word)) is not None:
        return f"{m.group(1)}or{m.group(2) or ''}"
    if (m := _TRE.match(word)) is not None:
        return f"{m.group(1)}ter{m.group(2) or ''}"
    if (m := _OGUE.match(word)) is not None:
        return f"{m.group(1)}og{m.group(2) or ''}"
    return word
