"""The bundle's entry point: what ``navigator`` (the console script) runs, frozen by PyInstaller."""

import sys

from navigator.cli import main

if __name__ == "__main__":
    sys.exit(main())
