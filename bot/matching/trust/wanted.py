"""What the asker wants that no explanation gives: the person who looks after a system here
("who set up the rag pipeline for the wiki"), a product that detects something ("is there a
tool that detects deepfakes"), a policy template or whether to have a policy of one's own ("do
we need an ai ethics policy"), what a law says ("what does the eu ai act say about chatbots"),
a product to buy ("which vector database should we pick, pinecone or something self hosted"),
where a control or a setting sits in an app ("where's the temperature slider in the
playground", "where has it gone": :mod:`bot.matching.trust.located`), the hardware to run
something on ("what gpu do i need to run stable diffusion"), a league table of products
("which embedding model is best for german text"), the steps to set something up on the
asker's own systems ("how do i install stable diffusion on windows"). Part of the service
check (:func:`bot.matching.trust.service.admin`): the word that shows it is attached to the
term and the question is declined.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.located import located


def wanted(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` shows the question wants one of the things above."""
    return (
        _upkeep(tokens, at)
        or _detector(tokens, at)
        or _template(tokens, at)
        or _own_policy(tokens, at)
        or _selecting(tokens, at)
        or located(tokens, at)
        or _ruling(tokens, at)
        or _hardware(tokens, at)
        or _ranking(tokens, at)
        or _setting_up(tokens, at)
        or _tool_for(tokens, at)
    )


# A tool asked for, for a job of the asker's ("any tool for that?", "a good app for
# transcribing meetings"): a product to pick, which no explanation names. "which tool to use"
# may ask how an agent picks one, "any tools that are generative ai" for examples of the term.
ASKING_FOR_TOOL = frozenset({"any", "good", "best", "recommended"})
TOOL_WORDS = frozenset({"tool", "tools", "app", "apps", "software", "product", "products"})


def _tool_for(tokens: Sequence[str], at: int) -> bool:
    return (
        tokens[at] in TOOL_WORDS
        and at > 0
        and tokens[at - 1] in ASKING_FOR_TOOL
        and tokens[at + 1 : at + 2] == ["for"]
    )


# Who looks after a system here ("who set up the rag pipeline for the wiki", "who installed
# the new vector database", "the chatbot is broken again, who maintains it"): a person of the
# asker's organisation, which no explanation names. Who made a thing of the field ("who makes
# chatgpt", "who invented the transformer") is its history, and answered; who owns something
# may ask about copyright ("who owns the copyright on stuff ai makes").
UPKEEP = frozenset({
    "set", "setup", "installed", "install", "maintains", "maintain", "manages",
    "manage", "runs", "configured", "deployed", "approved", "approves", "approve", "administers",
    "supports", "handles", "looks",
})  # fmt: skip


def _upkeep(tokens: Sequence[str], at: int) -> bool:
    return tokens[at] in UPKEEP and at > 0 and tokens[at - 1] in {"who", "whos"}


# A product that detects something ("is there a tool that detects deepfakes", "any app to
# spot ai written essays", "a good deepfake detection tool"): a recommendation of a product,
# which no explanation gives.
TOOLS = frozenset({"tool", "tools", "app", "apps", "software", "service", "plugin", "extension"})
DETECTING = frozenset({
    "detect", "detects", "detecting", "spot", "spots", "spotting", "identify", "identifies",
    "flag", "flags", "catch", "catches", "check", "checks", "checking", "verify", "verifies",
    "verifying",
})  # fmt: skip
TOOL_REACH = 3  # words from the product to its verb ("a tool that can detect")
TELLING_APART = frozenset({"if", "whether", "apart", "when"})


# The product named by what it does ("a deepfake detection tool", "an ai checker": a checker
# is a product by its name, however it is asked of); not a "detector" alone, which may be a
# GAN's network that spots the fakes.
CHECKERS = frozenset({"checker", "checkers"})
DETECTION = frozenset({"detection", "verification"})


def _detector(tokens: Sequence[str], at: int) -> bool:
    token = tokens[at]
    if token in CHECKERS:
        return True
    if token in DETECTION:
        return not TOOLS.isdisjoint(tokens[at + 1 : at + 1 + TOOL_REACH])
    detects = token in DETECTING or (
        # "a tool that can tell if a photo is a deepfake": telling one thing from another
        token == "tell" and at + 1 < len(tokens) and tokens[at + 1] in TELLING_APART
    )
    return detects and not TOOLS.isdisjoint(tokens[max(0, at - TOOL_REACH) : at])


