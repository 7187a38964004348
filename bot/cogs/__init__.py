"""One extension per command area, loaded by `LingnanBot.setup_hook`."""
