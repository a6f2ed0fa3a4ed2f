"""``python -m bayling_desktop``."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the imports run: no traceback for that
    sys.stderr.write("bayling-desktop: interrupted.\n")
    sys.exit(130)

sys.exit(main())
