"""Questions about using a service rather than understanding a term: whether it runs now
("is chatgpt down"), its accounts and keys, what it charges ("price per million tokens"),
its settings ("turn off memory in chatgpt settings"), or what the asker wants of it instead
of an explanation (:mod:`bot.matching.trust.wanted`). No explanation covers them, so the
word that makes a question one of these is attached to the term
(:mod:`bot.matching.trust.context`) and the question is declined.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.matching.trust.grammar import DETERMINERS, HOW_DO_I, TOPICAL, vocabulary
from bot.matching.trust.wanted import wanted

# Particles and adjectives that, as the whole predicate of the term, say whether a service is
# running right now (a closed class): "is chatgpt down", "the openai api offline again?".
STATE = vocabulary("down offline online outage outages")
COPULAS = vocabulary("is are was were isnt arent")


def status(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is a state predicated of the term right before it ("is chatgpt down",
    "the openai api down again?") or over a copula ("chatgpt is down for me"): the question
    asks whether the service runs now, which no explanation covers. Only where the term opens
    its clause or follows a copula that does, and the state word is not a preposition
    ("chatgpt down to the byte")."""
    if tokens[at] not in STATE or at == 0:
        return False
    if at + 1 < len(tokens) and tokens[at + 1] in {"to", "of", "the", "a", "an", "from"}:
        return False
    if at >= 2 and tokens[at - 1] in COPULAS and kinds[at - 2] in TOPICAL:
        return True  # "chatgpt is down for me", "the claude api was offline all morning"
    if kinds[at - 1] not in TOPICAL:
        return False
    i = at - 1
    while i >= 0 and (kinds[i] in TOPICAL or tokens[i] in DETERMINERS):
        i -= 1
    if i >= 0 and tokens[i] in COPULAS:
        i -= 1
    # "why is chatgpt down so often": a wh-word asks of the state too
    return i < 0 or tokens[i] == "," or tokens[i] in {"why", "when", "how"}


# Words of a service's accounts and billing: a question holding one asks how to use or pay
# for a service ("add me to the company midjourney account", "where do i get an api key
# for gemini"), which no explanation covers.
ADMIN = frozenset({
    "account", "accounts", "subscription", "subscriptions", "login", "logins", "password",
    "passwords", "license", "licence", "licenses", "seat", "seats", "quota", "quotas",
    "signup", "sso",
})  # fmt: skip


# Words after "accounts" that make it a department ("accounts payable", "the accounts team").
DEPARTMENT = frozenset({
    "clerk", "clerks", "team", "teams", "department", "dept", "payable", "receivable",
    "manager", "managers", "assistant", "assistants", "office", "staff", "people", "folks",
})  # fmt: skip


def admin(tokens: Sequence[str], at: int) -> bool:
    """Whether a word makes the question one about using or paying for a service: an
    account or key, a price list's unit or a price asked for a period or a buyer, a feature
    switched in an app's settings or one of an app's own, a plan, where it is available, its
    rate limits, a refund, an operation of its app, or what the asker wants of it instead
    (:func:`wanted`)."""
    token = tokens[at]
    if token in ADMIN and at + 1 < len(tokens) and tokens[at + 1] in DEPARTMENT:
        return False  # "an accounts clerk", "our accounts team": who, not a service's account
    if token in ADMIN or (token in {"key", "keys"} and at > 0 and tokens[at - 1] == "api"):
        return True
    return (
        _price_list(tokens, at)
        or _price_asked(tokens, at)
        or _switch(tokens, at)
        or _plan(tokens, at)
        or _available(tokens, at)
        or _rate_limit(tokens, at)
        or _refund(tokens, at)
        or _operation(tokens, at)
        or wanted(tokens, at)
    )


# A price list's unit ("per million tokens", "per 1k tokens") with a word of price: the
# question asks what a service charges, a figure no explanation holds ("why is it billed
# per token" asks why, and names no such unit).
PRICE = frozenset({"price", "prices", "pricing", "cost", "costs", "charge", "charges"})
UNITS = frozenset({"million", "thousand", "1k", "1m", "1000", "mtok"})


