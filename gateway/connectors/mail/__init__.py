"""The e-mail channel: MIME parsing, loop and bounce rules, threading, SMTP and IMAP.

Vendor types (MIME objects, SMTP sessions, IMAP connections) never leave this package.
"""
