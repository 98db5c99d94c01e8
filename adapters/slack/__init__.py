"""Slack adapter: slack-bolt handlers that turn Slack payloads into neutral questions.

Importing this package is cheap; ``slack_bolt`` is imported only by :mod:`adapters.slack.app`
and :mod:`adapters.slack.serve`.
"""
