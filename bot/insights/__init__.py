"""Insights: what the question log says (the admin report, and wordings worth adding)."""