# A policy document to copy ("do we need an ai ethics policy for staff? any template"): a
# document asked for, not a term explained.
TEMPLATES = frozenset({"template", "templates"})
POLICIES = frozenset({"policy", "policies", "guidelines", "guideline"})


def _template(tokens: Sequence[str], at: int) -> bool:
    return tokens[at] in TEMPLATES and not POLICIES.isdisjoint(tokens)


# The asker's own rule book, asked whether to have one ("do we need an ai ethics policy",
# "should we have guidelines for using llms"): advice for their organisation, no explanation.
POLICY_VERBS = frozenset({"need", "have", "write", "draft", "create", "get"})
WE_OR_I = frozenset({"we", "i"})  # the asker, subject of the verb ("should we", "do i")
WE_ASK = frozenset({"do", "should", "shall", "must"})
POLICY_REACH = 5  # words from the verb to the policy word ("need an ai ethics policy")


def _own_policy(tokens: Sequence[str], at: int) -> bool:
    if tokens[at] not in POLICIES:
        return False
    for verb in range(max(2, at - POLICY_REACH), at):
        if (
            tokens[verb] in POLICY_VERBS
            and tokens[verb - 1] in WE_OR_I
            and tokens[verb - 2] in WE_ASK
        ):
            return True
    return False


# What a law or a rule book says ("what does the eu ai act say about chatbots", "does our
# policy say anything about copilot"): its text, which no explanation of a term holds. Asked
# with "does" ("our handbook says we can use copilot, so what is it" only reports it).
RULINGS = POLICIES | {
    "act", "law", "laws", "regulation", "regulations", "directive", "gdpr", "legislation",
    "guidance", "handbook", "contract",
}  # fmt: skip
SAYING = frozenset({"say", "says", "said"})
ASKING_DOES = frozenset({"does", "do", "did"})
RULING_REACH = 6  # words from "does" to the law's word ("does the new eu ai act say")


def _ruling(tokens: Sequence[str], at: int) -> bool:
    return (
        tokens[at] in RULINGS
        and at + 1 < len(tokens)
        and tokens[at + 1] in SAYING
        and not ASKING_DOES.isdisjoint(tokens[max(0, at - RULING_REACH) : at])
    )


# Choosing a product to buy ("which vector database should we pick, pinecone or something
# self hosted", "which ai tool should i get"): a recommendation, which no explanation gives.
# Not "which one should we pick" of two terms the question names (a comparison's choice).
SELECTING = frozenset({"pick", "buy", "choose", "purchase", "get", "license", "licence"})
SHOULD = frozenset({"should", "shall", "do", "would"})
# Words between "which" and its verb ("which vector database should", "which open weights
# model is"), at most.
WHICH_NOUN = 4
NOT_A_PRODUCT = frozenset({"one", "ones", "of", "is", "option", "approach", "way", "method"})


def _selecting(tokens: Sequence[str], at: int) -> bool:
    if tokens[at] not in SELECTING or at < 3:
        return False
    if tokens[at - 1] not in WE_OR_I or tokens[at - 2] not in SHOULD:
        return False
    noun = _which_noun(tokens, at - 2)
    return noun is not None and NOT_A_PRODUCT.isdisjoint(noun)


def _which_noun(tokens: Sequence[str], verb: int) -> Sequence[str] | None:
    """The words between a "which" up to ``WHICH_NOUN`` words before ``verb`` and the verb
    ("vector database" in "which vector database should we pick"); ``None`` without one."""
    for opens in range(max(0, verb - WHICH_NOUN - 1), verb - 1):
        if tokens[opens] == "which":
            return tokens[opens + 1 : verb]
    return None


# Choosing the hardware to run something on ("what gpu do i need to run stable diffusion at
# home", "which graphics card for running it on my pc"): a purchase of the asker's, which no
# explanation gives. "why do llms need such big gpus" asks why, and "can it run on a
# consumer gpu" whether.
HARDWARE = frozenset({
    "gpu", "gpus", "graphics", "vram", "cpu", "cpus", "hardware", "laptop", "laptops", "pc",
    "pcs", "computer", "computers", "machine", "machines", "server", "servers", "specs",
    "card", "cards", "mac", "macbook",
})  # fmt: skip
WHATS = frozenset({"whats", "what"})
CHOOSING = WHATS | {"which", "best"}
HARDWARE_NOUN = 2  # words from "which" to the hardware's word ("which graphics card")
# The asker's auxiliary: "how can i set up ...", "what gpu do we need".
HOW_ASKED = SHOULD | {"can", "could"}
NEEDED_ASKED = HOW_ASKED | {"will"}  # "what gpu will we need"
NEEDING = frozenset({"need", "needs", "buy", "get", "use", "want", "pick", "choose", "rent"})
RUNNING = frozenset({"run", "running", "host", "hosting"})


