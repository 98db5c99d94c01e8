"""The Slack adapter's share of admin notices: fit, escape, wrap in a code block."""

from __future__ import annotations

from adapters.slack.admin import NOTICE_MAX, notice_text


def test_a_notice_is_escaped_so_nothing_in_a_file_pings_or_links() -> None:
    text = notice_text("Knowledge change refused\nk/a.yaml:1: body: <!here> & <@U1>")
    assert text.startswith("```") and text.endswith("```")
    assert "<!here>" not in text and "<@U1>" not in text and "&amp;" in text


def test_a_long_notice_is_cut_at_a_line() -> None:
    lines = ["Knowledge change refused"] + [
        f"k/s{i}.yaml:{i}: title: {'x' * 80}" for i in range(200)
    ]
    text = notice_text("\n".join(lines))
    assert len(text) <= NOTICE_MAX + 6
    assert text.removesuffix("```").splitlines()[-1].endswith("more (see the logs)")
