"""Runtime: what a serving process runs around the engine, on any platform.

The answer service, hot reload, health and metrics, rate limits, logging and clean shutdown.
"""