def _hardware(tokens: Sequence[str], at: int) -> bool:
    if tokens[at] not in HARDWARE:
        return False
    if CHOOSING.isdisjoint(tokens[max(0, at - HARDWARE_NOUN) : at]):
        return False
    after = tokens[at + 1 : at + 4]
    needed = (
        len(after) == 3 and after[0] in NEEDED_ASKED and after[1] in WE_OR_I and after[2] in NEEDING
    )
    # "what graphics card for running it", "which gpu to run llama on"
    running = len(after) >= 2 and after[0] in {"for", "to"} and after[1] in RUNNING
    return needed or running


# Ranking products ("which embedding model is best for german text", "which llm has the
# biggest context window right now", "what's the best image generator for logos"): today's
# league table, which no explanation gives. Only a product's noun: "which sector has the
# most genai adoption" asks a figure the adoption snippet tells; not where two things are
# set against each other ("diffusion or gan, which model is best for images").
SUPERLATIVES = frozenset({
    "best", "fastest", "cheapest", "most", "biggest", "largest", "longest", "smartest",
    "quickest", "highest", "lowest", "top", "strongest",
})  # fmt: skip
PRODUCTS = frozenset({
    "model", "models", "llm", "llms", "chatbot", "chatbots", "tool", "tools", "app", "apps",
    "generator", "generators", "database", "databases", "db", "service", "services",
    "provider", "providers", "api", "apis", "vendor", "vendors", "platform", "platforms",
    "assistant", "assistants", "software", "engine", "engines", "gpu", "gpus",
})  # fmt: skip
RANKED_BY = frozenset({"is", "are", "has", "have", "gives", "give", "offers", "does", "do"})
SET_AGAINST = frozenset({"or", "vs", "versus"})
PRODUCT_AFTER = 3  # words after the superlative to its product ("the best image generator")


def _ranking(tokens: Sequence[str], at: int) -> bool:
    if tokens[at] not in SUPERLATIVES or not SET_AGAINST.isdisjoint(tokens):
        return False
    # "which embedding model is (the) best ...", "which llm has the biggest ..."
    verb = at - 2 if at >= 2 and tokens[at - 1] == "the" else at - 1
    if verb > 1 and tokens[verb] in RANKED_BY:
        noun = _which_noun(tokens, verb)
        if noun is not None:
            return not PRODUCTS.isdisjoint(noun)
    # "what's the best image generator for logos", "what is the best ...": asked; "chatgpt
    # is the best chatbot, so what is it" only reports what someone holds
    asked = at >= 2 and (
        tokens[at - 2] in WHATS
        or (at >= 3 and tokens[at - 2] == "is" and tokens[at - 3] in {"what", "which"})
    )
    return (
        asked
        and tokens[at - 1] == "the"
        and not PRODUCTS.isdisjoint(tokens[at + 1 : at + 1 + PRODUCT_AFTER])
    )


# Setting something up on the asker's own systems ("how do i set up a vector search in
# elasticsearch", "how do we install ollama on the office mac", "how do i enable copilot in
# excel"): steps for their setup, which no explanation gives. In every question set so far
# all such questions were near-domain or off-topic. Not "how do you ..." (how it is done in
# general) and not building or implementing ("how do we build a rag pipeline").
SETTING_UP = frozenset({"setup", "install", "configure", "enable", "deploy"})
# "how do i", "how should we", ...: the asker asking how (as service._operation reads
# grammar.HOW_DO_I).
HOW_WE_ASK = frozenset(("how", aux, who) for aux in HOW_ASKED for who in WE_OR_I)


def _setting_up(tokens: Sequence[str], at: int) -> bool:
    word = tokens[at]
    verb = word in SETTING_UP or (word == "set" and at + 1 < len(tokens) and tokens[at + 1] == "up")
    return verb and at >= 3 and tuple(tokens[at - 3 : at]) in HOW_WE_ASK
