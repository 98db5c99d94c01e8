"""Where a control or a setting sits in an app: "where's the temperature slider in the
playground", "which menu is it under", "can't find the top-p setting", "where do i set the
temperature in the gemini api", "how do i set temperature in the deepl api". The app's
layout or its api's fields, which no explanation tells; what the setting does is asked with
"what", and how to set it for an effect ("how do i set temperature so it stops making things
up") names no place in an app. Part of :func:`bot.matching.trust.wanted.wanted`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import HOW_DO_I, vocabulary

CONTROLS = vocabulary(
    """
    slider sliders button buttons toggle toggles setting settings option options menu menus
    tab tabs dial knob dropdown checkbox field page screen
    """
)
WHERE_REACH = 6  # words from "where" to the control ("where do i find the temperature setting")
# Where in an app's layout, asked by which one it is ("which menu is it under", "which tab is
# the slider on"); not a slider, knob or setting ("top-p vs temperature, which knob do i turn"
# asks which parameter), nor a field ("which field of ai"), unless a field's name.
WHICH_PLACES = vocabulary("menu menus tab tabs dropdown button buttons checkbox page screen")
# Not finding a control ("can't find the temperature slider"): asked where it is.
NOT_FINDING = vocabulary("cant cannot couldnt not")
FIND_REACH = 4  # words from "find" to the control ("find the top-p setting")
# Verbs of setting a value, asked where or how, with the place in a named app or api after
# them ("where do i set the temperature in the gemini api", "how do i set temperature in the
# deepl api"); "where do i set the temperature, in the playground or the api" names no app,
# and how any playground or api takes it is the explanation's.
SETTING = vocabulary("set change adjust configure tweak raise lower increase decrease")
ASKED_REACH = 4  # words from "where" or "how" to the verb ("how can i actually change")
PLACES = vocabulary(
    """
    api apis playground console studio app dashboard portal sdk plugin call request
    interface ui settings preferences
    """
)
IN_PLACE = vocabulary("in on inside within for")
# An app's settings are a place only inside it ("in the claude settings page", "in my copilot
# settings"); "for creative writing settings" tells what the value is for.
SETTINGS_PLACES = vocabulary("settings preferences")
INSIDE = IN_PLACE - {"for"}
# Words of the place phrase that name no app ("in the playground or the api", "for each api
# call").
UNNAMED = vocabulary(
    """
    the a an this that our my your its their or and each every any all some one single
    chat web mobile desktop new same other
    """
)
# Words from the verb to the place ("set temperature in the deepl api", "raise the context
# window limit in the claude settings").
PLACE_REACH = 8
ASKING_HOW = (*HOW_DO_I, ("how", "to"))  # and "how to set temperature in ..."


def located(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` asks where a control or a setting sits in an app."""
    token = tokens[at]
    if token not in CONTROLS and token not in SETTING:
        return False
    if "come" in tokens or "comes" in tokens:
        return False  # "where does the context limit come from": its history
    if token in CONTROLS:
        start = max(0, at - WHERE_REACH)
        if any(_asks_where(tokens, i) for i in range(start, at)):
            return True
        if _found_not(tokens, at):
            return True
        if at > 0 and tokens[at - 1] == "which":
            return token in WHICH_PLACES or tuple(tokens[at : at + 2]) == ("field", "name")
        return False
    return _asked_where_or_how(tokens, at) and _named_place(tokens, at)


def _found_not(tokens: Sequence[str], at: int) -> bool:
    """Whether "find" after a word of not finding comes within ``FIND_REACH`` words before the
    control at ``at`` ("can't find the top-p setting")."""
    for find in range(max(1, at - FIND_REACH), at):
        if tokens[find] == "find" and tokens[find - 1] in NOT_FINDING:
            return True
    return False


def _asked_where_or_how(tokens: Sequence[str], at: int) -> bool:
    """Whether a "where" that asks or a "how do i" opens within ``ASKED_REACH`` words before
    the verb at ``at`` ("where do i set", "how can i actually change")."""
    start = max(0, at - ASKED_REACH)
    if any(_asks_where(tokens, i) for i in range(start, at - 1)):
        return True
    return any(tuple(tokens[i : i + len(h)]) == h for h in ASKING_HOW for i in range(start, at))


def _named_place(tokens: Sequence[str], at: int) -> bool:
    """Whether a place in a named app or api follows the verb ("in the deepl api", "in lm
    studio", "for the claude console")."""
    after = tokens[at + 1 : at + 1 + PLACE_REACH]
    for i, token in enumerate(after):
        if token in IN_PLACE:
            phrase = after[i + 1 :]
            for end, word in enumerate(phrase):
                if word in SETTINGS_PLACES and token not in INSIDE:
                    return False
                if word in PLACES:
                    return any(w not in UNNAMED and w not in PLACES for w in phrase[:end])
            return False
    return False


# After "where", what makes it ask ("where is", "where do i", "where has the slider gone"),
# not relate ("the old ones where you click buttons").
WHERE_ASKING = vocabulary("is s are do does did can could would should was were has have had")


def _asks_where(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` is a "where" that asks (:data:`WHERE_ASKING`)."""
    if tokens[at] == "wheres":
        return True
    return tokens[at] == "where" and at + 1 < len(tokens) and tokens[at + 1] in WHERE_ASKING