# Asking the price of a thing, the verb of price after "how much" or "what" and an auxiliary,
# for a period or a buyer ("how much does chatgpt cost per month", "what does midjourney cost
# for a team"): a figure of the vendor's, no explanation holds. "why do big models cost so
# much" asks why; "how much does pre-training an llm cost" asks the scale of a process, which
# an explanation may tell.
PRICING_VERBS = frozenset({"cost", "costs", "charge", "charges"})
PRICE_AUXILIARIES = frozenset({"do", "does", "did", "would", "will", "could", "might"})
PRICE_REACH = 8  # words from the asking to the verb, at most
BILLED = frozenset({
    "month", "monthly", "year", "yearly", "annually", "seat", "seats", "user", "users",
    "licence", "license", "team", "us", "me",
})  # fmt: skip
BILLED_REACH = 5  # words from the verb to its period or buyer, at most


def _price_asked(tokens: Sequence[str], at: int) -> bool:
    if tokens[at] not in PRICING_VERBS or not any(
        t in BILLED for t in tokens[at + 1 : at + 1 + BILLED_REACH]
    ):
        return False
    for i in range(max(0, at - PRICE_REACH), at - 1):
        asking = tokens[i] == "what" or tokens[i : i + 2] == ["how", "much"]
        after = i + (1 if tokens[i] == "what" else 2)
        # "ok, how much does ..." asks; "what, after the trial, does it cost" is no one clause
        if asking and after < at and tokens[after] in PRICE_AUXILIARIES:
            return "," not in tokens[after:at]
    return False


def _price_list(tokens: Sequence[str], at: int) -> bool:
    asks_price = any(t in PRICE for t in tokens) or any(
        a == "how" and b == "much" for a, b in itertools.pairwise(tokens)
    )
    return tokens[at] in UNITS and at > 0 and tokens[at - 1] == "per" and asks_price


# Switching a feature of an app on or off in its settings ("how do i turn off memory in
# chatgpt settings"): how to use a service, which no explanation covers.
SWITCHES = frozenset({"disable", "enable", "toggle"})
SETTINGS = frozenset({"settings", "setting", "preferences", "toggle"})


# Features of an app that are switched on or off ("turn off chat history in chatgpt"): the
# thing switched is the app's, not the term's ("how do i turn off hallucinations" asks of it).
FEATURES = frozenset({
    "history", "memory", "sidebar", "notifications", "notification", "summaries", "suggestions",
    "autocomplete", "popup", "popups", "sharing",
})  # fmt: skip
FEATURE_WORDS = 3  # words from "off" to the feature, at most ("off the gemini sidebar")


def _switch(tokens: Sequence[str], at: int) -> bool:
    token = tokens[at]
    switched = token in SWITCHES or (
        token in {"off", "on"} and at > 0 and tokens[at - 1] in {"turn", "switch"}
    )
    return switched and (any(t in SETTINGS for t in tokens) or _feature_of_app(tokens, at + 1))


def _feature_of_app(tokens: Sequence[str], start: int) -> bool:
    """Whether an app's feature is named from ``start``, in the app ("chat history in
    chatgpt", "the copilot suggestions in outlook"); "memory for my ai agent" names a
    feature of the field, no app's."""
    for at in range(start, min(len(tokens), start + FEATURE_WORDS)):
        if tokens[at] in FEATURES:
            return tokens[at + 1 : at + 2] in (["in"], ["on"])
    return False


# A tier of a service's plans ("claude pro vs team plan", "the free tier"): what it sells.
PLANS = frozenset({"plan", "plans", "tier", "tiers"})
PLAN_NAMES = frozenset({"free", "pro", "plus", "team", "teams", "enterprise", "business", "paid"})


