"""Dialogs: settings, the model manager."""
