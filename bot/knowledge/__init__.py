"""Knowledge: snippet files read, validated (file, line and field of every problem) and bundled
into an immutable :class:`bot.knowledge.base.KnowledgeBase`."""
