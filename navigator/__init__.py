"""Navigator: an offline, private guide for people whose intimate images were made or shared without consent."""

import sys

# First, before any other module of Navigator is imported: Python writes no ``.pyc`` files for
# them (their times would say when Navigator first ran; security review F16). Python has already
# compiled this one file by now; ``./dev`` and installing a wheel compile everything beforehand.
sys.dont_write_bytecode = True

__version__ = "0.1.0"
APP_ID = "org.navigator.Navigator"
APP_NAME = "Navigator"
