"""The neutral presentation layer: what the bot shows, before any platform renders it.

Adapters render what this layer builds; nothing here knows any platform's
syntax. :mod:`bot.presentation.present` turns a reply into a :class:`~bot.presentation.view.View`
(the public/private rule included) with the words of :mod:`bot.presentation.sentences`;
:mod:`bot.presentation.markdown` parses snippet Markdown into a small tree of our own
and :mod:`bot.presentation.splitting` cuts such a tree into pieces that fit a size limit.
"""
