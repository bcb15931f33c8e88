"""KPM Desktop: the customer/product matrix (Kunden-Produkt-Matrix) for B2B field sales."""

__version__ = "0.1.0"

APP_NAME = "KPM Desktop"
APP_ID = "kpm-desktop"
ORG_NAME = "KPM"
ORG_DOMAIN = "kpm-desktop.example"
FILE_SUFFIX = ".kpm"
