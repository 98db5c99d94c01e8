"""People where the field has a system, which no snippet explains:

- a person hallucinating: the field's word for invented output, used of someone's experience
  ("a caller says she's been hallucinating since changing medication", "is it normal to
  hallucinate when falling asleep"): the medical sense; only when nothing else of the field
  is in the question ("my manager says chatgpt hallucinates" stays the field's);
- a human agent: "can i talk to a real support agent", "speak to a human agent instead of the
  bot", "who's the on-call support agent tonight", "who's the agent on 24/0311": a person at a
  help desk or on a case, not an AI agent.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from bot.matching.trust.grammar import DETERMINERS, vocabulary

HALLUCINATING = "hallucinat"  # the stem every form shares
PEOPLE = vocabulary(
    """
    i im ive he hes she shes they theyre we were someone somebody people patient patients
    caller callers resident residents child children kid kids subject subjects
    """
)
# Between the person and the word: how, when or that they do it ("she's been", "i keep").
BETWEEN = vocabulary(
    """
    is s are was were been be being has have had keeps keep kept started starts start
    began begun seems seem seemed still always often sometimes also just now reportedly
    reported report reports reporting experiencing experience experienced having
    """
)
REACH = 3  # words between the person and the word at most
HAVING = vocabulary("have has had having")  # not "get": "i don't get hallucinations" is understand
# Whatever else names the field: then it is the model that hallucinates.
FIELD = vocabulary(
    """
    ai ml llm llms model models chatbot chatbots bot bots chatgpt gpt assistant assistants
    copilot gemini claude genai generative tool tools system systems output answer answers
    """
)


def person_hallucinating(
    sentences: Sequence[Sequence[str]], names_person: Callable[[str], bool]
) -> bool:
    """Whether a question, as its runs of words (:func:`bot.matching.trust.grammar.runs`),
    speaks of a person hallucinating and of nothing else of the field."""
    if any(t in FIELD for tokens in sentences for t in tokens):
        return False
    return any(_in(tokens, names_person) for tokens in sentences)


def _in(tokens: Sequence[str], names_person: Callable[[str], bool]) -> bool:
    for at, token in enumerate(tokens):
        if not token.startswith(HALLUCINATING):
            continue
        i = at - 1
        while i >= 0 and at - i <= REACH + 1 and tokens[i] in BETWEEN:
            i -= 1
        if i >= 0 and at - i <= REACH + 1 and (tokens[i] in PEOPLE or names_person(tokens[i])):
            return True
        # "child has a high temp and is hallucinating": the subject of the verb before "and"
        if i >= 0 and tokens[i] == "and" and i < at - 1 and _person_opens(tokens[:i], names_person):
            return True
        # "can lack of sleep make you hallucinate": made to
        if at >= 2 and tokens[at - 2] in {"make", "makes", "made"} and tokens[at - 1] != "it":
            return True
        # "is it normal to have a hallucination when falling asleep": had, as a person has it
        had = at - 1 if at >= 1 and tokens[at - 1] in {"a", "these", "those"} else at
        if had >= 1 and tokens[had - 1] in HAVING:
            return True
    return False


COORDINATED_REACH = 8  # words from the sentence's subject to the "and" at most


def _person_opens(tokens: Sequence[str], names_person: Callable[[str], bool]) -> bool:
    """Whether the clause before "and" opens with a person ("my grandad had a fall", "the
    patient in bay 4 has a fever"): after at most a determiner (:data:`DETERMINERS`), within
    :data:`COORDINATED_REACH` words."""
    start = 1 if tokens and tokens[0] in DETERMINERS else 0
    return (
        0 < len(tokens) <= COORDINATED_REACH
        and start < len(tokens)
        and (tokens[start] in PEOPLE or names_person(tokens[start]))
    )


AGENTS = vocabulary("agent agents")
# What makes an agent a person: "a real / human / live agent", "the on-call agent".
HUMAN = vocabulary("real human live actual person oncall duty")
AGENT_REACH = 2  # words between the marker and "agent" ("a real support agent")
# Talking to one: "talk to a support agent", "speak with an agent".
TALKING = vocabulary("talk talking speak speaking chat chatting")


def human_agent(sentences: Sequence[Sequence[str]]) -> bool:
    """Whether a question, as its runs of words (:func:`bot.matching.trust.grammar.runs`),
    speaks of a person at a help desk as an agent (above)."""
    for tokens in sentences:
        for at, token in enumerate(tokens):
            if token not in AGENTS:
                continue
            before = tokens[max(0, at - AGENT_REACH - 1) : at]
            if not HUMAN.isdisjoint(before) or _on_call(tokens, at) or _who_is(tokens, at):
                return True
            # "talk to a support agent": over "to"/"with" and an article
            window = tokens[max(0, at - AGENT_REACH - 3) : at]
            if not TALKING.isdisjoint(window) and ({"to", "with"} & set(window)):
                return True
    return False


WHO_IS = (("whos",), ("who", "is"), ("who", "s"))


def _who_is(tokens: Sequence[str], at: int) -> bool:
    """ "who's the agent on this case", "who is our agent": which person, by a determiner
    right before one agent ("what agent" or "which agents" may ask of a kind)."""
    if tokens[at] != "agent" or at < 2 or tokens[at - 1] not in DETERMINERS:
        return False
    opens = at - 1  # where the determiner stands; "who's" or "who is" ends right before it
    return any(opens >= len(w) and tuple(tokens[opens - len(w) : opens]) == w for w in WHO_IS)


def _on_call(tokens: Sequence[str], at: int) -> bool:
    """ "the on-call support agent": "on call" within reach before the agent."""
    before = tokens[max(0, at - AGENT_REACH - 2) : at]
    return ("on", "call") in itertools.pairwise(before)
