"""The PySide6 desktop GUI; the only package (with app.py) that imports Qt."""
