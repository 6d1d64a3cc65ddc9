"""The support dialog: a pure engine step, the checklist, commands, chat and evaluation."""
