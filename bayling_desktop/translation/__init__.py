"""Translation work above single requests: glossaries, language detection, projects."""
