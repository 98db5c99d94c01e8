"""Questions about using a service (bot/matching/trust/service.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.service import admin, status


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("how do i reset my chatgpt password", "password", True),
        ("where is my api key for claude", "key", True),
        ("the key idea of rag", "key", False),  # not an api's key
        ("gpt-4o price per million tokens", "million", True),
        ("how much per million tokens for haiku", "million", True),
        ("a million tokens of context", "million", False),  # no price asked
        ("how do i turn off memory in chatgpt settings", "off", True),
        ("how do i turn off the lights", "off", False),  # no app's settings
        ("claude pro vs team plan whats the price difference", "plan", True),
        ("we need a plan for rolling out genai", "plan", False),  # no tier of a service
        # Round 52: which plan gives what, a plan's upgrade or price: what the vendor sells
        ("which plan gives us a bigger context window on claude", "plan", True),
        ("which plan upgrade gives a bigger one", "plan", True),
        ("is there a plan upgrade that raises the token limit", "plan", True),
        ("chatgpt plan prices for a team of 12", "plan", True),
        ("which plan is better for our docs, rag or fine tuning", "plan", False),  # approach
        ("what plan does an ai agent follow", "plan", False),
        # alternatives that are approaches, not plans; a plan's price opening the sentence
        ("which plan gives better results for our docs, rag or fine tuning", "plan", False),
        ("which plan gives more messages, pro or team", "plan", True),
        ("plan prices for chatgpt team", "plan", True),
        # Round 54: the vendor's name between "which" and "plan"; what a plan lets you do
        ("which chatgpt plan lets us share chats across the team", "plan", True),
        ("which claude plan gives the biggest context window", "plan", True),
        ("which chatgpt plan is better for our docs, rag or fine tuning", "plan", False),
        ("which chatgpt plan gives better results, rag or fine tuning", "plan", False),
        # ... a name, not a determiner: the plan an agent makes
        ("what a plan lets an ai agent do", "plan", False),
        ("what the plan includes for an ai agent", "plan", False),
        ("is gemini available in the eu yet", "available", True),
        ("is there an open model available for download", "available", False),
        ("whats the rate limit on the claude api", "rate", True),
        ("we keep getting 429 from the api", "429", True),
        ("what is the error rate of llms", "rate", False),
        # Round 49: what a service caps per user; a token limit is the context window
        ("ive hit my message limit for today", "limit", True),
        ("is there a daily usage cap", "cap", True),
        ("what is the token limit of gpt 4", "limit", False),
        ("can i get a refund on midjourney", "refund", True),
        ("the bot invented a refund policy", "refund", False),
        ("add me to the company midjourney account", "account", True),
        ("im an accounts clerk", "accounts", False),  # a department: who asks
        ("our accounts payable team", "accounts", False),
        # Round 41: operating an app, asked as the asker's own doing
        ("how do i upload files to chatgpt", "upload", True),
        ("how can i export my chats from claude", "export", True),
        ("why does the model share our data", "share", False),  # no how-to
        ("can we download a model and run it ourselves", "download", False),
        # Round 46: moving between a service's plans; an app's feature switched off
        ("how do i upgrade our plan so we get the bigger context window", "upgrade", True),
        ("what does upgrading to a bigger context window give us", "upgrading", False),
        ("how do i turn off chat history in chatgpt", "off", True),
        ("how do i switch off the gemini sidebar in gmail", "off", True),
        ("how do i turn off hallucinations", "off", False),  # the term's, no app's feature
        ("how do i turn on memory for my ai agent", "on", False),  # no app it is in
        # ... and a price asked ("how much does X cost", "what does X cost")
        ("how much does chatgpt cost per month", "cost", True),
        ("ok , how much does chatgpt cost per month", "cost", True),  # a break before it
        ("what does midjourney cost for a team of 5", "cost", True),
        ("why do big models cost so much to run", "cost", False),  # asks why
        ("how much text does it read , and what does that cost us", "cost", True),
        ("how much does pre-training an llm cost", "cost", False),  # no period or buyer
    ],
)
def test_a_word_of_accounts_prices_or_settings(text: str, word: str, expected: bool) -> None:
    tokens = text.replace("-", " ").split()
    assert admin(tokens, tokens.index(word)) is expected


def test_a_state_of_the_service_predicated_of_the_term() -> None:
    tokens = ["is", "chatgpt", "down"]
    assert status(tokens, ["", "term", "everyday"], 2)
    tokens = ["chatgpt", "down", "to", "the", "byte"]
    assert not status(tokens, ["term", "everyday", "", "", "everyday"], 1)


def test_a_state_of_the_service_over_a_copula() -> None:
    # Round 42 (read set 115): "chatgpt is down for me" answered the chatgpt snippet
    tokens = ["chatgpt", "is", "down", "for", "me"]
    assert status(tokens, ["term", "", "everyday", "", ""], 2)
    tokens = ["the", "weather", "is", "down"]  # no term before the copula
    assert not status(tokens, ["", "everyday", "", "everyday"], 3)


def test_a_state_of_the_service_asked_why() -> None:
    # Round 42: "why is chatgpt down so often" answered the chatgpt snippet
    tokens = ["why", "is", "chatgpt", "down", "so", "often"]
    assert status(tokens, ["", "", "term", "everyday", "", "everyday"], 3)


def test_what_the_asker_wants_is_part_of_the_service_check() -> None:
    tokens = ["who", "installed", "the", "new", "vector", "database"]
    assert admin(tokens, 1)
