"""AI in general asked of a snippet on one kind of AI (:mod:`bot.matching.trust.scope`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.scope import asks_wider, kind_of_ai


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Challenges and risks of generative AI", "generative"),
        ("Chatbots and conversational AI", "conversational"),
        ("AI agents and tool use", ""),
        ("Hallucinations (when AI makes things up)", ""),
        ("Neural networks", ""),
    ],
)
def test_the_kind_of_ai_a_title_tells_of(title: str, kind: str) -> None:
    assert kind_of_ai(title) == kind


@pytest.mark.parametrize(
    ("question", "wider"),
    [
        # Round 44 (read sets 103, 105, 128): AI as a whole, asked of in general
        ("general ai ethics question for our team away day", True),
        ("is it ethical in general for charities to use ai at all?", True),
        ("what are the risks of ai overall", True),
        # ... not when the question names the kind, or does not ask in general
        ("what are the risks of generative ai in general?", False),
        ("genai ethics concerns in general", False),
        ("the ethics of ai generated images in general", False),
        ("what are the risks of ai", False),
        ("what is a transformer in general", False),
    ],
)
def test_ai_asked_of_in_general(question: str, wider: bool) -> None:
    assert asks_wider(question, "generative") is wider
