"""Discord adapter: a thin discord.py layer over :mod:`bot`.

Importing this package does not import discord.py; only the modules that need it do.
"""
