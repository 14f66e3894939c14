"""Navigator: an offline, private guide for people whose intimate images were made or shared without consent."""

import sys

# First, before any other module of Navigator is imported: Python writes no ``.pyc`` files for
# them (their times would say when Navigator first ran; security review F16). Python has already
# compiled this one file by now; ``./dev`` and installing a wheel compile everything beforehand.
sys.dont_write_bytecode = True

__version__ = "0.1.0"
APP_ID = "org.navigator.Navigator"
APP_NAME = "Navigator"
# What the system sees of the program, from the start and whatever the plain window says: the X11
# WM_CLASS, the desktop-file id (the Wayland app id), Qt's hidden windows and the process name.
# These are fixed when Navigator starts, before anyone could choose (security review F8).
SYSTEM_NAME = "notes"
