"""Navigator: an offline, private guide for people whose intimate images were made or shared without consent."""

__version__ = "0.1.0"
APP_ID = "org.navigator.Navigator"
APP_NAME = "Navigator"
