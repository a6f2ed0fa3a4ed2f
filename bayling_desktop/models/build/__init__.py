"""Build BayLing 2 GGUF files from the published safetensors (download, convert, quantize)."""
