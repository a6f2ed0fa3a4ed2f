"""BayLing Desktop: an offline, interactive translation assistant on llama.cpp."""

__version__ = "0.1.0"
APP_ID = "io.github.bayling_desktop.BaylingDesktop"
APP_NAME = "BayLing Desktop"