# Which of a vendor's plans gives what ("which plan gives a bigger context window"), its
# upgrade or its price ("a plan upgrade"): what the vendor sells, never how the term works.
# "which plan is better, rag or fine tuning" and "what plan does an agent follow" ask of an
# approach.
WHICH_PLAN = frozenset({"which", "what"})
PLAN_GIVES = frozenset({
    "gives", "give", "includes", "include", "offers", "offer", "unlocks", "unlock", "comes",
    "come", "allows", "allow", "raises", "lets", "let",
})  # fmt: skip
PLAN_DEALS = frozenset({"upgrade", "upgrades", "price", "prices", "pricing"})
# Alternatives offered after "which plan" ("which plan gives better results, rag or fine
# tuning") choose an approach, unless they are a vendor's plans ("pro or team").
ALTERNATIVES = frozenset({"or", "vs", "versus"})


def _plan(tokens: Sequence[str], at: int) -> bool:
    if tokens[at] not in PLANS:
        return False
    before = tokens[at - 1] if at > 0 else ""
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    vendor = before not in WHICH_PLAN and before not in DETERMINERS
    if vendor and at > 1 and tokens[at - 2] in WHICH_PLAN:
        # "which chatgpt plan lets us ...": the vendor's plan; not "what a plan lets an
        # agent do", the plan an agent makes
        before = tokens[at - 2]
    if before in WHICH_PLAN:
        return (after in PLAN_GIVES or after in PLAN_DEALS) and not _approaches(tokens, at)
    return before in PLAN_NAMES or after in PLAN_DEALS  # "plan prices" opens a sentence too


def _approaches(tokens: Sequence[str], at: int) -> bool:
    """Whether alternatives after ``at`` are other than a vendor's plans ("rag or fine
    tuning", not "pro or team")."""
    return any(
        tokens[i] in ALTERNATIVES and i + 1 < len(tokens) and tokens[i + 1] not in PLAN_NAMES
        for i in range(at + 1, len(tokens))
    )


def _available(tokens: Sequence[str], at: int) -> bool:
    """Where a service can be used ("is gemini available in the eu yet", "not available in
    my country"): a fact of the vendor's rollout, not of the term."""
    return tokens[at] in {"available", "availability"} and tokens[at + 1 : at + 2] == ["in"]


# What a service counts and caps per user ("i've hit my message limit", "the daily usage
# cap"); a token limit is the context window, which the knowledge explains.
METERED = frozenset({
    "message", "messages", "usage", "daily", "weekly", "hourly", "monthly", "request",
    "requests", "image", "images", "upload", "uploads",
})  # fmt: skip
LIMITS = frozenset({"limit", "limits", "cap", "caps", "quota"})


def _rate_limit(tokens: Sequence[str], at: int) -> bool:
    """A service's request limits ("the rate limit on the claude api", "we keep getting
    429", "i've hit my message limit"): how to use an api or an app, which no explanation
    covers."""
    if tokens[at] == "429":
        return True
    if tokens[at] in LIMITS and at > 0 and tokens[at - 1] in METERED:
        return True
    return tokens[at] == "rate" and tokens[at + 1 : at + 2] in (["limit"], ["limits"], ["limited"])


def _refund(tokens: Sequence[str], at: int) -> bool:
    """Money back from a service ("can i get a refund on midjourney", "refunds for unused
    credits"); not a refund policy an assistant made up, which is what it said."""
    return tokens[at] in {"refund", "refunds"} and tokens[at + 1 : at + 2] in (
        ["on"],
        ["for"],
        ["from"],
    )


# Operating an app ("how do i upload files to chatgpt", "how can i export my chats"): how to
# use a service, which no explanation covers. Only asked as "how do i" of the asker's own
# doing; "download" is left out ("can we download a model and run it ourselves" asks about
# open weights).
OPERATIONS = frozenset({
    "upload", "export", "delete", "reset", "clear", "rename", "archive", "share", "cancel",
    "unsubscribe", "pin", "sync", "upgrade", "downgrade",
})  # fmt: skip


def _operation(tokens: Sequence[str], at: int) -> bool:
    return tokens[at] in OPERATIONS and at >= 3 and tuple(tokens[at - 3 : at]) in HOW_DO_I
