"""Logging in and registering the commands, with Discord's failures as clear errors."""

from __future__ import annotations

import aiohttp
import discord
from discord.ext import commands

from adapters.discord.client import apply_endpoints
from adapters.discord.settings import DiscordSettings
from bot.errors import ConfigError

REJECTED = "Discord rejected DISCORD_TOKEN (reset it on the Bot page of the Developer Portal)"


async def login(bot: commands.Bot, settings: DiscordSettings) -> None:
    """Log in, turning a refused token or an unreachable API into one clear ConfigError."""
    apply_endpoints(settings)
    try:
        await bot.login(settings.token)
    except discord.LoginFailure:
        raise ConfigError(REJECTED) from None
    except (aiohttp.ClientError, OSError) as exc:
        where = settings.api_base_url or "discord.com"
        raise ConfigError(f"cannot reach the Discord API at {where}: {exc}") from None


async def sync_commands(
    bot: commands.Bot, settings: DiscordSettings, *, guild_id: int | None = None
) -> list[str]:
    """Register the app commands globally, or in one guild (instant, for testing).

    Returns:
        The names of the registered commands.
    """
    async with bot:
        await login(bot, settings)
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        try:
            synced = await bot.tree.sync(guild=guild)
        except discord.Forbidden:
            raise ConfigError(
                f"Discord refused to register commands in guild {guild_id}: invite the bot "
                "there with the applications.commands scope"
            ) from None
        except discord.HTTPException as exc:
            raise ConfigError(f"Discord refused the commands: {exc.status} {exc.text}") from None
    return [c.name for c in synced]
