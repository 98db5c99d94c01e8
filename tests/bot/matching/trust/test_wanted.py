"""What the asker wants instead of an explanation (bot/matching/trust/wanted.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.wanted import wanted


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Round 42 (read sets 103, 115, 116): a product that detects, a policy to copy
        ("is there a tool that detects deepfakes", "detects", True),
        # Round 44 (read set 130): checking or verifying, as detecting
        ("whats a good tool to check if a photo is a deepfake", "check", True),
        ("is there an app to verify whether an essay was written by chatgpt", "verify", True),
        ("how do i check if chatgpt made up a source", "check", False),  # no product
        ("any app that can spot ai written essays", "spot", True),
        ("how do you spot a deepfake", "spot", False),  # no product asked for
        # Round 45 (read set 106): the product named by what it does
        ("is there a good deepfake detection tool", "detection", True),
        ("is the turnitin ai checker any good", "checker", True),
        ("how does deepfake detection work", "detection", False),  # no product
        ("a gan has a generator and a detector network", "detector", False),
        # ... and what a law or a rule book says: its text
        ("what does the eu ai act say about chatbots", "act", True),
        ("what does the staff handbook say about generative ai tools", "handbook", True),
        ("what does copyright law mean for generative ai images", "law", False),
        ("our staff handbook says we can use copilot so what is copilot", "handbook", False),
        ("any deepfake detection for video tools", "detection", True),
        # Round 45 (read sets 137, 138): a tool that can tell if a photo is a deepfake
        ("is there a tool that can tell if a photo is a deepfake", "tell", True),
        ("how can i tell if chatgpt made it up", "tell", False),  # no product
        ("does anyone have an ai ethics policy template", "template", True),
        ("any good prompt templates for job ads", "templates", False),  # no policy
        # Round 46: whether to have a policy of one's own
        ("do we need an ai ethics policy and what should go in it", "policy", True),
        ("should we have guidelines for using llms at work", "guidelines", True),
        ("what are the ethical risks that a policy should cover", "policy", False),
    ],
)
def test_a_product_or_document_asked_for(text: str, word: str, expected: bool) -> None:
    tokens = text.split()
    assert wanted(tokens, tokens.index(word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Round 42 (read sets 87, 90): a product to buy
        ("which vector database should we pick pinecone or weaviate", "pick", True),
        ("which ai tool should i get for meetings", "get", True),
        # a choice between the terms asked about
        ("rag or fine tuning which one should we pick", "pick", False),
        ("which should we pick rag or fine tuning", "pick", False),
        # Round 48 (read set 156): the hardware to run it on
        ("what gpu do i need to run stable diffusion at home", "gpu", True),
        ("which graphics card for running llama in the office", "card", True),
        ("best laptop to run a local model on", "laptop", True),
        ("why do llms need such big gpus", "gpus", False),  # why, not which
        ("what gpu did they train stable diffusion on", "gpu", False),  # theirs, not ours
        ("can it run on a normal gpu", "gpu", False),
        # Round 48: ranking products, today's league table
        ("which embedding model is best for german text", "best", True),
        ("which llm has the biggest context window right now", "biggest", True),
        ("whats the best image generator for logos", "best", True),
        ("which sector has the most genai adoption", "most", False),  # no product
        ("whats the best way to write a prompt", "best", False),
        ("diffusion or gan which model is best for images", "best", False),  # two terms
        ("which is the best llm for coding", "best", True),
        ("chatgpt is the best chatbot so what is chatgpt exactly", "best", False),  # reported
        # Round 48 (read set 71): setting it up on the asker's own systems
        ("how do i set up a vector search in elasticsearch", "set", True),
        ("how should we install stable diffusion on the studio mac", "install", True),
        ("how do you set up rag in general", "set", False),  # how it is done
        ("why would we set up rag for our docs", "set", False),
        ("how do i set", "set", False),  # the last word
        # Round 54 (read set 93): a tool asked for, for a job of the asker's
        ("anonymise the incident reports, any tool for that", "tool", True),
        ("any good app for transcribing meetings", "app", True),
        ("how does an agent decide which tool to use", "tool", False),  # the term's tools
        ("any tools that are generative ai", "tools", False),  # examples of the term
    ],
)
def test_a_product_to_choose(text: str, word: str, expected: bool) -> None:
    tokens = text.split()
    assert wanted(tokens, tokens.index(word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Round 43 (read set 121): where a control sits in an app
        ("wheres the slider to change the temperature in the playground", "slider", True),
        ("where is the temperature setting in chatgpt", "setting", True),
        ("where do i find the rag settings in copilot studio", "settings", True),
        # Round 45 (read set 135): where it has gone since an update
        ("where has the temperature slider gone in the new playground ui", "slider", True),
        ("where have the context length settings gone", "settings", True),
        # what the setting does, where the word comes from, a relative "where"
        ("what does the temperature setting do", "setting", False),
        ("where does the temperature setting come from", "setting", False),
        ("the old bots where you click buttons and get a menu", "buttons", False),
    ],
)
def test_where_a_control_sits(text: str, word: str, expected: bool) -> None:
    tokens = text.split()
    assert wanted(tokens, tokens.index(word)) is expected
