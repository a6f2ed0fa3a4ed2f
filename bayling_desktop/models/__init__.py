"""Model management: embedded models, the catalog, Hub downloads, the local library."""
