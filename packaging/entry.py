"""Entry point of the frozen app: the same ``main()`` as ``bayling-desktop``."""

import sys

from bayling_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
